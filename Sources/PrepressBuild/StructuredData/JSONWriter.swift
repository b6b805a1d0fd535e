/// Writes compact JSON straight into bytes, keys in the order written, safe inside `<script>`: `<`, `>` and `&`
/// are written as `\u003c` and friends, so no text can close the script element, whatever it holds.
struct JSONWriter {
    private(set) var output: [UInt8] = []
    /// Whether the innermost open object or array has a member yet, so the next one needs a comma.
    private var hasMember: [Bool] = []

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
        hasMember.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        hasMember.removeLast()
        output.append(bracket)
    }

    /// A member's key; its value follows.
    mutating func key(_ key: String) {
        separate()
        Self.writeString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        // The value belongs to this member: no comma before it.
        hasMember[hasMember.count - 1] = false
        pendingValue = true
    }

    mutating func string(_ text: String) {
        separate()
        Self.writeString(text, to: &output)
    }

    mutating func integer(_ number: Int) {
        separate()
        output += String(number).utf8
    }

    mutating func member(_ key: String, _ text: String) {
        self.key(key)
        string(text)
    }

    mutating func member(_ key: String, _ number: Int) {
        self.key(key)
        integer(number)
    }

    private var pendingValue = false

    private mutating func separate() {
        if pendingValue {
            pendingValue = false
        } else if let last = hasMember.last, last {
            output.append(UInt8(ascii: ","))
        }
        if !hasMember.isEmpty { hasMember[hasMember.count - 1] = true }
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

    /// Writes a JSON string, copying runs of bytes that need no escape in one go.
    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
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
                guard Self.mayNeedEscape[Int(byte)] else { index += 1; continue }
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
        output.append(UInt8(ascii: "\""))
    }
}
