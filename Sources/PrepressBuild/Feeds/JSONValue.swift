/// A JSON value with keys kept in the order written, for structured data that is byte-for-byte stable.
indirect enum JSONValue: Sendable {
    case string(String)
    case integer(Int)
    case object([(String, JSONValue)])
    case array([JSONValue])

    /// Compact JSON that is safe inside `<script>`: `<`, `>` and `&` are written as `\u003c` and friends,
    /// so no text can close the script element, whatever it holds.
    var scriptSafeText: String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8]) {
        switch self {
        case .string(let text):
            Self.writeString(text, to: &output)
        case .integer(let number):
            output += String(number).utf8
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                item.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (position, (key, value)) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Bytes the escaping below looks at: controls, `"`, `\`, `<`, `>`, `&`, and 0xE2 (which starts U+2028/9).
    private static let mayNeedEscape: [Bool] = (0..<256).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
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
