import Mustache
import PrepressContent

/// What a view returns for a key it knows but has no value for: renders empty and is falsy.
///
/// Returning nil instead would let Mustache look the key up in enclosing contexts, so a guide
/// without `author.url` would link the author to the guide's own `url`.
struct Absent: MustacheCustomRenderable, Sendable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// The value handed to Mustache for an optional: the value itself, or `Absent`.
@inline(__always)
func present<T>(_ value: T?) -> Any {
    if let value { return value }
    return Absent()
}

extension ParamValue {
    /// The value as Mustache sees it: texts, numbers, booleans, arrays and string-keyed dictionaries.
    var templateValue: Any {
        switch self {
        case .string(let text): text
        case .integer(let number): number
        case .double(let number): number
        case .bool(let flag): flag
        case .null: Absent()
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
