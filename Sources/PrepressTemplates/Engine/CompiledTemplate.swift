/// One parsed template, with its text kept for turning offsets into lines and columns.
final class CompiledTemplate: Sendable {
    let name: String
    let source: [UInt8]
    let nodes: [TemplateNode]

    init(name: String, source: [UInt8], nodes: [TemplateNode]) {
        self.name = name
        self.source = source
        self.nodes = nodes
    }

    func lineAndColumn(of location: TemplateLocation) -> (line: Int, column: Int) {
        TemplateParser.lineAndColumn(of: location.offset, in: source)
    }
}
