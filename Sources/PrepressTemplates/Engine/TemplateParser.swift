/// Turns a Mustache template's text into nodes, following the Mustache specification (github.com/mustache/spec):
/// interpolation, sections, inverted sections, comments, set delimiters, partials and the inheritance module's
/// parents and blocks, with the spec's rules for standalone lines and indentation.
struct TemplateParser {
    private let source: [UInt8]

    init(_ source: [UInt8]) {
        self.source = source
    }

    /// The template's nodes; throws the first syntax error.
    func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        var tokens = try scan()
        markStandaloneLines(&tokens)
        return try buildTree(tokens)
    }

    // MARK: Tokens

    private enum Kind: Equatable {
        case text, variable, unescaped, section, inverted, close, partial, parent, block, comment, delimiters

        /// Tags that write nothing where they stand, and so may stand alone on a line that then disappears.
        var mayStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .partial, .parent, .block, .comment, .delimiters: true
            case .text, .variable, .unescaped: false
            }
        }
    }

    private struct Token {
        var kind: Kind
        /// Text: the bytes kept. A tag: where it starts and ends.
        var start: Int
        var end: Int
        var name = ""
        var nameOffset = 0
        /// The tag's whole line is removed (it stands alone on it).
        var standalone = false
        /// A block opened and closed on a line of its own: the line's indentation is removed, its newline kept.
        var blockLine = false
        /// The whitespace before the tag when only whitespace precedes it on its line.
        var lineIndent: [UInt8]?
    }

    private static let braces: [UInt8] = Array("{{".utf8)

    private func scan() throws(TemplateSyntaxError) -> [Token] {
        var open = Self.braces
        var close: [UInt8] = Array("}}".utf8)
        var tokens: [Token] = []
        var position = 0
        while position < source.count {
            guard let tagStart = find(open, from: position) else {
                tokens.append(Token(kind: .text, start: position, end: source.count))
                break
            }
            if tagStart > position { tokens.append(Token(kind: .text, start: position, end: tagStart)) }
            var cursor = tagStart + open.count
            if open == Self.braces, cursor < source.count, source[cursor] == UInt8(ascii: "{") {
                guard let end = find([UInt8(ascii: "}")] + close, from: cursor + 1) else {
                    throw error(at: tagStart, "this {{{ tag is never closed", hint: "close it with }}}")
                }
                let name = try tagName(cursor + 1, end, tagStart: tagStart)
                tokens.append(Token(kind: .unescaped, start: tagStart, end: end + 1 + close.count, name: name.text, nameOffset: name.offset))
                position = end + 1 + close.count
                continue
            }
            while cursor < source.count, Self.isSpace(source[cursor]) { cursor += 1 }
            let sigil = cursor < source.count ? source[cursor] : 0
            let kind: Kind
            switch sigil {
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "<"): kind = .parent
            case UInt8(ascii: "$"): kind = .block
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: "="): kind = .delimiters
            case UInt8(ascii: "&"): kind = .unescaped
            default: kind = .variable
            }
            let contentStart = kind == .variable ? cursor : cursor + 1
            let closing = kind == .delimiters ? [UInt8(ascii: "=")] + close : close
            guard let end = find(closing, from: contentStart) else {
                let shown = String(decoding: closing, as: UTF8.self)
                throw error(at: tagStart, "this tag is never closed", hint: "close it with \(shown)")
            }
            let tagEnd = end + closing.count
            switch kind {
            case .comment:
                tokens.append(Token(kind: .comment, start: tagStart, end: tagEnd))
            case .delimiters:
                let parts = source[contentStart..<end].split(whereSeparator: Self.isSpace).map(Array.init)
                guard parts.count == 2, !parts[0].contains(UInt8(ascii: "=")), !parts[1].contains(UInt8(ascii: "=")) else {
                    throw error(at: tagStart, "a set-delimiter tag needs two delimiters without '=', as in {{=<% %>=}}",
                                hint: "write the new opening and closing delimiters between '=' signs, separated by a space")
                }
                open = parts[0]
                close = parts[1]
                tokens.append(Token(kind: .delimiters, start: tagStart, end: tagEnd))
            default:
                let name = try tagName(contentStart, end, tagStart: tagStart)
                tokens.append(Token(kind: kind, start: tagStart, end: tagEnd, name: name.text, nameOffset: name.offset))
            }
            position = tagEnd
        }
        return tokens
    }

    /// The trimmed name between `start` and `end`: one word, not empty.
    private func tagName(_ start: Int, _ end: Int, tagStart: Int) throws(TemplateSyntaxError) -> (text: String, offset: Int) {
        var from = start
        var to = end
        while from < to, Self.isSpace(source[from]) { from += 1 }
        while to > from, Self.isSpace(source[to - 1]) { to -= 1 }
        guard from < to else { throw error(at: tagStart, "this tag names nothing", hint: "write a name between the braces, as in {{title}}") }
        if source[from..<to].contains(where: Self.isSpace) {
            throw error(at: from, "a tag holds one name, without spaces", hint: "Mustache names are single words such as guide.title")
        }
        return (String(decoding: source[from..<to], as: UTF8.self), from)
    }

    // MARK: Standalone lines

    /// Finds lines holding nothing but whitespace and tags that write nothing; such a line is removed, its
    /// indentation kept for a partial or parent standing on it (the spec's "standalone" tags).
    private func markStandaloneLines(_ tokens: inout [Token]) {
        var keepFrom: [Int: Int] = [:]  // text token → first byte kept
        var keepUntil: [Int: Int] = [:]  // text token → end of the bytes kept
        // Where the current line starts; nil when it starts with a tag at the start of the template.
        var lineStart: (token: Int, offset: Int)? = tokens.first?.kind == .text ? (0, tokens[0].start) : nil
        var tags: [Int] = []
        var blank = true

        func finishLine(endToken: Int?, newlineEnd: Int) {
            defer { tags = []; blank = true }
            guard blank, !tags.isEmpty, tags.allSatisfy({ tokens[$0].kind.mayStandAlone }) else { return }
            let indent = lineStart.map { start in Array(source[start.offset..<tokens[tags[0]].start]) } ?? []
            let first = tags[0]
            if [.partial, .parent, .block].contains(tokens[first].kind) { tokens[first].lineIndent = indent }
            if tags.count == 2, tokens[tags[0]].kind == .block, tokens[tags[1]].kind == .close {
                // `{{$name}}{{/name}}` on a line of its own: the indentation goes to the block, the newline stays.
                tokens[first].blockLine = true
                if let start = lineStart { keepUntil[start.token] = start.offset }
                for index in (tags[0] + 1)..<tags[1] where tokens[index].kind == .text { keepUntil[index] = tokens[index].start }
                return
            }
            for tag in tags { tokens[tag].standalone = true }
            if let start = lineStart { keepUntil[start.token] = start.offset }
            let last = endToken ?? tokens.count
            for index in (first + 1)..<last where tokens[index].kind == .text { keepUntil[index] = tokens[index].start }
            if let endToken { keepFrom[endToken] = newlineEnd }
        }

        for index in tokens.indices {
            let token = tokens[index]
            guard token.kind == .text else {
                if tags.isEmpty, blank, token.kind != .variable, token.kind != .unescaped {
                    tokens[index].lineIndent = lineStart.map { Array(source[$0.offset..<token.start]) } ?? []
                }
                tags.append(index)
                if !token.kind.mayStandAlone { blank = false }
                continue
            }
            var position = token.start
            while let newline = source[position..<token.end].firstIndex(of: UInt8(ascii: "\n")) {
                if source[position..<newline].contains(where: { !Self.isSpace($0) }) { blank = false }
                finishLine(endToken: index, newlineEnd: newline + 1)
                position = newline + 1
                lineStart = (index, position)
            }
            if source[position..<token.end].contains(where: { !Self.isSpace($0) }) { blank = false }
        }
        finishLine(endToken: nil, newlineEnd: source.count)

        for (index, start) in keepFrom { tokens[index].start = start }
        for (index, end) in keepUntil { tokens[index].end = max(tokens[index].start, end) }
    }

    // MARK: Tree

    private struct OpenTag {
        var token: Token
        var nodes: [TemplateNode] = []
        var blocks: [TemplateBlock] = []
    }

    private func buildTree(_ tokens: [Token]) throws(TemplateSyntaxError) -> [TemplateNode] {
        var stack: [OpenTag] = [OpenTag(token: Token(kind: .text, start: 0, end: 0))]
        func add(_ node: TemplateNode) { stack[stack.count - 1].nodes.append(node) }

        for token in tokens {
            let insideParent = stack.count > 1 && stack[stack.count - 1].token.kind == .parent
            if insideParent, ![.block, .close, .comment, .delimiters, .text].contains(token.kind) {
                throw error(at: token.start, "only blocks ({{$name}}…{{/name}}) may stand inside {{<\(stack[stack.count - 1].token.name)}}",
                            hint: "move this tag into a block, or out of the parent tag")
            }
            switch token.kind {
            case .text:
                // Text directly inside a parent tag is ignored, as the spec says.
                if token.end > token.start, !insideParent { add(.text(Array(source[token.start..<token.end]))) }
            case .comment, .delimiters:
                break
            case .variable, .unescaped:
                add(.variable(try name(of: token), escaped: token.kind == .variable))
            case .partial:
                let indent = token.standalone ? token.lineIndent ?? [] : []
                add(.partial(TemplateInclusion(name: token.name, indent: indent, location: TemplateLocation(offset: token.nameOffset))))
            case .section, .inverted, .parent, .block:
                stack.append(OpenTag(token: token))
            case .close:
                guard stack.count > 1 else {
                    throw error(at: token.nameOffset, "{{/\(token.name)}} closes nothing", hint: "remove it, or open the section with {{#\(token.name)}}")
                }
                let open = stack.removeLast()
                guard open.token.name == token.name else {
                    let (line, column) = lineAndColumn(of: open.token.nameOffset)
                    throw error(at: token.nameOffset, "{{/\(token.name)}} closes '\(open.token.name)', opened at line \(line), column \(column)",
                                hint: "close '\(open.token.name)' with {{/\(open.token.name)}} first")
                }
                let node = try close(open)
                if stack.count > 1, stack[stack.count - 1].token.kind == .parent {
                    guard case .block(let block) = node else { continue }
                    stack[stack.count - 1].blocks.append(block)
                } else {
                    add(node)
                }
            }
        }
        if stack.count > 1 {
            let open = stack[stack.count - 1].token
            throw error(at: open.nameOffset, "'\(open.name)' is opened here and never closed", hint: "close it with {{/\(open.name)}}")
        }
        return stack[0].nodes
    }

    private func close(_ open: OpenTag) throws(TemplateSyntaxError) -> TemplateNode {
        let token = open.token
        let location = TemplateLocation(offset: token.nameOffset)
        switch token.kind {
        case .section: return .section(try name(of: token), open.nodes)
        case .inverted: return .inverted(try name(of: token), open.nodes)
        case .parent:
            return .parent(TemplateInclusion(name: token.name, indent: token.standalone ? token.lineIndent ?? [] : [], location: location), open.blocks)
        default:
            // Block indentation: the content's own indentation is removed here and the block's added where it
            // renders. A block whose tag stands alone takes its indentation from its first line of content.
            var indent = token.lineIndent ?? []
            if token.standalone, case .text(let bytes) = open.nodes.first, bytes.contains(where: { !Self.isSpace($0) }) {
                indent = Array(bytes.prefix(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }))
            }
            var atLineStart = token.standalone
            let nodes = Self.dedent(open.nodes, by: indent, atLineStart: &atLineStart)
            return .block(TemplateBlock(name: token.name, nodes: nodes, reindents: token.standalone || token.blockLine,
                                        indent: indent, location: location))
        }
    }

    /// Removes `indent` from the start of every line of `nodes`, and from the indentation of blocks and inclusions
    /// standing on their own lines within them.
    private static func dedent(_ nodes: [TemplateNode], by indent: [UInt8], atLineStart: inout Bool) -> [TemplateNode] {
        guard !indent.isEmpty else { return nodes }
        func strip(_ bytes: [UInt8]) -> [UInt8] {
            bytes.starts(with: indent) ? Array(bytes.dropFirst(indent.count)) : bytes
        }
        return nodes.map { node in
            switch node {
            case .text(let bytes):
                var result: [UInt8] = []
                result.reserveCapacity(bytes.count)
                var lineStart = 0
                var first = true
                while lineStart < bytes.count {
                    let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.count
                    let line = Array(bytes[lineStart..<newline])
                    result += (first ? atLineStart : true) ? strip(line) : line
                    first = false
                    lineStart = newline
                }
                atLineStart = bytes.last == UInt8(ascii: "\n")
                return .text(result)
            case .variable:
                atLineStart = false
                return node
            case .section(let name, let children):
                return .section(name, dedent(children, by: indent, atLineStart: &atLineStart))
            case .inverted(let name, let children):
                return .inverted(name, dedent(children, by: indent, atLineStart: &atLineStart))
            case .partial(let inclusion):
                inclusion.indent = strip(inclusion.indent)
                return node
            case .parent(let inclusion, let blocks):
                inclusion.indent = strip(inclusion.indent)
                return .parent(inclusion, blocks.map { block in
                    var block = block
                    block.indent = strip(block.indent)
                    return block
                })
            case .block(var block):
                block.indent = strip(block.indent)
                atLineStart = true
                return .block(block)
            }
        }
    }

    // MARK: Names and places

    private func name(of token: Token) throws(TemplateSyntaxError) -> TemplateName {
        let text = token.name
        let location = TemplateLocation(offset: token.nameOffset)
        if text == "." { return TemplateName(text: text, parts: [], kind: .implicit, location: location) }
        let fromTop = text.hasPrefix(".")
        let parts = (fromTop ? String(text.dropFirst()) : text).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else {
            throw error(at: token.nameOffset, "'\(text)' is not a name: a dot must stand between two names",
                        hint: "write names joined by single dots, as in guide.author.name")
        }
        return TemplateName(text: text, parts: parts, kind: fromTop ? .top : .stack, location: location)
    }

    private func error(at offset: Int, _ message: String, hint: String?) -> TemplateSyntaxError {
        let (line, column) = lineAndColumn(of: offset)
        return TemplateSyntaxError(line: line, column: column, message: message, hint: hint)
    }

    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        Self.lineAndColumn(of: offset, in: source)
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func lineAndColumn(of offset: Int, in source: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in source[..<min(offset, source.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= source.count else { return nil }
        var position = start
        let last = source.count - needle.count
        while position <= last {
            guard let candidate = source[position...last].firstIndex(of: first) else { return nil }
            if source[candidate..<(candidate + needle.count)].elementsEqual(needle) { return candidate }
            position = candidate + 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }
}
