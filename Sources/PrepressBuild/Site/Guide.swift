import PrepressContent
import PrepressMarkdown

/// A guide ready for pages: its source, where it is published, and its rendered body.
public struct Guide: Sendable {
    public var source: GuideSource
    public var slug: String
    /// Site path of its page (`guides/<slug>/`).
    public var path: String
    public var rendered: RenderedMarkdown

    /// Borrowed in place, so reading one field does not copy the rest.
    public var frontMatter: FrontMatter {
        _read { yield source.parsed.frontMatter }
    }

    /// Minutes at 200 words a minute, at least one.
    public var readingTime: Int { max(1, (rendered.wordCount + 199) / 200) }

    /// Newest first; undated guides last; then by slug, which is unique, so the order never depends on the file system.
    public static func newestFirst(_ lhs: Guide, _ rhs: Guide) -> Bool {
        ListOrder(lhs).precedes(ListOrder(rhs))
    }

    /// Guides in list order (`newestFirst`), sorting keys made once per guide rather than once per comparison.
    static func inListOrder(_ guides: [Guide]) -> [Guide] {
        let keys = guides.map(ListOrder.init)
        return guides.indices.sorted { keys[$0].precedes(keys[$1]) }.map { guides[$0] }
    }

    /// What list order compares: the publication date (its instant, then its exact form) and the slug.
    struct ListOrder {
        let date: GuideDate?
        let seconds: Int
        let exact: String
        let slug: String

        init(_ guide: Guide) {
            date = guide.frontMatter.pubDate
            seconds = date?.secondsSinceEpoch ?? 0
            exact = date?.rfc3339 ?? ""
            slug = guide.slug
        }

        func precedes(_ other: ListOrder) -> Bool {
            switch (date, other.date) {
            case let (left?, right?) where left != right:
                // `left > right` for GuideDate, from the cached parts.
                return seconds != other.seconds ? seconds > other.seconds : exact > other.exact
            case (.some, nil): return true
            case (nil, .some): return false
            default: return slug < other.slug
            }
        }
    }
}
