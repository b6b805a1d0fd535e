import Foundation
import PrepressContent

/// The one place diagnostics reach the terminal: on standard error, sorted by file and line.
struct DiagnosticPrinter {
    func print(_ diagnostics: [Diagnostic]) {
        // One write for all of them: a site with thousands of problems prints them in one system call.
        var text = ""
        for diagnostic in diagnostics.sorted() {
            text += diagnostic.description
            text += "\n"
        }
        if !text.isEmpty { write(text) }
    }

    /// A line that is no diagnostic: a stage's time, a closing summary.
    func note(_ text: String) {
        write(text + "\n")
    }

    /// An error about no file's contents (a port in use, a remote that refuses a push), in the diagnostics'
    /// form without the place: `error: message`, and the hint on the next line.
    func error(_ message: String, hint: String? = nil) {
        var text = "error: \(message)\n"
        if let hint { text += "    hint: \(hint)\n" }
        write(text)
    }

    /// The closing line of a failed build.
    func failure(_ diagnostics: [Diagnostic], output: String) {
        let errors = diagnostics.filter(\.isError)
        let files = Set(errors.map(\.location.file)).count
        let errorWord = errors.count == 1 ? "error" : "errors"
        let fileWord = files == 1 ? "file" : "files"
        write("Build failed: \(errors.count) \(errorWord) in \(files) \(fileWord); \(output) was left as it was.\n")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
