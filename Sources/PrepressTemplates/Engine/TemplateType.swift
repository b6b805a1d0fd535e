/// What a key holds, for checking templates: the value kinds of `TemplateValue`, with the type of a view or
/// of a list's items.
public indirect enum TemplateType: Sendable {
    case text
    case number
    case flag
    case view(any TemplateView.Type)
    case list(TemplateType)
    /// Free-form data: anything may be looked up in it, so names under it are not checked.
    case data

    /// How an error message names a value of this type: "a text", "a list of guides".
    var spoken: String {
        switch self {
        case .text: "a text"
        case .number: "a number"
        case .flag: "a flag"
        case .view(let type): keyTable(of: type).description
        case .list(let item):
            if case .view(let type) = item { "a list of \(keyTable(of: type).plural)" } else { "a list" }
        case .data: "free-form data"
        }
    }
}
