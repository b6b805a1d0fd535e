/// What a view answers for one of its keys: the value a template's tag renders, tests or iterates.
public enum TemplateValue: Sendable {
    /// Text: escaped by `{{name}}`, written as it is by `{{{name}}}` and `{{&name}}`; a section over it shows once.
    case text(String)
    /// Text as UTF-8 bytes, for text made as bytes (JSON-LD): written as `.text` is, without becoming a `String`.
    case bytes([UInt8])
    /// A whole number, written in decimal.
    case number(Int)
    /// A flag: a section shows when it is true, an inverted section when it is false.
    case flag(Bool)
    /// A view with keys of its own: a section over it pushes it onto the context stack.
    case view(TemplateViewBox)
    /// A list: a section renders once per item, an inverted section when it is empty.
    case list([TemplateValue])
    /// A list of views, made one at a time as a section reaches them (no array of values is built first).
    case views(TemplateViewList)
    /// One view of a `.views` list while a section renders it, read in place through the list.
    case item(TemplateViewStorage, Int)
    /// Free-form data (front matter `params`, JSON): looked up by name at render time.
    case data(TemplateData)
    /// A key the view offers but has no value for: renders empty, is falsy, and ends the lookup there rather
    /// than letting it go on to enclosing contexts (a guide without `author.url` must not link to its own `url`).
    case absent

    /// Text, or `.absent` for nil.
    public static func text(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .absent
    }

    /// Whether a section over the value renders nothing (and an inverted section renders its content).
    var isFalsy: Bool {
        switch self {
        case .absent, .flag(false): true
        case .list(let items): items.isEmpty
        case .views(let views): views.count == 0
        case .data(let data): data.isFalsy
        case .text, .bytes, .number, .flag, .view, .item: false
        }
    }
}
