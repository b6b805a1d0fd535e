import Foundation

/// Renders a Mustache template with a JSON context and named partials, as the Mustache specification's tests
/// describe them (github.com/mustache/spec: interpolation, sections, inverted, comments, delimiters, partials and
/// the optional inheritance module).
///
/// It is the engine pages render with, given free-form data instead of typed views: HTML escaping of
/// `& < > " '`, a partial that does not exist renders as nothing. Lambdas and dynamic names are not supported.
public func renderMustache(_ template: String, json: Data, partials: [String: String] = [:]) throws -> String {
    let data = try JSONDecoder().decode(TemplateData.self, from: json)
    let sources = [(name: "", text: Array(template.utf8))] + partials.sorted { $0.key < $1.key }.map { (name: $0.key, text: Array($0.value.utf8)) }
    let library = try TemplateLibrary(sources)
    guard let output = library.render(.data(data), template: "") else { throw TemplateLimitExceeded() }
    return String(decoding: output, as: UTF8.self)
}

/// A rendering that partials would make endless: they nest more than 64 deep, are included more than 100,000
/// times or write more than 16 MB (a partial that includes itself with no data to end it).
public struct TemplateLimitExceeded: Error, CustomStringConvertible {
    public init() {}

    public var description: String {
        "partials nest more than \(TemplateRendering.maximumDepth) deep, are included more than \(TemplateRendering.inclusionLimit) times or write more than \(TemplateRendering.outputLimit >> 20) MB"
    }
}

extension TemplateData: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([TemplateData].self) {
            self = .list(items)
        } else {
            self = .map(try container.decode([String: TemplateData].self))
        }
    }
}
