import Mustache
import PrepressContent

/// What `guide.mustache` receives.
struct GuidePageView: MustacheTypedParent, Sendable {
    let site: SiteView
    let page: PageView
    let guide: GuideView

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "site": .object(site)
        case "page": .object(page)
        case "guide": .object(guide)
        default: nil
        }
    }
}

/// What a list of guides receives: the home page (`index.mustache`) or a term's page (`term.mustache`).
struct ListPageView: MustacheTypedParent, Sendable {
    let site: SiteView
    var page: PageView
    let guides: [GuideView]
    let guideCount: Int
    let pagination: PaginationView?
    /// On a term's page: its taxonomy and the term.
    var taxonomy: TaxonomyLinkView?
    var term: TermPageInfoView?

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "site": .object(site)
        case "page": .object(page)
        case "guides": list(guides)
        case "guide_count": .number(guideCount)
        case "guide_count_label": .text(guideCount == 1 ? "1 interview guide" : "\(guideCount) interview guides")
        case "pagination": present(pagination)
        case "taxonomy": present(taxonomy)
        case "term": present(term)
        default: nil
        }
    }
}

/// A term on its own page.
struct TermPageInfoView: MustacheTypedParent, Sendable {
    let term: Term
    let taxonomy: Taxonomy
    let urls: SiteURLs
    let hasFeed: Bool

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .text(term.name)
        case "slug": .text(term.slug)
        case "url": .text(urls.link(taxonomy.path(of: term)))
        case "count": .number(term.guides.count)
        case "feed_url": present(hasFeed ? urls.link(taxonomy.path(of: term) + "feed.xml") as String? : nil)
        default: nil
        }
    }
}

/// What `taxonomy.mustache` receives: every term of a taxonomy with its guide count.
struct TaxonomyPageView: MustacheTypedParent, Sendable {
    let site: SiteView
    let page: PageView
    let taxonomy: Taxonomy
    let urls: SiteURLs

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "site": .object(site)
        case "page": .object(page)
        case "taxonomy": .object(TaxonomyListView(taxonomy: taxonomy, urls: urls))
        default: nil
        }
    }
}

/// A taxonomy with every term, for its index page: the keys of `TaxonomyLinkView`, and `terms`.
struct TaxonomyListView: MustacheTypedParent, Sendable {
    let taxonomy: Taxonomy
    let urls: SiteURLs

    func value(named name: String) -> MustacheValue? {
        guard name == "terms" else { return TaxonomyLinkView(taxonomy: taxonomy, urls: urls).value(named: name) }
        return list(taxonomy.terms.map { TermCountView(term: $0, url: urls.link(taxonomy.path(of: $0))) })
    }
}

struct TermCountView: MustacheTypedParent, Sendable {
    let term: Term
    let url: String

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .text(term.name)
        case "slug": .text(term.slug)
        case "url": .text(url)
        case "count": .number(term.guides.count)
        case "is_single": .flag(term.guides.count == 1)
        default: nil
        }
    }
}

/// What `404.mustache` receives.
struct NotFoundPageView: MustacheTypedParent, Sendable {
    let site: SiteView
    let page: PageView

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "site": .object(site)
        case "page": .object(page)
        default: nil
        }
    }
}

/// Links between the pages of a paginated list; absent when the list fits on one page.
///
/// Links are made for the pages shown only: a list of 800 pages must not make 800 links on each of them.
struct PaginationView: MustacheTypedParent, Sendable {
    let current: Int
    let total: Int
    /// Site path of the list's first page.
    let firstPath: String
    let urls: SiteURLs

    func link(_ number: Int) -> String {
        urls.link(SiteURLs.pagePath(firstPath, number: number))
    }

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "current": .number(current)
        case "total": .number(total)
        case "prev_url": present(current > 1 ? link(current - 1) as String? : nil)
        case "next_url": present(current < total ? link(current + 1) as String? : nil)
        case "first_url": .text(link(1))
        case "last_url": .text(link(total))
        case "pages": list(windowedPages)
        default: nil
        }
    }

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

struct PageLinkView: MustacheTypedParent, Sendable {
    let number: Int
    let url: String
    let isCurrent: Bool
    /// Stands for the pages left out between two shown ones.
    var isGap = false

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "number": .number(number)
        case "url": .text(url)
        case "is_current": .flag(isCurrent)
        case "is_gap": .flag(isGap)
        default: nil
        }
    }
}
