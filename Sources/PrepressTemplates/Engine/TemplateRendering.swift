/// One render in progress: the output, the context stack, and the indentation and block replacements in force.
struct TemplateRendering: ~Copyable {
    private let instructions: UnsafeMutableBufferPointer<TemplateProgram.Instruction>
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let names: UnsafeMutableBufferPointer<TemplateProgram.Name>
    private let parts: UnsafeMutableBufferPointer<TemplateProgram.Part>
    private let inclusions: UnsafeMutableBufferPointer<TemplateProgram.Inclusion>
    private let blocks: UnsafeMutableBufferPointer<TemplateProgram.Block>
    private let templates: [Range<Int32>]
    private let keys: [String]
    /// Whether `{{name}}` escapes for HTML (pages) or writes text as it is (guide archetypes).
    private let escaping: Bool

    var output: [UInt8] = []
    var stack: [TemplateValue] = []
    /// Added before every line while a standalone partial or block renders.
    private var indent: [UInt8] = []
    /// Whether the last byte written ended a line, so that the next one starts with `indent`; kept while
    /// `indent` is not empty.
    private var atLineStart = false
    /// The blocks that replace others while parents render, outermost first, as (block name, content start,
    /// content end): the outermost replacement wins.
    private var overrides: [(name: Int32, start: Int32, end: Int32)] = []
    private var depth = 0

    /// How deep partials, parents and blocks may nest: a template that includes itself without end stops here.
    static let maximumDepth = 64
    /// How many partials and parents one rendering may include: a partial that includes itself twice would
    /// otherwise take time exponential in `maximumDepth` (found by `make fuzz`, docs/fuzzing.md).
    static let inclusionLimit = 100_000
    /// How many bytes one rendering may write (a page is rarely a megabyte): included that often, a partial of a
    /// few kilobytes would fill memory first.
    static let outputLimit = 16 << 20
    private var inclusionsLeft = TemplateRendering.inclusionLimit
    /// Whether the rendering stopped at a limit: its output is not the template's.
    private(set) var exceededLimit = false

    /// The program must outlive the rendering: its buffers are read without being retained.
    init(program: TemplateProgram, escaping: Bool, capacity: Int) {
        instructions = program.instructions
        bytes = program.bytes
        names = program.names
        parts = program.parts
        inclusions = program.inclusions
        blocks = program.blocks
        templates = program.templates
        keys = program.keys
        self.escaping = escaping
        output.reserveCapacity(capacity)
    }

    mutating func render(template: Int) {
        let range = templates[template]
        run(Int(range.lowerBound), Int(range.upperBound))
    }

    private mutating func run(_ start: Int, _ end: Int) {
        var position = start
        while position < end {
            let instruction = instructions[position]
            switch instruction.operation {
            case .text:
                write(UnsafeBufferPointer(rebasing: bytes[Int(instruction.a)..<Int(instruction.a + instruction.b)]))
                position += 1

            case .variable:
                if !indent.isEmpty, atLineStart {
                    output += indent
                    atLineStart = false
                }
                if let value = lookup(Int(instruction.a)) { write(value, escaped: instruction.flag != 0 && escaping) }
                position += 1

            case .section:
                let body = position + 1
                let after = Int(instruction.b)
                if let value = lookup(Int(instruction.a)) {
                    switch value {
                    case .list(let items):
                        for item in items {
                            stack.append(item)
                            run(body, after)
                            stack.removeLast()
                        }
                    case .views(let views):
                        for position in 0..<views.count {
                            stack.append(.item(views.storage, position))
                            run(body, after)
                            stack.removeLast()
                        }
                    case .data(.list(let items)):
                        for item in items {
                            stack.append(.data(item))
                            run(body, after)
                            stack.removeLast()
                        }
                    default:
                        if !value.isFalsy {
                            stack.append(value)
                            run(body, after)
                            stack.removeLast()
                        }
                    }
                }
                position = after

            case .inverted:
                if lookup(Int(instruction.a))?.isFalsy ?? true { run(position + 1, Int(instruction.b)) }
                position = Int(instruction.b)

            case .partial:
                include(Int(instruction.a))
                position += 1

            case .parent:
                let count = overrides.count
                var block = position + 1
                while block < Int(instruction.b) {
                    let definition = instructions[block]
                    let name = blocks[Int(definition.a)].name
                    if !overrides.contains(where: { $0.name == name }) {
                        overrides.append((name, Int32(block + 1), definition.b))
                    }
                    block = Int(definition.b)
                }
                include(Int(instruction.a))
                overrides.removeSubrange(count...)
                position = Int(instruction.b)

            case .block:
                let block = blocks[Int(instruction.a)]
                var content = (start: position + 1, end: Int(instruction.b))
                if let replacement = overrides.first(where: { $0.name == block.name }) {
                    content = (Int(replacement.start), Int(replacement.end))
                }
                if depth < Self.maximumDepth {
                    depth += 1
                    if block.reindents, !block.indent.isEmpty {
                        let saved = indent
                        indent += bytes[Int(block.indent.lowerBound)..<Int(block.indent.upperBound)]
                        atLineStart = true
                        run(content.start, content.end)
                        indent = saved
                    } else {
                        run(content.start, content.end)
                    }
                    depth -= 1
                } else {
                    exceededLimit = true
                }
                position = Int(instruction.b)
            }
        }
    }

