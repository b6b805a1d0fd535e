import PrepressContent
import PrepressTemplates

/// A term on its own page.
struct TermPageInfoView: TemplateView {
    let term: Term
    let taxonomy: Taxonomy
    let urls: SiteURLs
    let hasFeed: Bool

    static let templateKeys = TemplateKeys<TermPageInfoView>("the page's term", plural: "terms", [
        "name": .text(\.term.name),
        "slug": .text(\.term.slug),
        "url": .text { $0.urls.link($0.taxonomy.path(of: $0.term)) },
        "count": .number(\.term.guides.count),
        "feed_url": .optionalText { $0.hasFeed ? $0.urls.link($0.taxonomy.path(of: $0.term) + "feed.xml") : nil },
    ])
}
