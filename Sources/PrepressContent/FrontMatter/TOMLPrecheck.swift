/// Finds what toml++ (inside TOMLKit 0.6) stops the whole process on with a failed assertion rather than an
/// error, so that `TOMLTreeParser` reports it first (found by `make fuzz`, docs/fuzzing.md): a `[table]` header
/// whose name starts with a character no key starts with (`[*]`, `[é]`, a lone `[`), and a date followed by a
/// time that is not `HH:MM` (`2025-03-01 1`, `2025-03-01T` and a letter).
///
/// A small scanner of TOML's strings, comments and brackets: a `[` is a header only at the start of a line
/// and outside a value (an array of arrays may start a line with `[`); dates are looked for outside strings.
enum TOMLPrecheck {
    static let headerProblem = "a table's name must start with a letter, a digit, '-', '_' or a quote"
    static let timeProblem = "a date's time must follow it as HH:MM, e.g. 2025-01-14T09:30:00"

    /// The line and column (1-based, in characters) of the first such problem, and which it is.
    static func problem(in toml: String) -> (line: Int, column: Int, message: String)? {
        let bytes = Array(toml.utf8)
        var index = 0
        var line = 1
        var lineStart = 0
        var atLineStart = true
        var depth = 0
        var headerBrackets = 0

        func column(_ offset: Int) -> Int {
            1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
        }
        func starts(_ text: String, at offset: Int) -> Bool {
            let pattern = Array(text.utf8)
            return offset + pattern.count <= bytes.count && Array(bytes[offset..<offset + pattern.count]) == pattern
        }
        /// Past a string starting at `index`; nil when it is not closed (TOMLKit then reports it).
        func endOfString(from start: Int) -> Int? {
            let quote = bytes[start]
            let multiline = starts(quote == UInt8(ascii: "\"") ? "\"\"\"" : "'''", at: start)
            var offset = start + (multiline ? 3 : 1)
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") { offset += 2; continue }
                if multiline {
                    if byte == quote, starts(String(repeating: Character(Unicode.Scalar(quote)), count: 3), at: offset) {
                        // Up to two more quotes may belong to the string (`""""` ends with a quote in it).
                        var end = offset + 3
                        while end < bytes.count, bytes[end] == quote, end < offset + 5 { end += 1 }
                        return end
                    }
                } else {
                    if byte == quote { return offset + 1 }
                    if byte == 0x0A { return nil }
                }
                offset += 1
            }
            return nil
        }

        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                line += 1
                lineStart = index + 1
                atLineStart = true
                index += 1
                continue
            case 0x20, 0x09, 0x0D:
                index += 1
                continue
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let end = endOfString(from: index) else { return nil }
                // Count the lines a multi-line string spans.
                for offset in index..<end where bytes[offset] == 0x0A {
                    line += 1
                    lineStart = offset + 1
                }
                index = end
            case UInt8(ascii: "["):
                if depth == 0, atLineStart, headerBrackets == 0 {
                    var next = index + 1
                    headerBrackets = 1
                    if next < bytes.count, bytes[next] == UInt8(ascii: "[") { next += 1; headerBrackets = 2 }
                    while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
                    guard next < bytes.count, startsKey(bytes[next]) else { return (line, column(next), headerProblem) }
                    index = next
                } else {
                    depth += 1
                    index += 1
                }
            case UInt8(ascii: "{"):
                depth += 1
                index += 1
            case UInt8(ascii: "]"):
                if headerBrackets > 0, depth == 0 { headerBrackets -= 1 } else { depth = max(0, depth - 1) }
                index += 1
            case UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                index += 1
            default:
                if let time = timeAfterDate(bytes, at: index), !isTime(bytes, at: time) { return (line, column(index), timeProblem) }
                index += 1
            }
            atLineStart = false
        }
        return nil
    }

    /// Where the time after a date that starts a value at `index` (`2025-03-01T…`, `2025-03-01 1…`) begins; nil
    /// when no date starts there or nothing follows it that toml++ takes for a time.
    private static func timeAfterDate(_ bytes: [UInt8], at index: Int) -> Int? {
        func digit(_ offset: Int) -> Bool { offset < bytes.count && bytes[offset] >= 0x30 && bytes[offset] <= 0x39 }
        guard index + 11 < bytes.count, index == 0 || !digit(index - 1) && !isKeyCharacter(bytes[index - 1]),
              (0..<4).allSatisfy({ digit(index + $0) }), bytes[index + 4] == UInt8(ascii: "-"), digit(index + 5), digit(index + 6),
              bytes[index + 7] == UInt8(ascii: "-"), digit(index + 8), digit(index + 9) else { return nil }
        switch bytes[index + 10] {
        case UInt8(ascii: "T"), UInt8(ascii: "t"): return index + 11
        case 0x20: return digit(index + 11) ? index + 11 : nil
        default: return nil
        }
    }

    /// Whether `HH:` starts at `offset`.
    private static func isTime(_ bytes: [UInt8], at offset: Int) -> Bool {
        offset + 2 < bytes.count && (0..<2).allSatisfy { bytes[offset + $0] >= 0x30 && bytes[offset + $0] <= 0x39 }
            && bytes[offset + 2] == UInt8(ascii: ":")
    }

    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// Whether a table's name may start with `byte`: a bare key's letter, digit, `-` or `_`, a quote, or the
    /// `]` of an empty name (which toml++ reports as an error of its own).
    private static func startsKey(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "]"):
            true
        default:
            false
        }
    }
}
