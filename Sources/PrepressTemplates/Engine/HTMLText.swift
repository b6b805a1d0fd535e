/// Escapes text for HTML content and attribute values: `& < > " '` become entities.
public enum HTMLText {
    /// The text escaped; the text itself when it holds nothing to escape, which is most text.
    public static func escaped(_ text: String) -> String {
        var text = text
        let table = escapes
        let needsEscape = text.withUTF8 { bytes in bytes.contains(where: { table[Int($0)] }) }
        guard needsEscape else { return text }
        var output: [UInt8] = []
        text.withUTF8 { bytes in appendEscaped(bytes, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `bytes` escaped, copying the runs between special characters whole.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            // Eight bytes at a time while none of them is special: most text has nothing to escape.
            if index + 8 <= count, !mayBeSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let replacement: StaticString
            switch base[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                index += 1
                continue
            }
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            index += 1
            runStart = index
        }
        if runStart < count { output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
    }

    /// Whether some byte of `word` is `&`, `<`, `>`, `"` or `'`: exact for the word as a whole (the classic SWAR
    /// test for a zero byte, on the word XOR each special byte), so a false answer skips all eight.
    @inline(__always)
    static func mayBeSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func zeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let found = zeroByte(word ^ (ones &* 0x26)) | zeroByte(word ^ (ones &* 0x3C)) | zeroByte(word ^ (ones &* 0x3E))
            | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x27))
        return found != 0
    }

    private static let escapes: [Bool] = (0..<256).map { byte in
        [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(UInt8(byte))
    }
}
