import PrepressContent
import PrepressTemplates

/// Links between the pages of a paginated list; absent when the list fits on one page.
///
/// Links are made for the pages shown only: a list of 800 pages must not make 800 links on each of them.
struct PaginationView: TemplateView {
    let current: Int
    let total: Int
    /// Site path of the list's first page.
    let firstPath: String
    let urls: SiteURLs
    /// The first page's link, made once: the others are it and `page/<n>/` (encoding goes byte by byte, and
    /// `page/<n>/` needs none), for the seven links of each of the site's thousands of list pages.
    private let firstLink: String

    init(current: Int, total: Int, firstPath: String, urls: SiteURLs) {
        self.current = current
        self.total = total
        self.firstPath = firstPath
        self.urls = urls
        firstLink = urls.link(firstPath)
    }

    func link(_ number: Int) -> String {
        number == 1 ? firstLink : firstLink + "page/\(number)/"
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
        // 1, then current − 2 … current + 2 within the list, then the last: in order, each once.
        let window = max(1, current - 2)...min(total, current + 2)
        var result: [PageLinkView] = []
        result.reserveCapacity(window.count + 4)
        var previous = 0
        func add(_ number: Int) {
            if number > previous + 1 { result.append(PageLinkView(number: 0, url: "", isCurrent: false, isGap: true)) }
            result.append(PageLinkView(number: number, url: link(number), isCurrent: number == current))
            previous = number
        }
        if window.lowerBound > 1 { add(1) }
        for number in window { add(number) }
        if window.upperBound < total { add(total) }
        return result
    }
}
