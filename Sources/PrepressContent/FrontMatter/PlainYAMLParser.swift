/// Parses the plain YAML most front matter is written in — `key: value` lines, quoted text without escapes,
/// one-line `[…]` lists, `- item` lists and nested mappings of such — straight into a `FrontMatterNode` tree,
/// with the lines and columns libyaml gives. Anything else (comments, block scalars, anchors, escapes, text
/// over several lines, a repeated key, characters YAML refuses) is not this parser's: it returns nil and
/// `YAMLTreeParser` hands the text to libyaml (`YAMLComposer`), which parses the whole language and words every error.
///
/// Yams, which Prepress used before, built a tree of its own nodes through libyaml's events for every guide;
/// most of a cold build's parsing time was that (docs/performance.md). `PlainYAMLParserTests` checks this
/// parser against libyaml's events, and `make fuzz` does on every input it makes.
enum PlainYAMLParser {
    /// Keys longer than this are left to libyaml (it refuses a simple key over 1,024 characters).
    private static let longestKey = 128
    /// Longer texts are left to libyaml, whose composer counts their values against `YAMLTreeParser.nodeLimit` (a value
    /// takes two bytes at least).
    private static let longestText = 2 * YAMLTreeParser.nodeLimit

    static func parse(_ yaml: String, lineOffset: Int) -> FrontMatterNode? {
        guard yaml.utf8.count < longestText else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var lines = Lines(bytes)
            guard lines.isPlain, let first = lines.nextContent(), first.indent == 0 else { return nil }
            var reader = Reader(bytes: bytes, lines: lines, lineOffset: lineOffset)
            guard let root = reader.mapping(at: first), reader.atEnd else { return nil }
            return root
        }
    }

    /// One line of the text: where its bytes start and end (before the line break), and its number.
    fileprivate struct Line {
        var start: Int
        var end: Int
        var number: Int
        /// Spaces before its first other byte.
        var indent: Int
    }

    /// The text's lines, read one at a time; blank lines are skipped.
    fileprivate struct Lines {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var number = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Whether every byte is one this parser reads as libyaml does: no tab, carriage return or other control
        /// character, and no character YAML refuses or breaks lines at (C1 controls, NEL, U+2028/9, U+FEFF,
        /// U+FFFE/F).
        var isPlain: Bool {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if (byte < 0x20 && byte != 0x0A) || byte == 0x7F { return false }
                    index += 1
                    continue
                }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return false }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                   bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
                if byte == 0xEF, index + 2 < bytes.count,
                   (bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF) ||
                   (bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)) { return false }
                index += 1
            }
            return true
        }

        /// The next line with something on it.
        mutating func nextContent() -> Line? {
            while position <= bytes.count {
                let start = position
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                position = end + 1
                number += 1
                var indent = 0
                while start + indent < end, bytes[start + indent] == 0x20 { indent += 1 }
                if start + indent < end { return Line(start: start, end: end, number: number, indent: indent) }
            }
            return nil
        }
    }

    fileprivate struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var lines: Lines
        let lineOffset: Int
        /// The line read ahead and not yet used.
        var pending: Line?
        var atEnd: Bool { pending == nil }

        init(bytes: UnsafeBufferPointer<UInt8>, lines: Lines, lineOffset: Int) {
            self.bytes = bytes
            self.lines = lines
            self.lineOffset = lineOffset
        }

        /// A mapping whose first key is on `first`, its keys at `first.indent`; reads on to the first line
        /// indented less (left in `pending`).
        mutating func mapping(at first: Line) -> FrontMatterNode? {
            var entries: [FrontMatterEntry] = []
            var keys = Set<Substring>()
            var line = first
            while true {
                guard let (key, valueStart) = self.key(on: line), keys.insert(key).inserted else { return nil }
                let node: FrontMatterNode
                if let valueStart {
                    guard let scalar = inline(from: valueStart, on: line) else { return nil }
                    node = scalar
                    pending = lines.nextContent()
                    // A deeper line would continue the text (or be an error): libyaml's.
                    if let next = pending, next.indent > line.indent { return nil }
                } else {
                    guard let next = lines.nextContent() else { return nil }
                    if isItem(next), next.indent >= line.indent {
                        guard let list = blockList(at: next) else { return nil }
                        node = list
                    } else if next.indent > line.indent {
                        guard let map = mapping(at: next) else { return nil }
                        node = map
                    } else {
                        return nil
                    }
                    if let after = pending, after.indent > line.indent { return nil }
                }
                entries.append(FrontMatterEntry(key: String(key), node: node))
                guard let next = pending, next.indent == line.indent else { break }
                line = next
            }
            return FrontMatterNode(.map(entries), line: first.number + lineOffset, column: first.indent + 1)
        }

        /// The key at the start of `line` and where its value starts (nil when the line ends after the colon).
        func key(on line: Line) -> (Substring, Int?)? {
            var index = line.start + line.indent
            guard index < line.end, isKeyByte(bytes[index]), bytes[index] != UInt8(ascii: "-") else { return nil }
            while index < line.end, isKeyByte(bytes[index]) { index += 1 }
            guard index < line.end, bytes[index] == UInt8(ascii: ":"),
                  index - line.start - line.indent <= PlainYAMLParser.longestKey else { return nil }
            let key = text(line.start + line.indent, index)
            index += 1
            if index == line.end { return (key, nil) }
            guard bytes[index] == 0x20 else { return nil }
            while index < line.end, bytes[index] == 0x20 { index += 1 }
            return (key, index == line.end ? nil : index)
        }

        func isKeyByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
            default: false
            }
        }

        func isItem(_ line: Line) -> Bool {
            let index = line.start + line.indent
            return bytes[index] == UInt8(ascii: "-") && (index + 1 == line.end || bytes[index + 1] == 0x20)
        }

        /// `- item` lines at `first.indent`, each item a scalar or a one-line list.
        mutating func blockList(at first: Line) -> FrontMatterNode? {
            var items: [FrontMatterNode] = []
            var line = first
            while true {
                var index = line.start + line.indent + 1
                while index < line.end, bytes[index] == 0x20 { index += 1 }
                guard index < line.end, let item = inline(from: index, on: line) else { return nil }
                items.append(item)
                pending = lines.nextContent()
                guard let next = pending else { break }
                if next.indent > line.indent { return nil }
                guard next.indent == line.indent, isItem(next) else { break }
                line = next
            }
            return FrontMatterNode(.list(items), line: first.number + lineOffset, column: first.indent + 1)
        }

        /// The value that fills the rest of `line` from `start`: quoted or plain text, or a `[…]` list.
        func inline(from start: Int, on line: Line) -> FrontMatterNode? {
            let end = trimmedEnd(line.end, from: start)
            if bytes[start] == UInt8(ascii: "[") {
                guard bytes[end - 1] == UInt8(ascii: "]"), let items = flowItems(start + 1, end - 1, line: line) else { return nil }
                return node(.list(items), at: start, on: line)
            }
            if let quoted = quoted(from: start, to: end), quoted.end == end {
                return node(.scalar(quoted.text, quoted: true), at: start, on: line)
            }
            guard let text = plain(start, end, flow: false) else { return nil }
            return node(.scalar(text, quoted: false), at: start, on: line)
        }

        /// The items of a one-line list between its brackets: each quoted, or plain text of letters, digits
        /// and a few marks.
        func flowItems(_ start: Int, _ end: Int, line: Line) -> [FrontMatterNode]? {
            var items: [FrontMatterNode] = []
            var index = skipSpaces(start, end)
            if index == end { return items }
            while true {
                let itemEnd: Int
                if let quoted = quoted(from: index, to: end) {
                    items.append(node(.scalar(quoted.text, quoted: true), at: index, on: line))
                    itemEnd = quoted.end
                } else {
                    var stop = index
                    while stop < end, bytes[stop] != UInt8(ascii: ",") { stop += 1 }
                    let trimmed = trimmedEnd(stop, from: index)
                    guard trimmed > index, let text = plain(index, trimmed, flow: true) else { return nil }
                    items.append(node(.scalar(text, quoted: false), at: index, on: line))
                    itemEnd = trimmed
                }
                index = skipSpaces(itemEnd, end)
                if index == end { return items }
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index = skipSpaces(index + 1, end)
                // A trailing comma, or two together: libyaml's.
                guard index < end, bytes[index] != UInt8(ascii: ",") else { return nil }
            }
        }

        /// Text in double or single quotes with no escape and no quote inside, and where it ends (past the
        /// closing quote).
        func quoted(from start: Int, to end: Int) -> (text: String, end: Int)? {
            let quote = bytes[start]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            var index = start + 1
            while index < end, bytes[index] != quote {
                if bytes[index] == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { return nil }
                index += 1
            }
            guard index < end else { return nil }
            // `'it''s'` is one quote written twice: libyaml's.
            if quote == UInt8(ascii: "'"), index + 1 < end, bytes[index + 1] == quote { return nil }
            return (String(text(start + 1, index)), index + 1)
        }

        /// Plain text from `start` to `end` (spaces already trimmed), when YAML reads it as just that text:
        /// it starts with no indicator and holds no `: ` or ` #`; in a list, letters, digits, spaces and
        /// `. _ + / -` only.
        func plain(_ start: Int, _ end: Int, flow: Bool) -> String? {
            switch bytes[start] {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
                 UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
                 UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"): return nil
            default: break
            }
            var index = start
            while index < end {
                let byte = bytes[index]
                if flow {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                         UInt8(ascii: "0")...UInt8(ascii: "9"), 0x20, UInt8(ascii: "."), UInt8(ascii: "_"),
                         UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "-"): break
                    default: return nil
                    }
                } else if byte == UInt8(ascii: ":") {
                    if index + 1 == end || bytes[index + 1] == 0x20 { return nil }
                } else if byte == UInt8(ascii: "#") {
                    if bytes[index - 1] == 0x20 { return nil }
                }
                index += 1
            }
            return String(text(start, end))
        }

        func node(_ value: FrontMatterNode.Value, at index: Int, on line: Line) -> FrontMatterNode {
            FrontMatterNode(value, line: line.number + lineOffset, column: column(of: index, on: line))
        }

        /// The 1-based column of a byte, counted in characters (Unicode scalars) as libyaml counts.
        func column(of index: Int, on line: Line) -> Int {
            var column = 1
            for offset in line.start..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        func trimmedEnd(_ end: Int, from start: Int) -> Int {
            var end = end
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return end
        }

        func skipSpaces(_ start: Int, _ end: Int) -> Int {
            var index = start
            while index < end, bytes[index] == 0x20 { index += 1 }
            return index
        }

        func text(_ start: Int, _ end: Int) -> Substring {
            Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
