import PrepressContent
import PrepressTemplates

/// Writes pages, content files and theme assets to a sink, refusing two files at one path.
struct OutputWriter {
    let sink: OutputSink
    let displayPath: (String) -> String

    private enum Origin: Sendable {
        case page(String)
        case file(StaticFile)
        case asset(Theme.File)
    }

    func write(pages: [RenderedPage], staticFiles: [StaticFile], assets: [Theme.File]) throws(DiagnosticsError) -> Int {
        var origins: [String: Origin] = [:]
        for asset in assets {
            origins[asset.path] = .asset(asset)
        }
        var diagnostics: [Diagnostic] = []
        // A site's own file replaces a theme asset of the same path, as templates/ overrides the theme.
        for file in staticFiles {
            origins[file.relativePath] = .file(file)
        }
        for page in pages {
            if case .file(let file)? = origins[page.path] {
                if page.replaceable { continue }
                diagnostics.append(.error(
                    at: SourceLocation(file: displayPath("content/" + file.relativePath)),
                    "this file would overwrite the generated page /\(page.path)",
                    hint: "move or rename the file"))
                continue
            }
            origins[page.path] = .page(page.text)
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }

        let entries = origins.sorted { $0.key < $1.key }
        let sink = self.sink
        let failures: [Diagnostic?] = entries.parallelMap { path, origin in
            do {
                switch origin {
                case .page(let text): try sink.write(Array(text.utf8), to: path)
                case .file(let file): try sink.copy(from: file.absolutePath, to: path)
                case .asset(let asset): try sink.write([UInt8](asset.contents), to: path)
                }
                return nil
            } catch {
                return .error(at: SourceLocation(file: path), "cannot write the file: \(error)")
            }
        }
        let errors = failures.compactMap { $0 }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
        return entries.count
    }
}
