/// Escapes text for XML content and attribute values, dropping characters XML 1.0 cannot hold.
func xmlEscaped(_ text: String) -> String {
    // Most text holds nothing to escape or drop: one table lookup per byte, and the text itself is returned.
    var text = text
    let plain = text.withUTF8 { bytes in !bytes.contains(where: { xmlMayChange[Int($0)] }) }
    if plain { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
        default:
            let value = scalar.value
            let allowed = (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000
            if allowed { result.unicodeScalars.append(scalar) }
        }
    }
    return result
}

/// Appends `text` escaped for XML (`xmlEscaped`) to `bytes`: as it is when nothing in it changes.
func appendXMLEscaped(_ text: String, to bytes: inout [UInt8]) {
    var text = text
    // Read once: a global table read per byte costs a `swift_once` check each time.
    let table = xmlMayChange
    let plain = text.withUTF8 { utf8 in
        if utf8.contains(where: { table[Int($0)] }) { return false }
        bytes.append(contentsOf: utf8)
        return true
    }
    if !plain { bytes += xmlEscaped(text).utf8 }
}

/// UTF-8 bytes that may be escaped or dropped: `& < > " '`, controls, and 0xEF, which starts U+FFFE and U+FFFF
/// (the only characters outside the controls a Swift string can hold and XML 1.0 cannot).
private let xmlMayChange: [Bool] = (0..<256).map { byte in
    byte < 0x20 || [0x26, 0x3C, 0x3E, 0x22, 0x27, 0xEF].contains(byte)
}
