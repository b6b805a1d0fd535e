import Mustache
import PrepressContent

// Views answer Mustache with typed values (`MustacheValue`), which the renderer uses without dynamic casts.

/// A view's value for an optional text: the text, or `.absent`.
///
/// Absent rather than nil: nil would let Mustache look the key up in enclosing contexts, so a guide without
/// `author.url` would link the author to the guide's own `url`.
func present(_ text: String?) -> MustacheValue {
    text.map(MustacheValue.text) ?? .absent
}

/// A view's value for an optional number: the number, or `.absent`.
func present(_ number: Int?) -> MustacheValue {
    number.map(MustacheValue.number) ?? .absent
}

/// A view's value for an optional view: the view, or `.absent`.
func present(_ view: (some MustacheTypedParent)?) -> MustacheValue {
    view.map { .object($0) } ?? .absent
}

/// A list of views.
func list(_ views: [some MustacheTypedParent]) -> MustacheValue {
    .list(views.map { .object($0) })
}

extension ParamValue {
    /// The value as Mustache sees it: texts, numbers, booleans, arrays and string-keyed dictionaries.
    var templateValue: Any {
        switch self {
        case .string(let text): text
        case .integer(let number): number
        case .double(let number): number
        case .bool(let flag): flag
        case .null: MustacheAbsent()
        case .list(let items): items.map(\.templateValue)
        case .map(let entries): entries.templateDictionary
        }
    }
}

extension Array where Element == ParamEntry {
    var templateDictionary: [String: Any] {
        var dictionary: [String: Any] = [:]
        for entry in self { dictionary[entry.key] = entry.value.templateValue }
        return dictionary
    }
}