    private mutating func include(_ index: Int) {
        let inclusion = inclusions[index]
        guard inclusion.target >= 0 else { return }
        guard depth < Self.maximumDepth, inclusionsLeft > 0, output.count < Self.outputLimit else {
            exceededLimit = true
            return
        }
        inclusionsLeft -= 1
        depth += 1
        if inclusion.indent.isEmpty {
            render(template: Int(inclusion.target))
        } else {
            let saved = indent
            indent += bytes[Int(inclusion.indent.lowerBound)..<Int(inclusion.indent.upperBound)]
            atLineStart = true
            render(template: Int(inclusion.target))
            indent = saved
        }
        depth -= 1
    }

    // MARK: Names

    /// The value name `index` stands for here; nil when no context has it.
    private func lookup(_ index: Int) -> TemplateValue? {
        let name = names[index]
        let first = Int(name.firstPart)
        let end = first + Int(name.partCount)
        switch name.kind {
        case .implicit:
            return stack.last
        case .top:
            guard let top = stack.last, var value = child(of: top, part: first) else { return nil }
            for part in (first + 1)..<end {
                guard let next = child(of: value, part: part) else { return .absent }
                value = next
            }
            return value
        case .stack:
            var frame = stack.count - 1
            while frame >= 0 {
                if var value = child(of: stack[frame], part: first) {
                    // The rest of a dotted name is looked up only in what the first part found.
                    for part in (first + 1)..<end {
                        guard let next = child(of: value, part: part) else { return .absent }
                        value = next
                    }
                    return value
                }
                frame -= 1
            }
            return nil
        }
    }

    /// Where the key part `index` names is among the keys of views of `type`: as the checker resolved it, or,
    /// for a view of a type the template was not checked against, found by name.
    @inline(__always)
    private func position(of index: Int, in type: UInt, table: TemplateKeyTable) -> Int? {
        let part = parts[index]
        if part.types.0 == type { return Int(part.positions.0) }
        if part.types.1 == type { return Int(part.positions.1) }
        if part.types.2 == type { return Int(part.positions.2) }
        if part.types.3 == type { return Int(part.positions.3) }
        return table.positions[keys[Int(part.key)]]
    }

    private func child(of value: TemplateValue, part index: Int) -> TemplateValue? {
        switch value {
        case .view(let view):
            return position(of: index, in: view.type, table: view.table).map(view.value(at:))
        case .item(let list, let item):
            return position(of: index, in: list.type, table: list.table).map { list.value(item, $0) }
        case .data(let data):
            return data[keys[Int(parts[index].key)]].map(TemplateValue.data)
        case .text, .bytes, .number, .flag, .list, .views, .absent:
            return nil
        }
    }

    // MARK: Writing

    private mutating func write(_ text: UnsafeBufferPointer<UInt8>) {
        guard !indent.isEmpty else {
            output.append(contentsOf: text)
            return
        }
        var start = 0
        while start < text.count {
            if atLineStart {
                output += indent
                atLineStart = false
            }
            let end = text[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? text.count
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
            atLineStart = text[end - 1] == UInt8(ascii: "\n")
            start = end
        }
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            write(text, escaped: escaped)
        case .bytes(let bytes):
            bytes.withUnsafeBufferPointer { buffer in
                if escaped { HTMLText.appendEscaped(buffer, to: &output) } else { output.append(contentsOf: buffer) }
            }
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
        case .view, .item, .list, .views, .absent:
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
