import Foundation

/// Turns names into URL path segments: lowercase, accents folded, symbols spelled out, other scripts kept.
///
/// `C`, `C++` and `C#` become `c`, `c-plus-plus` and `c-sharp`; `R&D` becomes `r-and-d`; `Café Ops` becomes
/// `cafe-ops`; `面接対策` stays `面接対策`; a name of symbols only is spelled by their Unicode names.
public enum Slug {
    public static func make(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }), let slug = makeASCII(name) { return slug }
        return makeUnicode(name)
    }

    /// `make` for ASCII names, on bytes; nil for a name without a letter or digit (spelled by `makeUnicode`).
    static func makeASCII(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + 8)
        var wordOpen = false
        func startWord() {
            if !wordOpen, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            wordOpen = true
        }
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                startWord()
                bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                startWord()
                bytes.append(byte + 32)
            default:
                wordOpen = false
                if let word = spelledSymbols[Unicode.Scalar(byte)] {
                    startWord()
                    bytes.append(contentsOf: word.utf8)
                    wordOpen = false
                }
            }
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    static func makeUnicode(_ name: String) -> String {
        var words: [String] = []
        var current = ""
        func endWord() {
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark {
                continue
            }
            if let spelled = spelledLetters[scalar] {
                current += spelled
            } else if properties.isAlphabetic || properties.numericType != nil {
                current += String(scalar).lowercased()
            } else if let word = spelledSymbols[scalar] {
                endWord()
                words.append(word)
            } else {
                endWord()
            }
        }
        endWord()
        if words.isEmpty {
            words = namedScalars(name)
        }
        return words.joined(separator: "-")
    }

    /// Why a guide's `slug:` cannot be its path under `/guides/`, or nil when it can: one segment, or several
    /// separated by `/` (`coding/arrays`, as Docusaurus writes them), each a segment `problem(withExplicitSlug:)`
    /// accepts.
    public static func problem(withNestedSlug slug: String) -> String? {
        if slug.hasPrefix("/") { return "must not start with '/': it is a path under the guides' folder" }
        if slug.contains("\\") { return "must not contain '\\'" }
        let segments = slug.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return "must not contain '..' or '.' as a segment" }
        if segments.contains(where: \.isEmpty) { return "has an empty segment: write segments separated by one '/'" }
        for segment in segments {
            if let problem = problem(withExplicitSlug: String(segment)) {
                return segments.count == 1 ? problem : "segment '\(segment)' \(problem)"
            }
        }
        return nil
    }

    /// `make` for each `/`-separated segment of a text (the hint for a `slug:` that cannot be used).
    public static func makeNested(_ text: String) -> String {
        text.split(separator: "/").filter { $0 != "." && $0 != ".." }.map { make(String($0)) }.filter { !$0.isEmpty }
            .joined(separator: "/")
    }

    /// Why an explicit `slug:` value cannot be used as a path segment, or nil when it can.
    public static func problem(withExplicitSlug slug: String) -> String? {
        if slug.contains("/") || slug.contains("\\") { return "must not contain '/' or '\\': it names one folder" }
        if slug == "." || slug == ".." || slug.contains("..") { return "must not contain '..'" }
        if slug.hasPrefix(".") { return "must not start with '.'" }
        for scalar in slug.unicodeScalars {
            let properties = scalar.properties
            let allowed = properties.isAlphabetic || properties.numericType != nil || scalar == "-" || scalar == "_" || scalar == "."
            if !allowed {
                return "contains '\(scalar.escaped(asASCII: false))', which is not safe in a URL path"
            }
        }
        return nil
    }

    private static let spelledSymbols: [Unicode.Scalar: String] = [
        "+": "plus", "#": "sharp", "&": "and", "@": "at", "%": "percent", "=": "equals",
        "<": "lt", ">": "gt", "$": "dollar", "€": "euro", "£": "pound", "¥": "yen",
    ]

    /// Letters that do not decompose into a base letter and a mark.
    private static let spelledLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe",
        "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i",
    ]

    /// For names with no letter or digit: the Unicode names of their symbols (`🚀` → `rocket`).
    private static func namedScalars(_ name: String) -> [String] {
        var words: [String] = []
        for scalar in name.unicodeScalars {
            let properties = scalar.properties
            if properties.isWhitespace || properties.isVariationSelector || properties.isJoinControl { continue }
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .format { continue }
            if let unicodeName = properties.name {
                let word = unicodeName.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
                if !word.isEmpty { words.append(word) }
            } else {
                words.append("u" + String(scalar.value, radix: 16))
            }
        }
        return words.isEmpty ? ["untitled"] : words
    }
}
