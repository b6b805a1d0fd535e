/// A template that does not parse: where, what went wrong, and how to fix it.
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    /// 1-based line and column of the offending tag.
    public let line: Int
    public let column: Int
    public let message: String
    public let hint: String?
}
