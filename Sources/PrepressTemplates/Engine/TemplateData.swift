/// Data with no declared keys, as JSON has it: what `params` and the conformance entry hand to templates.
public enum TemplateData: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case list([TemplateData])
    case map([String: TemplateData])

    /// `false`, `null` and the empty list; every text and number, even `""` and `0`, is truthy.
    var isFalsy: Bool {
        switch self {
        case .null, .bool(false): true
        case .list(let items): items.isEmpty
        case .bool, .integer, .double, .string, .map: false
        }
    }

    subscript(key: String) -> TemplateData? {
        if case .map(let entries) = self { return entries[key] }
        return nil
    }
}
