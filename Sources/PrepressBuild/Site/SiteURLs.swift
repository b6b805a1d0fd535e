import PrepressContent

/// Where every page lives: site paths (`guides/x/`) turned into links under the base path and absolute URLs.
public struct SiteURLs: Sendable {
    /// `/` or `/prep/`.
    public let basePath: String
    /// `https://example.org/prep/`.
    public let baseURL: String

    public init(config: SiteConfig) {
        basePath = config.basePath
        baseURL = config.baseURL
    }

    /// A root-relative link to a site path (`guides/x/` → `/prep/guides/x/`), percent-encoded.
    public func link(_ sitePath: String) -> String {
        basePath + Self.encode(sitePath)
    }

    /// The absolute URL of a site path.
    public func absolute(_ sitePath: String) -> String {
        baseURL + Self.encode(sitePath)
    }

    /// A URL written by an author (front matter, Markdown): root-relative ones move under the base path.
    public func authored(_ url: String) -> String {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return url }
        return basePath + url.dropFirst()
    }

    /// An authored URL made absolute, for meta tags and feeds.
    public func absoluteAuthored(_ url: String) -> String {
        if Self.containsSchemeSeparator(url) || url.hasPrefix("//") { return url }
        if url.hasPrefix("/") { return baseURL + url.dropFirst() }
        return baseURL + url
    }

    /// Whether `://` is in `url`, looked for on its bytes: `String.contains` compares characters through the
    /// generic searcher, which cost a twelfth of a guide page's rendering (its image is read four times).
    static func containsSchemeSeparator(_ url: String) -> Bool {
        var state = 0
        for byte in url.utf8 {
            switch (state, byte) {
            case (_, UInt8(ascii: ":")): state = 1
            case (1, UInt8(ascii: "/")): state = 2
            case (2, UInt8(ascii: "/")): return true
            default: state = 0
            }
        }
        return false
    }

    public static func guidePath(slug: String) -> String { "guides/\(slug)/" }

    /// `tags/<slug>/` for taxonomy `tags`, and so on.
    public static func termPath(taxonomy: String, slug: String) -> String { "\(taxonomy)/\(slug)/" }

    /// The site path of page `number` of a list whose first page is `first` (`""` for the home page).
    public static func pagePath(_ first: String, number: Int) -> String {
        number == 1 ? first : first + "page/\(number)/"
    }

    /// Percent-encodes everything but unreserved characters and `/`, so non-ASCII slugs make valid links.
    public static func encode(_ path: String) -> String {
        // Nearly every path needs nothing: hand it back without copying.
        // The table read once: a static read per byte costs a `swift_once` check each time.
        let kept = keptBytes
        let plain = path.utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { kept[Int($0)] } }
            ?? path.utf8.allSatisfy(isKept)
        guard !plain else { return path }
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count * 3)
        for byte in path.utf8 {
            if isKept(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `isKept` for every byte, looked up rather than tested: most paths are checked a byte at a time.
    private static let keptBytes: [Bool] = (0..<256).map { isKept(UInt8($0)) }

    @inline(__always)
    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }
}
