/// One piece of a compiled template: static bytes, or a tag with what it holds.
enum TemplateNode: Sendable {
    /// Bytes written as they are.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case inverted(TemplateName, [TemplateNode])
    /// `{{>name}}`.
    case partial(TemplateInclusion)
    /// `{{<name}}…{{/name}}`: a template rendered with some of its blocks replaced.
    case parent(TemplateInclusion, [TemplateBlock])
    /// `{{$name}}…{{/name}}`: content a parent's caller may replace.
    case block(TemplateBlock)
}

/// A block: its name, its content and how it is indented.
struct TemplateBlock: Sendable {
    let name: String
    var nodes: [TemplateNode]
    /// Whether the block stands on lines of its own, so that its content is indented by `indent` when rendered
    /// (the spec's block reindentation: indentation is removed where a block is defined and added where it is
    /// expanded).
    var reindents: Bool
    var indent: [UInt8]
    let location: TemplateLocation
}

/// A partial or parent tag: the template it names (found when the library is complete) and its indentation.
final class TemplateInclusion: @unchecked Sendable {
    // `target` is set once, while the library is built, before any rendering; never after.
    let name: String
    /// The whitespace before a standalone tag, added to every line of the included template.
    var indent: [UInt8]
    let location: TemplateLocation
    var target: Int?

    init(name: String, indent: [UInt8], location: TemplateLocation) {
        self.name = name
        self.indent = indent
        self.location = location
    }
}

/// Where a tag stands in its template: a byte offset, turned into line and column for messages.
struct TemplateLocation: Sendable, Hashable {
    let offset: Int
}

/// A name as a tag writes it, split once when the template is parsed: `.`, `.name`, `name` or `a.b.c`.
final class TemplateName: @unchecked Sendable {
    // `resolutions` is filled while templates are checked, before any rendering; only read after that.
    enum Kind: Sendable {
        /// `.`: the top of the context stack.
        case implicit
        /// `name` or `a.b.c`: the first part looked up through the whole stack, the rest in what it found.
        case stack
        /// `.name` or `.a.b`: every part looked up from the top of the stack only.
        case top
    }

    let text: String
    let parts: [String]
    let kind: Kind
    let location: TemplateLocation
    /// For each part, the view types it was found in while checking and its position among their keys: a
    /// lookup in a view of one of these types reads the key by position.
    var resolutions: [[(type: ObjectIdentifier, position: Int)]]

    init(text: String, parts: [String], kind: Kind, location: TemplateLocation) {
        self.text = text
        self.parts = parts
        self.kind = kind
        self.location = location
        resolutions = Array(repeating: [], count: parts.count)
    }

    /// Where part `index` stands in the template.
    func location(ofPart index: Int) -> TemplateLocation {
        let before = parts[..<index].reduce(kind == .top ? 1 : 0) { $0 + $1.utf8.count + 1 }
        return TemplateLocation(offset: location.offset + before)
    }

    /// Notes that part `index` is the key at `position` of views of `type`.
    func resolve(part index: Int, in type: any TemplateView.Type, at position: Int) {
        let identifier = ObjectIdentifier(type)
        if !resolutions[index].contains(where: { $0.type == identifier }) {
            resolutions[index].append((identifier, position))
        }
    }
}
