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
