/// Templates compiled for rendering: one flat array of instructions for every template of a library, their
/// static text in one byte arena, and every name with the key positions the checker resolved it to.
///
/// Everything a render reads is plain data behind pointers: walking a template takes no reference counting,
/// which on several threads at once would make each shared template a point of contention.
final class TemplateProgram: @unchecked Sendable {
    // Written once, by `init`, before any render; read-only after that.
    enum Operation: UInt8 {
        /// `a`: offset in `bytes`; `b`: length.
        case text
        /// `a`: name; `flag`: 1 when escaped.
        case variable
        /// `a`: name; `b`: the instruction after the section's content.
        case section
        case inverted
        /// `a`: inclusion.
        case partial
        /// `a`: inclusion; `b`: end. The content is the blocks that replace the parent's.
        case parent
        /// `a`: block; `b`: end. The content is the block's default.
        case block
    }

    struct Instruction {
        var operation: Operation
        var flag: UInt8 = 0
        var a: Int32
        var b: Int32 = 0
    }

    struct Name {
        var kind: TemplateName.Kind
        var partCount: Int32
        var firstPart: Int32
    }

    /// One part of a name: up to `Part.inline` view types with the key's position in each, and the key itself
    /// for any other view type or free-form data.
    struct Part {
        static let inline = 4
        var types: (UInt, UInt, UInt, UInt) = (0, 0, 0, 0)
        var positions: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        var key: Int32
    }

    struct Inclusion {
        /// The template included, or -1 when there is none.
        var target: Int32
        var indent: Range<Int32>
    }

    struct Block {
        /// The block's name, as an index into `blockNames`: replacements are matched by it.
        var name: Int32
        var reindents: Bool
        var indent: Range<Int32>
    }

    let instructions: UnsafeMutableBufferPointer<Instruction>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let names: UnsafeMutableBufferPointer<Name>
    let parts: UnsafeMutableBufferPointer<Part>
    let inclusions: UnsafeMutableBufferPointer<Inclusion>
    let blocks: UnsafeMutableBufferPointer<Block>
    /// Each template's instructions.
    let templates: [Range<Int32>]
    /// The keys names' parts look up, for view types not resolved by the checker and for free-form data.
    let keys: [String]

    init(_ trees: [[TemplateNode]]) {
        var builder = Builder()
        var templates: [Range<Int32>] = []
        for tree in trees {
            let start = Int32(builder.instructions.count)
            builder.add(tree)
            templates.append(start..<Int32(builder.instructions.count))
        }
        self.templates = templates
        keys = builder.keys
        instructions = Self.copy(builder.instructions)
        bytes = Self.copy(builder.bytes)
        names = Self.copy(builder.names)
        parts = Self.copy(builder.parts)
        inclusions = Self.copy(builder.inclusions)
        blocks = Self.copy(builder.blocks)
    }

    deinit {
        instructions.deallocate()
        bytes.deallocate()
        names.deallocate()
        parts.deallocate()
        inclusions.deallocate()
        blocks.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }

    private struct Builder {
        var instructions: [Instruction] = []
        var bytes: [UInt8] = []
        var names: [Name] = []
        var parts: [Part] = []
        var inclusions: [Inclusion] = []
        var blocks: [Block] = []
        var keys: [String] = []
        var keyIndex: [String: Int32] = [:]
        var blockNames: [String: Int32] = [:]

        mutating func add(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let text):
                    instructions.append(Instruction(operation: .text, a: Int32(bytes.count), b: Int32(text.count)))
                    bytes += text
                case .variable(let name, let escaped):
                    instructions.append(Instruction(operation: .variable, flag: escaped ? 1 : 0, a: add(name)))
                case .section(let name, let children):
                    withEnd(Instruction(operation: .section, a: add(name))) { $0.add(children) }
                case .inverted(let name, let children):
                    withEnd(Instruction(operation: .inverted, a: add(name))) { $0.add(children) }
                case .partial(let inclusion):
                    instructions.append(Instruction(operation: .partial, a: add(inclusion)))
                case .parent(let inclusion, let overrides):
                    withEnd(Instruction(operation: .parent, a: add(inclusion))) { builder in
                        builder.add(overrides.map(TemplateNode.block))
                    }
                case .block(let block):
                    let name = blockNames[block.name] ?? Int32(blockNames.count)
                    blockNames[block.name] = name
                    blocks.append(Block(name: name, reindents: block.reindents, indent: add(indent: block.indent)))
                    withEnd(Instruction(operation: .block, a: Int32(blocks.count - 1))) { $0.add(block.nodes) }
                }
            }
        }

        /// Adds `instruction`, then what `content` adds, and points the instruction past it.
        mutating func withEnd(_ instruction: Instruction, _ content: (inout Builder) -> Void) {
            let position = instructions.count
            instructions.append(instruction)
            content(&self)
            instructions[position].b = Int32(instructions.count)
        }

        mutating func add(_ name: TemplateName) -> Int32 {
            names.append(Name(kind: name.kind, partCount: Int32(name.parts.count), firstPart: Int32(parts.count)))
            for (index, key) in name.parts.enumerated() {
                let keyPosition = keyIndex[key] ?? Int32(keys.count)
                if keyIndex[key] == nil {
                    keyIndex[key] = keyPosition
                    keys.append(key)
                }
                var part = Part(key: keyPosition)
                let resolved = name.resolutions[index].prefix(Part.inline)
                withUnsafeMutableBytes(of: &part.types) { types in
                    for (slot, resolution) in resolved.enumerated() {
                        types.storeBytes(of: UInt(bitPattern: resolution.type), toByteOffset: slot * MemoryLayout<UInt>.stride, as: UInt.self)
                    }
                }
                withUnsafeMutableBytes(of: &part.positions) { positions in
                    for (slot, resolution) in resolved.enumerated() {
                        positions.storeBytes(of: Int32(resolution.position), toByteOffset: slot * MemoryLayout<Int32>.stride, as: Int32.self)
                    }
                }
                parts.append(part)
            }
            return Int32(names.count - 1)
        }

        mutating func add(_ inclusion: TemplateInclusion) -> Int32 {
            inclusions.append(Inclusion(target: inclusion.target.map(Int32.init) ?? -1, indent: add(indent: inclusion.indent)))
            return Int32(inclusions.count - 1)
        }

        mutating func add(indent: [UInt8]) -> Range<Int32> {
            let start = Int32(bytes.count)
            bytes += indent
            return start..<Int32(bytes.count)
        }
    }
}
