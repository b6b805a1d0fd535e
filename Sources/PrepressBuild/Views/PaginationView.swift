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
