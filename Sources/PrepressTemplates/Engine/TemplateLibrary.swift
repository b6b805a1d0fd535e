/// Compiled templates by name, each partial and parent tag linked to the template it names.
///
/// Built once when the theme loads (parsed, checked against the page views, compiled), then shared by every
/// thread that renders: nothing in it changes after `init`.
public struct TemplateLibrary: Sendable {
    let templates: [CompiledTemplate]
    let positions: [String: Int]
    private let program: TemplateProgram
    /// What checking the page templates found: names no view offers, missing partials, unknown blocks.
    public let problems: [TemplateProblem]
    /// What the page templates may read (`TemplateReads`).
    public let reads: TemplateReads

    /// A template that did not parse, by name.
    public struct Failure: Error, Sendable {
        public let name: String
        public let error: TemplateSyntaxError
    }

    /// Parses every template, throwing every one that does not parse; then checks each of `pages` against the
    /// view type it renders with (see `problems`) and compiles the templates for rendering.
    public init(_ sources: [(name: String, text: [UInt8])],
                checking pages: [(template: String, view: any TemplateView.Type)] = [],
                checkBudget: Int = TemplateReads.checkBudget) throws(TemplateLibraryError) {
        var templates: [CompiledTemplate] = []
        var failures: [Failure] = []
        for source in sources {
            do {
                templates.append(CompiledTemplate(name: source.name, source: source.text, nodes: try TemplateParser(source.text).parse()))
            } catch {
                failures.append(Failure(name: source.name, error: error))
            }
        }
        guard failures.isEmpty else { throw TemplateLibraryError(failures: failures) }
        var positions: [String: Int] = [:]
        for (position, template) in templates.enumerated() { positions[template.name] = position }
        self.templates = templates
        self.positions = positions
        for template in templates { Self.link(template.nodes, positions) }
        var checker = TemplateChecker(templates: templates, positions: positions, checkBudget: checkBudget)
        for page in pages { checker.check(page.template, as: page.view) }
        reads = TemplateReads(nesting: checker.nestingUnknown ? nil : checker.nesting, keysByPage: checker.readKeysByPage,
                              freeFormNames: checker.freeFormNames)
        problems = checker.problems.sorted {
            ($0.template, $0.line, $0.column, $0.message) < ($1.template, $1.line, $1.column, $1.message)
        }
        // Compiled after checking, which resolved the names.
        program = TemplateProgram(templates.map(\.nodes))
    }

    public var names: [String] { templates.map(\.name) }

    /// Renders `view` with the template `name` into bytes; nil when there is no such template. `capacity` is the
    /// output's expected size.
    public func render(_ view: some TemplateView, template name: String, escaping: Bool = true, capacity: Int = 4096) -> [UInt8]? {
        render(.of(view), template: name, escaping: escaping, capacity: capacity)
    }

    /// Renders `value` with the template `name`: a view, or free-form data. Nil when there is no such template,
    /// or when partials nest deeper or more often than the engine allows (`TemplateRendering.inclusionLimit`).
    public func render(_ value: TemplateValue, template name: String, escaping: Bool = true, capacity: Int = 4096) -> [UInt8]? {
        guard let position = positions[name] else { return nil }
        return withExtendedLifetime(program) {
            var rendering = TemplateRendering(program: program, escaping: escaping, capacity: capacity)
            rendering.stack.append(value)
            rendering.render(template: position)
            return rendering.exceededLimit ? nil : rendering.output
        }
    }

    /// Sets the target of every partial and parent tag, before anything renders.
    private static func link(_ nodes: [TemplateNode], _ positions: [String: Int]) {
        for node in nodes {
            switch node {
            case .text, .variable: break
            case .section(_, let children), .inverted(_, let children): link(children, positions)
            case .partial(let inclusion): inclusion.target = positions[inclusion.name]
            case .parent(let inclusion, let blocks):
                inclusion.target = positions[inclusion.name]
                for block in blocks { link(block.nodes, positions) }
            case .block(let block): link(block.nodes, positions)
            }
        }
    }
}
