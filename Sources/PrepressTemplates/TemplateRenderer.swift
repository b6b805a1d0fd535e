import Foundation
import PrepressContent

/// Renders views with a theme's Mustache templates, compiled and checked once.
public struct TemplateRenderer: Sendable {
    private let library: TemplateLibrary
    /// Template names available, without `.mustache` (`guide`, `partials/header`).
    public let names: Set<String>
    /// What the page templates may read, so that a build can tell what a page is made from (`TemplateReads`).
    public var reads: TemplateReads { library.reads }

    /// Compiles every template of `theme` and checks each page template against the view type it renders with
    /// (and what it includes, where it includes it); throws every problem found, each at its file, line and column.
    public init(theme: Theme, pages: [(template: String, view: any TemplateView.Type)]) throws(DiagnosticsError) {
        var diagnostics: [Diagnostic] = []
        var sources: [(name: String, text: [UInt8])] = []
        var displayPaths: [String: String] = [:]
        for file in theme.templates {
            let name = String(file.path.dropLast(".mustache".count))
            guard String(validating: file.contents, as: UTF8.self) != nil else {
                diagnostics.append(.error(at: SourceLocation(file: file.displayPath), "the template is not UTF-8 text",
                                          hint: "save the file as UTF-8"))
                continue
            }
            sources.append((name, Array(file.contents)))
            displayPaths[name] = file.displayPath
        }
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(sources, checking: pages)
        } catch {
            for failure in error.failures {
                diagnostics.append(Self.diagnostic(failure.error, in: displayPaths[failure.name] ?? failure.name))
            }
            throw DiagnosticsError(diagnostics)
        }
        for problem in library.problems {
            diagnostics.append(.error(at: SourceLocation(file: displayPaths[problem.template] ?? problem.template, line: problem.line, column: problem.column),
                                      problem.message, hint: problem.hint))
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        self.library = library
        names = Set(library.names)
    }

    /// Renders `view` with the template `name` into UTF-8 bytes; nil when the theme has no such template.
    public func render(_ view: some TemplateView, template name: String, capacity: Int = 4096) -> [UInt8]? {
        library.render(view, template: name, capacity: capacity)
    }

    /// Renders a template of the site's own (a guide archetype) with free-form data, writing values unescaped.
    public static func renderText(_ template: String, data: TemplateData, displayPath: String) throws(DiagnosticsError) -> String {
        do {
            let library = try TemplateLibrary([(name: "", text: Array(template.utf8))])
            return String(decoding: library.render(.data(data), template: "", escaping: false) ?? [], as: UTF8.self)
        } catch {
            throw DiagnosticsError(error.failures.map { diagnostic($0.error, in: displayPath) })
        }
    }

    private static func diagnostic(_ error: TemplateSyntaxError, in file: String) -> Diagnostic {
        .error(at: SourceLocation(file: file, line: error.line, column: error.column), "template does not parse: \(error.message)", hint: error.hint)
    }
}
