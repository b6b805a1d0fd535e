/// One render in progress: the output, the context stack, and the indentation and block overrides in force.
struct TemplateRendering {
    let templates: [CompiledTemplate]
    /// Whether `{{name}}` escapes for HTML (pages) or writes text as it is (guide archetypes).
    let escaping: Bool
    var output: [UInt8] = []
    var stack: [TemplateValue] = []
    /// Added before every line while a standalone partial or block renders.
    private var indent: [UInt8] = []
    /// Whether the last byte written ended a line, so that the next one starts with `indent`; kept while
    /// `indent` is not empty.
    private var atLineStart = false
    /// Blocks replaced by the parents being rendered, outermost first: the outermost replacement wins.
    private var overrides: [TemplateBlock] = []
    private var depth = 0

    /// How deep partials and parents may nest: a template that includes itself without end stops here.
    static let maximumDepth = 64

    init(templates: [CompiledTemplate], escaping: Bool) {
        self.templates = templates
        self.escaping = escaping
        output.reserveCapacity(16_384)
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                write(bytes)

            case .variable(let name, let escaped):
                if !indent.isEmpty, atLineStart {
                    output += indent
                    atLineStart = false
                }
                if let value = lookup(name) { write(value, escaped: escaped && escaping) }

            case .section(let name, let children):
                guard let value = lookup(name) else { continue }
                switch value {
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children)
                        stack.removeLast()
                    }
                case .data(.list(let items)):
                    for item in items {
                        stack.append(.data(item))
                        render(children)
                        stack.removeLast()
                    }
                default:
                    guard !value.isFalsy else { continue }
                    stack.append(value)
                    render(children)
                    stack.removeLast()
                }

            case .inverted(let name, let children):
                if lookup(name)?.isFalsy ?? true { render(children) }

            case .partial(let inclusion):
                include(inclusion)

            case .parent(let inclusion, let blocks):
                let count = overrides.count
                for block in blocks where !overrides.contains(where: { $0.name == block.name }) { overrides.append(block) }
                include(inclusion)
                overrides.removeSubrange(count...)

            case .block(let block):
                let content = overrides.first(where: { $0.name == block.name })?.nodes ?? block.nodes
                guard depth < Self.maximumDepth else { continue }
                depth += 1
                if block.reindents, !block.indent.isEmpty {
                    let saved = indent
                    indent += block.indent
                    atLineStart = true
                    render(content)
                    indent = saved
                } else {
                    render(content)
                }
                depth -= 1
            }
        }
    }

    private mutating func include(_ inclusion: TemplateInclusion) {
        guard let target = inclusion.target, depth < Self.maximumDepth else { return }
        depth += 1
        if inclusion.indent.isEmpty {
            render(templates[target].nodes)
        } else {
            let saved = indent
            indent += inclusion.indent
            atLineStart = true
            render(templates[target].nodes)
            indent = saved
        }
        depth -= 1
    }

    // MARK: Names

    /// The value `name` stands for here; nil when no context has it.
    private func lookup(_ name: TemplateName) -> TemplateValue? {
        switch name.kind {
        case .implicit:
            return stack.last
        case .top:
            guard let top = stack.last, var value = child(of: top, part: 0, of: name) else { return nil }
            for part in name.parts.indices.dropFirst() {
                guard let next = child(of: value, part: part, of: name) else { return .absent }
                value = next
            }
            return value
        case .stack:
            var position = stack.count - 1
            while position >= 0 {
                if var value = child(of: stack[position], part: 0, of: name) {
                    // The rest of a dotted name is looked up only in what the first part found.
                    for part in name.parts.indices.dropFirst() {
                        guard let next = child(of: value, part: part, of: name) else { return .absent }
                        value = next
                    }
                    return value
                }
                position -= 1
            }
            return nil
        }
    }

    private func child(of value: TemplateValue, part: Int, of name: TemplateName) -> TemplateValue? {
        switch value {
        case .view(let view):
            let type = ObjectIdentifier(Swift.type(of: view))
            for resolution in name.resolutions[part] where resolution.type == type {
                return view.templateValue(at: resolution.position)
            }
            // A view of a type the template was not checked against: found by name.
            guard let position = view.position(ofKey: name.parts[part]) else { return nil }
            return view.templateValue(at: position)
        case .data(let data):
            return data[name.parts[part]].map(TemplateValue.data)
        case .text, .number, .flag, .list, .absent:
            return nil
        }
    }

    // MARK: Writing

    private mutating func write(_ bytes: [UInt8]) {
        guard !indent.isEmpty else {
            output += bytes
            return
        }
        var start = 0
        while start < bytes.count {
            if atLineStart {
                output += indent
                atLineStart = false
            }
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
            output += bytes[start..<end]
            atLineStart = bytes[end - 1] == UInt8(ascii: "\n")
            start = end
        }
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            write(text, escaped: escaped)
        case .number(let number):
            output += String(number).utf8
        case .flag(let flag):
            output += (flag ? "true" : "false").utf8
        case .data(let data):
            switch data {
            case .string(let text): write(text, escaped: escaped)
            case .integer(let number): output += String(number).utf8
            case .double(let number): output += String(number).utf8
            case .bool(let flag): output += (flag ? "true" : "false").utf8
            case .null, .list, .map: break
            }
        case .view, .list, .absent:
            break
        }
    }

    private mutating func write(_ text: String, escaped: Bool) {
        var text = text
        text.withUTF8 { bytes in
            if escaped {
                HTMLText.appendEscaped(bytes, to: &output)
            } else {
                output.append(contentsOf: bytes)
            }
        }
    }
}

/// The keys of a view type, through its static table.
func keyTable<View: TemplateView>(of type: View.Type) -> TemplateKeyTable {
    View.templateKeys
}
