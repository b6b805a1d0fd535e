/// A front-matter value as written, before the schema gives it a type, with where it was written.
public struct FrontMatterNode: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        /// A scalar's text; `quoted` is false for plain YAML scalars and for TOML numbers, booleans and dates.
        case scalar(String, quoted: Bool)
        case list([FrontMatterNode])
        case map([FrontMatterEntry])
    }

    public var value: Value
    /// Line and column in the file the front matter came from.
    public var line: Int
    public var column: Int

    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// What a user calls this kind of value in messages.
    public var kindName: String {
        switch value {
        case .scalar: "a text"
        case .list: "a list"
        case .map: "a mapping"
        }
    }
}
