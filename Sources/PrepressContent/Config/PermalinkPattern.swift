/// Where a guide's page lives, as `permalinks: {guide: …}` in site.yml shapes it: path text and placeholders
/// (`/guides/:slug/`, the default; `/:folder/:filename/` keeps a Hugo tree's URLs).
public struct PermalinkPattern: Sendable, Equatable, CustomStringConvertible {
    public enum Part: Sendable, Equatable {
        case text(String)
        /// The guide's slug: its `slug:`, else made from its term (or its file name when terms collide).
        case slug
        /// The guide's folder under content/, possibly empty (`roles/nursing` for `roles/nursing/x.md`).
        case folder
        /// The guide's file name without its extension, as written.
        case filename
        /// The slug of the guide's category, empty when it has none.
        case category
        /// The publication date's year (four digits), month and day (two), on the author's calendar.
        case year, month, day
    }

    public let parts: [Part]
    /// The pattern as written.
    public let description: String

    public static let placeholders: [(name: String, part: Part)] = [
        ("slug", .slug), ("folder", .folder), ("filename", .filename), ("category", .category),
        ("year", .year), ("month", .month), ("day", .day),
    ]

    public static let defaultGuide = PermalinkPattern(parts: [.text("/guides/"), .slug, .text("/")], description: "/guides/:slug/")

    private init(parts: [Part], description: String) {
        self.parts = parts
        self.description = description
    }

    /// The pattern of `text`, or why it cannot be one.
    public static func parse(_ text: String) -> Result<PermalinkPattern, PatternProblem> {
        guard text.hasPrefix("/"), text.hasSuffix("/") else {
            return .failure(PatternProblem(message: "must start and end with '/'", hint: "write e.g. `guide: /guides/:slug/`"))
        }
        var parts: [Part] = []
        var literal = ""
        var scalars = Substring(text).unicodeScalars[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if scalar == ":" {
                let name = String(String.UnicodeScalarView(scalars.prefix { $0.properties.isAlphabetic }))
                scalars = scalars.dropFirst(name.unicodeScalars.count)
                guard let part = placeholders.first(where: { $0.name == name })?.part else {
                    let known = placeholders.map { ":" + $0.name }.joined(separator: ", ")
                    return .failure(PatternProblem(message: "has an unknown placeholder ':\(name)'", hint: "placeholders are \(known)"))
                }
                if !literal.isEmpty { parts.append(.text(literal)) }
                literal = ""
                parts.append(part)
            } else if scalar == "/" || scalar == "-" || scalar == "_" || scalar == "." || scalar == "~"
                        || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                literal.unicodeScalars.append(scalar)
            } else {
                return .failure(PatternProblem(message: "contains '\(scalar.escaped(asASCII: false))', which is not safe in a URL path",
                                               hint: "use letters, digits, '-', '_', '.', '/' and placeholders"))
            }
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        if text.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) {
            return .failure(PatternProblem(message: "must not contain '.' or '..' as a segment", hint: nil))
        }
        guard parts.contains(.slug) || parts.contains(.filename) else {
            return .failure(PatternProblem(message: "needs :slug or :filename, so that each guide has a URL of its own",
                                           hint: "write e.g. `guide: /:folder/:filename/`"))
        }
        return .success(PermalinkPattern(parts: parts, description: text))
    }

    public struct PatternProblem: Error, Equatable, Sendable {
        public var message: String
        public var hint: String?
    }

    /// Whether the pattern uses the publication date.
    public var usesDate: Bool { parts.contains { $0 == .year || $0 == .month || $0 == .day } }

    /// Whether the pattern uses the category: then a guide moved to another category moves to another URL.
    public var usesCategory: Bool { parts.contains(.category) }

    /// The site path of a guide (`guides/x/`): the pattern filled in, `/` never doubled (an empty folder or
    /// category leaves no empty segment), without the leading `/`.
    public func sitePath(slug: String, relativePath: String, category: String?, date: GuideDate?) -> String {
        var path = ""
        for part in parts {
            switch part {
            case .text(let text): path += text
            case .slug: path += slug
            case .folder:
                if let slash = relativePath.lastIndex(of: "/") { path += relativePath[..<slash] }
            case .filename:
                let name = relativePath.lastIndex(of: "/").map { relativePath[relativePath.index(after: $0)...] } ?? relativePath[...]
                path += name.lastIndex(of: ".").map { name[..<$0] } ?? name
            case .category: path += category.map(Slug.make) ?? ""
            case .year: path += date.map { Self.digits($0.year, 4) } ?? ""
            case .month: path += date.map { Self.digits($0.month, 2) } ?? ""
            case .day: path += date.map { Self.digits($0.day, 2) } ?? ""
            }
        }
        return Self.normalized(path)
    }

    /// `path` without a leading `/`, with no `/` doubled and one `/` at its end (`""` when no segment is left):
    /// one pass over its bytes, and none at all for a path already so (the default pattern's).
    static func normalized(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes -> String in
            let slash = UInt8(ascii: "/")
            var start = 0
            while start < bytes.count, bytes[start] == slash { start += 1 }
            var clean = start < bytes.count && bytes[bytes.count - 1] == slash
            var index = start + 1
            while clean, index < bytes.count {
                if bytes[index] == slash, bytes[index - 1] == slash { clean = false }
                index += 1
            }
            if clean { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 1)
            for byte in bytes where byte != slash || (result.last.map { $0 != slash } ?? false) {
                result.append(byte)
            }
            if result.isEmpty { return "" }
            if result[result.count - 1] != slash { result.append(slash) }
            return String(decoding: result, as: UTF8.self)
        }
    }

    private static func digits(_ number: Int, _ count: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }
}
