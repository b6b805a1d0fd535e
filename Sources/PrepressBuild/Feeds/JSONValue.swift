/// A JSON value with keys kept in the order written, for structured data that is byte-for-byte stable.
indirect enum JSONValue: Sendable {
    case string(String)
    case integer(Int)
    case object([(String, JSONValue)])
    case array([JSONValue])

    /// Compact JSON that is safe inside `<script>`: `<`, `>` and `&` are written as `\u003c` and friends,
    /// so no text can close the script element, whatever it holds.
    var scriptSafeText: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .string(let text):
            Self.writeString(text, to: &output)
        case .integer(let number):
            output += String(number)
        case .array(let items):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += "," }
                item.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { output += "," }
                Self.writeString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        }
    }

    /// Writes a JSON string, copying runs of bytes that need no escape in one go.
    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            func flush(upTo end: Int) {
                if end > runStart { output += String(decoding: bytes[runStart..<end], as: UTF8.self) }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var escape: String?
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"
                case 0x3E: escape = "\\u003e"
                case 0x26: escape = "\\u0026"
                case 0x00..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 end lines in older JavaScript.
                    flush(upTo: index)
                    output += bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    index += 3
                    runStart = index
                    continue
                default:
                    break
                }
                if let escape {
                    flush(upTo: index)
                    output += escape
                    runStart = index + 1
                }
                index += 1
            }
            flush(upTo: bytes.count)
        }
        output += "\""
    }
}
