import ArgumentParser
import Foundation
import PrepressBuild
import PrepressContent
import PrepressPreview

/// `prepress serve`: a live preview of the site while you write.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site locally, rebuilding and reloading the browser on every save.",
        discussion: """
        Builds the site in memory — drafts and future guides included, links pointing at the local \
        address — and never writes into the output folder. Watches content/, templates/ and site.yml; \
        an edit rebuilds only what it affects and reloads open pages. While a rebuild fails, the last \
        good site is served with the errors shown over every page. Stop with Ctrl-C.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and optionally site.yml and templates/.", valueName: "dir"))
    var site = "."

    @Option(name: .long, help: ArgumentHelp("The address to listen on; use 0.0.0.0 to let other machines connect.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--site \(site) is not a folder")
        }
    }

    func run() async throws {
        let printer = DiagnosticPrinter()
        let siteName = site
        let shown = ShownWarnings()
        let server = PreviewServer(siteDirectory: site, host: host, port: port) { event in
            switch event {
            case .listening(let url):
                say("Serving \(siteName == "." ? "this site" : siteName) at \(url) (drafts and future guides included). Press Ctrl-C to stop.")
            case .built(let warnings, let errors, let seconds):
                shown.replace(with: warnings)
                printer.print(warnings + errors)
                if errors.isEmpty {
                    say("Built the site in \(String(format: "%.2f", seconds)) s.")
                } else {
                    printer.failure(errors, output: "the preview")
                }
            case .rebuilt(let outcome, let paths):
                let what = paths.count == 1 ? paths[0] : "\(paths.count) files"
                switch outcome {
                case .built(let report, let warnings):
                    // Only the warnings this edit brought: a site with thousands would print them all again
                    // on every save.
                    let new = shown.replace(with: warnings)
                    printer.print(new)
                    let counted = warnings.isEmpty ? "" : "; \(warnings.count) warning\(warnings.count == 1 ? "" : "s") (\(new.count) new)"
                    say("\(what) changed: \(report.kind.rawValue), \(report.stalePages) pages to render again, in \(String(format: "%.0f", report.seconds * 1000)) ms\(counted)")
                case .failed(let errors):
                    printer.print(errors)
                    say("\(what) changed: the site does not build; still serving the last good build.")
                }
            }
        }
        do {
            try await server.run()
        } catch let error as PreviewError {
            printer.error("\(error)")
            throw ExitCode(1)
        }
    }
}

/// The warnings of the last good build, printed then: a rebuild prints only those it adds.
final class ShownWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var warnings: Set<Diagnostic> = []
    private var list: [Diagnostic] = []

    /// Keeps `warnings` as the ones shown; returns those not shown before, in order.
    @discardableResult
    func replace(with warnings: [Diagnostic]) -> [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        // Most edits change no warning: the same list is told by comparing it, where hashing a site's thousands
        // of warnings took the processor the page being reloaded was about to be rendered on.
        if warnings == list { return [] }
        let new = warnings.filter { !self.warnings.contains($0) }
        self.warnings = Set(warnings)
        list = warnings
        return new
    }
}

/// Writes a line to standard output at once (not when a buffer fills), so a pipe or log sees it as it happens.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
