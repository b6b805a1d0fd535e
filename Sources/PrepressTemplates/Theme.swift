import Foundation
import PrepressContent

/// The theme a site builds with: the built-in default theme, overridden file by file by the site's `templates/`.
public struct Theme: Sendable {
    /// One file of the theme, with where it came from for messages.
    public struct File: Sendable, Equatable {
        /// Path under templates/ (`guide.mustache`, `partials/head.mustache`, `assets/style.css`).
        public var path: String
        public var contents: Data
        /// Path shown in messages: `templates/guide.mustache`, or `(built-in)/guide.mustache`.
        public var displayPath: String
    }

    /// Every file, sorted by path.
    public var files: [File]

    public init(files: [File]) {
        self.files = files.sorted { $0.path < $1.path }
    }

    /// The theme carried in the binary; its CSS served minified (`CSSMinifier`), templates/ keeping the source.
    public static let builtIn = Theme(files: BuiltinTheme.files.map {
        let text = $0.path.hasSuffix(".css") ? CSSMinifier.minify($0.text) : $0.text
        return File(path: $0.path, contents: Data(text.utf8), displayPath: "(built-in theme)/" + $0.path)
    })

    /// The built-in theme with the files of `directory` laid over it; a missing directory changes nothing.
    public static func load(overriding directory: String, displayPrefix: String) throws(DiagnosticsError) -> Theme {
        var byPath: [String: File] = [:]
        for file in builtIn.files { byPath[file.path] = file }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return Theme(files: Array(byPath.values))
        }
        let paths: [String]
        do {
            paths = try ContentLoader.listFiles(in: directory)
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: displayPrefix), "cannot read the templates folder: \(error.localizedDescription)")])
        }
        var diagnostics: [Diagnostic] = []
        for path in paths {
            guard let contents = FileManager.default.contents(atPath: directory + "/" + path) else {
                diagnostics.append(.error(at: SourceLocation(file: displayPrefix + "/" + path), "cannot read the file"))
                continue
            }
            byPath[path] = File(path: path, contents: contents, displayPath: displayPrefix + "/" + path)
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        return Theme(files: Array(byPath.values))
    }

    /// Mustache templates: files ending in `.mustache` outside `assets/`.
    public var templates: [File] {
        files.filter { $0.path.hasSuffix(".mustache") && !$0.path.hasPrefix("assets/") }
    }

    /// Files under `assets/`, copied to the output's `assets/` folder.
    public var assets: [File] {
        files.filter { $0.path.hasPrefix("assets/") }
    }
}
