/// One `key: value` pair of a mapping, in the order written.
public struct FrontMatterEntry: Sendable, Equatable {
    public var key: String
    public var node: FrontMatterNode

    public init(key: String, node: FrontMatterNode) {
        self.key = key
        self.node = node
    }
}
