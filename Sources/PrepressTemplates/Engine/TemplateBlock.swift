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
