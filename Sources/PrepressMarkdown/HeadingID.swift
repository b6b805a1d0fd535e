/// Makes heading ids the way GitHub does: lowercase, punctuation dropped, spaces to hyphens, duplicates numbered.
public struct HeadingIDGenerator: Sendable {
    private var used: Set<String>

    /// `reserved` holds ids the page already uses outside the body (the theme's own anchors).
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    /// Returns a new id for `text`, unique among those this generator has handed out.
    public mutating func makeID(for text: String) -> String {
        var base = Self.anchor(for: text)
        if base.isEmpty { base = "section" }
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// The anchor text before de-duplication: letters and digits of any script kept, lowercase, whitespace to `-`.
    public static func anchor(for text: String) -> String {
        // ASCII text, nearly every heading, is done on bytes; other text goes through Unicode properties.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): bytes.append(byte)
                case UInt8(ascii: "-"), 0x20, 0x09...0x0D: bytes.append(UInt8(ascii: "-"))
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || scalar == "_" {
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || properties.isWhitespace {
                result.append("-")
            }
        }
        return result
    }
}
