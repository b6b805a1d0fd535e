/// An old URL of a guide (`aliases:` as Hugo writes it, `redirect_from:` as Jekyll does), where the build
/// writes a page that sends visitors on to the guide.
public struct GuideAlias: Sendable, Equatable {
    /// The site path, without the leading `/`: a folder (`old/path/`) or a file (`old.html`).
    public var path: String
    /// Where it was written.
    public var location: SourceLocation

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }

    /// The file the redirect page is written to (`old/path/index.html`, `old.html`).
    public var filePath: String { path.hasSuffix("/") ? path + "index.html" : path }

    /// The site path of an alias as written, or why it cannot be one. A path from the site's root; one whose
    /// last segment has no `.` is a folder (`/old/path` → `old/path/`), as Hugo treats it.
    public static func sitePath(of written: String) -> Result<String, Problem> {
        let text = written.trimmingSpaces
        if text.contains("://") || text.hasPrefix("//") {
            return .failure(Problem(message: "must be a path on this site, not a URL", hint: "write the path alone, e.g. `/old/path/`"))
        }
        guard text.hasPrefix("/") else {
            return .failure(Problem(message: "must be a path from the site's root, starting with '/'", hint: "write e.g. `/\(text)`"))
        }
        if let bad = text.unicodeScalars.first(where: { " ?#%\\\"<>".unicodeScalars.contains($0) || $0.properties.generalCategory == .control }) {
            return .failure(Problem(message: "contains '\(bad.escaped(asASCII: false))', which a redirect's path cannot hold",
                                    hint: "write the path as it appears in the address bar, without a query or fragment"))
        }
        let segments = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let inner = text.hasSuffix("/") ? segments.dropLast() : segments[...]
        if inner.isEmpty { return .failure(Problem(message: "is the home page, which cannot redirect", hint: nil)) }
        if inner.contains(where: \.isEmpty) { return .failure(Problem(message: "has an empty segment ('//')", hint: nil)) }
        if inner.contains(where: { $0 == "." || $0 == ".." }) { return .failure(Problem(message: "must not contain '.' or '..' as a segment", hint: nil)) }
        let path = inner.joined(separator: "/")
        let isFile = !text.hasSuffix("/") && inner.last!.contains(".")
        return .success(isFile ? path : path + "/")
    }

    public struct Problem: Error, Equatable, Sendable {
        public var message: String
        public var hint: String?
    }
}
