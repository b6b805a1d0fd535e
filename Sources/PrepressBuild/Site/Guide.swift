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
    /// The guides are moved into their places by swaps, not copied: a copy retained every field of every guide
    /// (and released the originals after), tens of milliseconds on one thread at 10,000 guides.
    static func inListOrder(_ guides: consuming [Guide]) -> [Guide] {
        // (The parameter itself is sorted: a `var` copy of it would share its buffer, and the first swap would
        // copy every guide into a new one.)
        let keys = guides.withUnsafeBufferPointer { buffer in buffer.indices.map { ListOrder(buffer.baseAddress! + $0) } }
        let order = guides.indices.sorted { keys[$0].precedes(keys[$1]) }
        // slotOf[original position] = where that guide is now; originalAt[slot] = which guide is there.
        var slotOf = Array(guides.indices)
        var originalAt = Array(guides.indices)
        // Swapped in the buffer, where a swap moves the two guides (`Array.swapAt` copies them, retaining
        // every string of each).
        guides.withUnsafeMutableBufferPointer { buffer in
            for target in buffer.indices {
                let wanted = order[target]
                let slot = slotOf[wanted]
                guard slot != target else { continue }
                buffer.swapAt(target, slot)
                let displaced = originalAt[target]
                originalAt[slot] = displaced
                slotOf[displaced] = slot
                originalAt[target] = wanted
                slotOf[wanted] = target
            }
        }
        return guides
    }

    /// What list order compares: the publication date (its instant, then its exact form) and the slug.
    struct ListOrder {
        let date: GuideDate?
        let seconds: Int
        let slug: String

        init(_ guide: Guide) {
            date = guide.frontMatter.pubDate
            seconds = date?.secondsSinceEpoch ?? 0
            slug = guide.slug
        }

        /// Read in place: a guide passed by value would be copied for its two fields.
        init(_ guide: UnsafePointer<Guide>) {
            date = guide.pointee.frontMatter.pubDate
            seconds = date?.secondsSinceEpoch ?? 0
            slug = guide.pointee.slug
        }

        func precedes(_ other: ListOrder) -> Bool {
            switch (date, other.date) {
            case let (left?, right?) where left != right:
                // `left > right` for GuideDate, from the cached parts.
                // Two forms of one instant (offsets) are told apart by the exact form, made only then.
                return seconds != other.seconds ? seconds > other.seconds : left.rfc3339 > right.rfc3339
            case (.some, nil): return true
            case (nil, .some): return false
            default: return slug < other.slug
            }
        }
    }
}
