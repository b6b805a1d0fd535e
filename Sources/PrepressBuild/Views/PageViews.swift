import Mustache

/// What `guide.mustache` receives.
struct GuidePageView: MustacheParent, Sendable {
    let site: SiteView
    let page: PageView
    let guide: GuideView

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "guide": guide
        default: nil
        }
    }
}

/// What a list of guides receives (`index.mustache`): one page of guides and the way to the others.
struct ListPageView: MustacheParent, Sendable {
    let site: SiteView
    let page: PageView
    let guides: [GuideView]
    let guideCount: Int
    let pagination: PaginationView?

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "guides": guides
        case "guide_count": guideCount
        case "pagination": present(pagination)
        default: nil
        }
    }
}

/// Links between the pages of a paginated list; absent when the list fits on one page.
struct PaginationView: MustacheParent, Sendable {
    let current: Int
    let total: Int
    /// Links of every page, first to last.
    let pageLinks: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "current": current
        case "total": total
        case "prev_url": present(current > 1 ? pageLinks[current - 2] as String? : nil)
        case "next_url": present(current < total ? pageLinks[current] as String? : nil)
        case "first_url": pageLinks[0]
        case "last_url": pageLinks[total - 1]
        case "pages": windowedPages
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
            result.append(PageLinkView(number: number, url: pageLinks[number - 1], isCurrent: number == current))
            previous = number
        }
        return result
    }
}

struct PageLinkView: MustacheParent, Sendable {
    let number: Int
    let url: String
    let isCurrent: Bool
    /// Stands for the pages left out between two shown ones.
    var isGap = false

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "url": url
        case "is_current": isCurrent
        case "is_gap": isGap
        default: nil
        }
    }
}
