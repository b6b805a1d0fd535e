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
        // ASCII text, nearly every heading, is done on bytes, and so is ASCII with the punctuation smart
        // punctuation writes (‘ ’ “ ” – — …: no letter, digit or space, so dropped, and lower-casing is the
        // same without them); other text goes through Unicode properties.
        if isASCIIWithSmartPunctuation(text) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 where byte < 0x80 {
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

    /// Whether `text` is ASCII but for ‘ ’ “ ” – — … (U+2018, U+2019, U+201C, U+201D, U+2013, U+2014, U+2026).
    private static func isASCIIWithSmartPunctuation(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte < 0x80 { continue }
            guard byte == 0xE2, utf8.next() == 0x80, let last = utf8.next() else { return false }
            switch last {
            case 0x98, 0x99, 0x9C, 0x9D, 0x93, 0x94, 0xA6: continue
            default: return false
            }
        }
        return true
    }
}
