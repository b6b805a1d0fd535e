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
