import Foundation
import Mustache
import PrepressContent

/// Renders views with a theme's Mustache templates, compiled once.
public struct TemplateRenderer: Sendable {
    private let library: MustacheLibrary
    /// Template names available, without `.mustache` (`guide`, `partials/header`).
    public let names: Set<String>

    /// The content type every template starts with: HTML escaping done on bytes, not characters.
    static let contentTypeName = "PREPRESS_HTML"
    private static let pragma = "{{% CONTENT_TYPE: \(contentTypeName)}}\n"
    private static let registration: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: contentTypeName)

    /// Compiles every template of `theme`; throws one diagnostic per template that does not parse.
    public init(theme: Theme) throws(DiagnosticsError) {
        _ = Self.registration
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
                // Each template and partial starts in plain HTML escaping, so each gets the pragma, on a line
                // of its own (a standalone tag, which renders nothing); errors count lines without it.
                library.register(try MustacheTemplate(string: Self.pragma + text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    at: SourceLocation(file: file.displayPath, line: max(1, error.context.lineNumber - 1),
                                       column: error.context.columnNumber + 1),
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

/// HTML escaping for Mustache's `{{value}}`, through `HTMLText`.
struct FastHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        HTMLText.escaped(text)
    }
}

/// Escapes text for HTML content and attribute values: `& < > " '` become entities.
public enum HTMLText {
    /// Works on UTF-8 bytes and returns the text untouched when there is nothing to escape, which is most text.
    public static func escaped(_ text: String) -> String {
        var text = text
        let needsEscape = text.withUTF8 { bytes in
            bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        }
        guard needsEscape else { return text }
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x22: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                case 0x27: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}
