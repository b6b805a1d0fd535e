import PrepressContent
import PrepressTemplates

/// What `guide.mustache` receives.
struct GuidePageView: TemplateView {
    let site: SiteView
    let page: PageView
    let guide: GuideView

    static let templateKeys = TemplateKeys<GuidePageView>("a guide page", plural: "guide pages", [
        "site": .view(\.site),
        "page": .view(\.page),
        "guide": .view(\.guide),
    ])
}

/// What a list of guides receives: the home page (`index.mustache`) or a term's page (`term.mustache`).
struct ListPageView: TemplateView {
    let site: SiteView
    var page: PageView
    let guides: [GuideView]
    let guideCount: Int
    let pagination: PaginationView?
    /// On a term's page: its taxonomy and the term.
    var taxonomy: TaxonomyLinkView?
    var term: TermPageInfoView?

    static let templateKeys = TemplateKeys<ListPageView>("a list page", plural: "list pages", [
        "site": .view(\.site),
        "page": .view(\.page),
        "guides": .list(\.guides),
        "guide_count": .number(\.guideCount),
        "guide_count_label": .text { $0.guideCount == 1 ? "1 interview guide" : "\($0.guideCount) interview guides" },
        "pagination": .optionalView(\.pagination),
        "taxonomy": .optionalView(\.taxonomy),
        "term": .optionalView(\.term),
    ])
}

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

/// What `taxonomy.mustache` receives: every term of a taxonomy with its guide count.
struct TaxonomyPageView: TemplateView {
    let site: SiteView
    let page: PageView
    let taxonomy: Taxonomy
    let urls: SiteURLs

    static let templateKeys = TemplateKeys<TaxonomyPageView>("a taxonomy page", plural: "taxonomy pages", [
        "site": .view(\.site),
        "page": .view(\.page),
        "taxonomy": .view { TaxonomyListView(taxonomy: $0.taxonomy, urls: $0.urls) },
    ])
}

/// A taxonomy with every term, for its index page: the keys of `TaxonomyLinkView`, and `terms`.
struct TaxonomyListView: TemplateView {
    let taxonomy: Taxonomy
    let urls: SiteURLs

    static let templateKeys = TemplateKeys<TaxonomyListView>("a taxonomy with its terms", plural: "taxonomies", [
        "terms": .list { view in view.taxonomy.terms.map { TermCountView(term: $0, url: view.urls.link(view.taxonomy.path(of: $0))) } },
    ], including: TaxonomyLinkView.templateKeys, through: { TaxonomyLinkView(taxonomy: $0.taxonomy, urls: $0.urls) })
}

/// A term with its guide count, on its taxonomy's page.
struct TermCountView: TemplateView {
    let term: Term
    let url: String

    static let templateKeys = TemplateKeys<TermCountView>("a term", plural: "terms", [
        "name": .text(\.term.name),
        "slug": .text(\.term.slug),
        "url": .text(\.url),
        "count": .number(\.term.guides.count),
        "is_single": .flag { $0.term.guides.count == 1 },
    ])
}

/// What `404.mustache` receives.
struct NotFoundPageView: TemplateView {
    let site: SiteView
    let page: PageView

    static let templateKeys = TemplateKeys<NotFoundPageView>("the not-found page", plural: "not-found pages", [
        "site": .view(\.site),
        "page": .view(\.page),
    ])
}

/// Links between the pages of a paginated list; absent when the list fits on one page.
///
/// Links are made for the pages shown only: a list of 800 pages must not make 800 links on each of them.
struct PaginationView: TemplateView {
    let current: Int
    let total: Int
    /// Site path of the list's first page.
    let firstPath: String
    let urls: SiteURLs

    func link(_ number: Int) -> String {
        urls.link(SiteURLs.pagePath(firstPath, number: number))
    }

    static let templateKeys = TemplateKeys<PaginationView>("the pagination", plural: "paginations", [
        "current": .number(\.current),
        "total": .number(\.total),
        "prev_url": .optionalText { $0.current > 1 ? $0.link($0.current - 1) : nil },
        "next_url": .optionalText { $0.current < $0.total ? $0.link($0.current + 1) : nil },
        "first_url": .text { $0.link(1) },
        "last_url": .text { $0.link($0.total) },
        "pages": .list(\.windowedPages),
    ])

    /// The first and last page and two on either side of the current one, with gaps between, so a
    /// list of 500 pages does not print 500 links on each of them.
    var windowedPages: [PageLinkView] {
        let shown = Set([1, total] + Array(max(1, current - 2)...min(total, current + 2))).sorted()
        var result: [PageLinkView] = []
        var previous = 0
        for number in shown {
            if number > previous + 1 { result.append(PageLinkView(number: 0, url: "", isCurrent: false, isGap: true)) }
            result.append(PageLinkView(number: number, url: link(number), isCurrent: number == current))
            previous = number
        }
        return result
    }
}

/// One page's link in the pagination, or a gap.
struct PageLinkView: TemplateView {
    let number: Int
    let url: String
    let isCurrent: Bool
    /// Stands for the pages left out between two shown ones.
    var isGap = false

    static let templateKeys = TemplateKeys<PageLinkView>("a page link", plural: "page links", [
        "number": .number(\.number),
        "url": .text(\.url),
        "is_current": .flag(\.isCurrent),
        "is_gap": .flag(\.isGap),
    ])
}

/// The view type each page template renders with, for checking templates when the theme loads.
let pageTemplateViews: [(template: String, view: any TemplateView.Type)] = [
    ("guide", GuidePageView.self),
    ("index", ListPageView.self),
    ("term", ListPageView.self),
    ("taxonomy", TaxonomyPageView.self),
    ("questions", QuestionBankPageView.self),
    ("404", NotFoundPageView.self),
    ("partials/guide-card", CardView.self),
]
