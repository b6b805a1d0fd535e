import PrepressContent
import PrepressMarkdown

/// A guide ready for pages: its source, where it is published, and its rendered body.
public struct Guide: Sendable {
    public var source: GuideSource
    public var slug: String
    /// Site path of its page (`guides/<slug>/`).
    public var path: String
    public var rendered: RenderedMarkdown

    public var frontMatter: FrontMatter { source.parsed.frontMatter }

    /// Minutes at 200 words a minute, at least one.
    public var readingTime: Int { max(1, (rendered.wordCount + 199) / 200) }

    /// Newest first; undated guides last; then by slug, which is unique, so the order never depends on the file system.
    public static func newestFirst(_ lhs: Guide, _ rhs: Guide) -> Bool {
        switch (lhs.frontMatter.pubDate, rhs.frontMatter.pubDate) {
        case let (left?, right?) where left != right: return left > right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.slug < rhs.slug
        }
    }
}
