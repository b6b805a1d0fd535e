#if canImport(Glibc)
import Glibc
#endif

/// A guide file split and typed: its front matter, and its Markdown body with the line the body starts on.
public struct ParsedGuide: Sendable, Equatable {
    public var frontMatter: FrontMatter
    public var body: String
    /// The file line of the body's first line, so Markdown positions can be reported in the file.
    public var bodyStartLine: Int
    /// Problems that do not stop the guide from building.
    public var warnings: [Diagnostic]

    public init(frontMatter: FrontMatter, body: String, bodyStartLine: Int, warnings: [Diagnostic]) {
        self.frontMatter = frontMatter
        self.body = body
        self.bodyStartLine = bodyStartLine
        self.warnings = warnings
    }
}
