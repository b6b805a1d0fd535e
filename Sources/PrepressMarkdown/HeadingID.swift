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
