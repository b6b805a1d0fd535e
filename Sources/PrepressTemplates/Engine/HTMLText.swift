/// Escapes text for HTML content and attribute values: `& < > " '` become entities.
public enum HTMLText {
    /// The text escaped; the text itself when it holds nothing to escape, which is most text.
    public static func escaped(_ text: String) -> String {
        var text = text
        let needsEscape = text.withUTF8 { bytes in bytes.contains(where: { escapes[Int($0)] }) }
        guard needsEscape else { return text }
        var output: [UInt8] = []
        text.withUTF8 { bytes in appendEscaped(bytes, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `bytes` escaped, copying the runs between special characters whole.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count where escapes[Int(bytes[index])] {
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            switch bytes[index] {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            default: output += "&#39;".utf8
            }
            runStart = index + 1
        }
        if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    private static let escapes: [Bool] = (0..<256).map { byte in
        [UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(UInt8(byte))
    }
}
