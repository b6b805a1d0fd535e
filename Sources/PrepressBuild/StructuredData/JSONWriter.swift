import PrepressContent

/// Writes compact JSON straight into bytes, keys in the order written, safe inside `<script>`: `<`, `>` and `&`
/// are written as `\u003c` and friends, so no text can close the script element, whatever it holds.
struct JSONWriter {
    private(set) var output: [UInt8] = []
    /// Whether the next member or item follows another in its object or array, and so needs a comma: false
    /// after an opening bracket and after a key, true after a value or a closing bracket.
    private var needsComma = false

    init(capacity: Int) {
        output.reserveCapacity(capacity)
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        separate()
        output.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        output.append(bracket)
        needsComma = true
    }

    /// A member's key, written as it is: the keys the writer is given in the source are plain ASCII with
    /// nothing to escape. Its value follows.
    mutating func key(_ key: StaticString) {
        assert(Self.isPlain(key), "a JSON key in the source needs no escape")
        separate()
        output.append(UInt8(ascii: "\""))
        output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        output.append(UInt8(ascii: "\""))
        output.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key made at run time (a taxonomy's name), escaped as any text is.
    mutating func key(text key: String) {
        separate()
        Self.writeString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ text: String) {
        separate()
        Self.writeString(text, to: &output)
        needsComma = true
    }

    /// `text` followed by `suffix` as one JSON string, without joining them first (`permalink#article`).
    mutating func string(_ text: String, _ suffix: String) {
        separate()
        output.append(UInt8(ascii: "\""))
        Self.appendEscaped(text, to: &output)
        Self.appendEscaped(suffix, to: &output)
        output.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// The texts joined by `separator`, as one JSON string.
    mutating func string(joining texts: [String], separator: StaticString) {
        separate()
        output.append(UInt8(ascii: "\""))
        for (position, text) in texts.enumerated() {
            if position > 0 {
                output.append(contentsOf: UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount))
            }
            Self.appendEscaped(text, to: &output)
        }
        output.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A date as an RFC 3339 string, written from its parts (it holds nothing to escape).
    mutating func date(_ date: GuideDate) {
        separate()
        output.append(UInt8(ascii: "\""))
        date.appendRFC3339(to: &output)
        output.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func integer(_ number: Int) {
        separate()
        if number >= 0, number < 10 {
            output.append(UInt8(ascii: "0") + UInt8(number))
        } else {
            output += String(number).utf8
        }
        needsComma = true
    }

    mutating func member(_ key: StaticString, _ text: String) {
        self.key(key)
        string(text)
    }

    mutating func member(_ key: StaticString, _ number: Int) {
        self.key(key)
        integer(number)
    }

    private mutating func separate() {
        if needsComma { output.append(UInt8(ascii: ",")) }
    }

    private static func isPlain(_ key: StaticString) -> Bool {
        let table = mayNeedEscape
        return UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount).allSatisfy { !table[Int($0)] }
    }

    /// Bytes the escaping below looks at: controls, `"`, `\`, `<`, `>`, `&`, and 0xE2 (which starts U+2028/9).
    private static let mayNeedEscape: [Bool] = (0..<256).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
    }

    /// Whether some byte of `word` is a control, `"`, `\`, `<`, `>`, `&` or not ASCII: exact for the word as a
    /// whole (the classic SWAR tests for a zero byte and a byte below a bound), so a false answer skips all eight.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let below20 = (word &- ones &* 0x20) & ~word & highs
        let special = hasZeroByte(word ^ (ones &* 0x22)) | hasZeroByte(word ^ (ones &* 0x5C)) | hasZeroByte(word ^ (ones &* 0x3C))
            | hasZeroByte(word ^ (ones &* 0x3E)) | hasZeroByte(word ^ (ones &* 0x26))
        return (below20 | special | (word & highs)) != 0
    }

    /// Writes a JSON string.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `text` escaped for a JSON string, copying runs of bytes that need no escape in one go.
    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            func flush(upTo end: Int) {
                if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            func escape(_ replacement: StaticString, at index: Int, length: Int = 1) {
                flush(upTo: index)
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + length
            }
            let hexDigits: StaticString = "0123456789abcdef"
            // Read once: a static table read in the loop costs a `swift_once` check per byte.
            let table = Self.mayNeedEscape
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time while none of them is one the escaping looks at.
                if index + 8 <= bytes.count,
                   !Self.mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                // Most bytes need nothing: one table lookup each.
                guard table[Int(byte)] else { index += 1; continue }
                switch byte {
                case 0x22: escape("\\\"", at: index)
                case 0x5C: escape("\\\\", at: index)
                case 0x0A: escape("\\n", at: index)
                case 0x0D: escape("\\r", at: index)
                case 0x09: escape("\\t", at: index)
                case 0x3C: escape("\\u003c", at: index)
                case 0x3E: escape("\\u003e", at: index)
                case 0x26: escape("\\u0026", at: index)
                case 0x00..<0x20:
                    flush(upTo: index)
                    output += "\\u00".utf8
                    output.append(hexDigits.utf8Start[Int(byte >> 4)])
                    output.append(hexDigits.utf8Start[Int(byte & 0x0F)])
                    runStart = index + 1
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in older JavaScript.
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", at: index, length: 3)
                    index += 3
                    continue
                default:
                    break
                }
                index += 1
            }
            flush(upTo: bytes.count)
        }
    }
}
