/// One heading of a rendered body.
public struct Heading: Sendable, Equatable {
    /// 1 for `#`, 6 for `######`.
    public var level: Int
    /// The heading as plain text (markup removed).
    public var text: String
    /// The unique id written on the heading element.
    public var id: String
    /// Line in the Markdown body, counted from 1.
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}
