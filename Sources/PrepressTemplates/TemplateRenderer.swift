import Foundation
import Mustache
import PrepressContent

/// Renders views with a theme's Mustache templates, compiled once.
public struct TemplateRenderer: Sendable {
    private let library: MustacheLibrary
    /// Template names available, without `.mustache` (`guide`, `partials/header`).
    public let names: Set<String>

    /// Compiles every template of `theme`; throws one diagnostic per template that does not parse.
    public init(theme: Theme) throws(DiagnosticsError) {
        var library = MustacheLibrary()
        var names: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for file in theme.templates {
            let name = String(file.path.dropLast(".mustache".count))
            guard let text = String(validating: file.contents, as: UTF8.self) else {
                diagnostics.append(.error(at: SourceLocation(file: file.displayPath), "the template is not UTF-8 text"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    at: SourceLocation(file: file.displayPath, line: error.context.lineNumber, column: error.context.columnNumber + 1),
                    "template does not parse: \(Self.describe(error.error))"))
            } catch {
                diagnostics.append(.error(at: SourceLocation(file: file.displayPath), "template does not parse: \(error)"))
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticsError(diagnostics) }
        self.library = library
        self.names = names
    }

    /// Renders `view` with the template `name`; nil when the theme has no such template.
    public func render(_ view: Any, template name: String) -> String? {
        library.render(view, withTemplate: name)
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only blocks ({{$name}}) may stand inside {{<parent}}"
        case .textInsideInheritSection: return "only blocks ({{$name}}) may stand inside {{<parent}}"
        case .invalidConfigVariableSyntax: return "invalid {{% … }} pragma"
        case .unrecognisedConfigVariable: return "unknown {{% … }} pragma"
        @unknown default: return "\(error)"
        }
    }
}
