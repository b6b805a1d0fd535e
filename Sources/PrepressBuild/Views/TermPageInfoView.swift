import PrepressContent
import PrepressTemplates

/// A term on its own page, read in place by its positions.
struct TermPageInfoView: TemplateView {
    let context: ViewContext
    let taxonomy: Int
    let position: Int
    let hasFeed: Bool

    private var term: Term { _read { yield context.taxonomies[taxonomy].terms[position] } }
    /// The term page's link; its feed is beside it (`feed.xml` needs no percent-encoding).
    private var url: String { context.termLinks[taxonomy][position] }

    static let templateKeys = TemplateKeys<TermPageInfoView>("the page's term", plural: "terms", [
        "name": .text { $0.term.name },
        "slug": .text { $0.term.slug },
        "url": .text { $0.url },
        "count": .number { $0.term.guides.count },
        "feed_url": .optionalText { $0.hasFeed ? $0.url + "feed.xml" : nil },
    ])
}
