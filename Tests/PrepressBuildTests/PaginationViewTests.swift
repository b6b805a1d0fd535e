import Testing
@testable import PrepressBuild
import PrepressContent

/// The pagination shows the first and the last page and two on either side of the current one, in order,
/// each once, with a gap wherever pages are left out between two shown ones; its links are the pages' links.
@Suite struct PaginationViewTests {
    let urls = SiteURLs(config: { var config = SiteConfig(); config.baseURL = "https://example.org/prep/"; return config }())

    @Test func everyWindowOfListsUpToTwelvePages() {
        for total in 2...12 {
            for current in 1...total {
                let pages = PaginationView(current: current, total: total, firstPath: "tags/sql/", urls: urls).windowedPages
                let shown = Set([1, total] + Array(max(1, current - 2)...min(total, current + 2))).sorted()
                #expect(pages.filter { !$0.isGap }.map(\.number) == shown, "page \(current) of \(total)")
                // A gap exactly where the numbers jump.
                var expected: [Int] = []
                var previous = 0
                for number in shown {
                    if number > previous + 1 { expected.append(0) }
                    expected.append(number)
                    previous = number
                }
                #expect(pages.map { $0.isGap ? 0 : $0.number } == expected, "page \(current) of \(total)")
                #expect(pages.filter(\.isCurrent).map(\.number) == [current])
            }
        }
    }

    @Test func linksAreThePagesLinksUnderTheBasePathAndEncoded() {
        let pages = PaginationView(current: 1, total: 3, firstPath: "tags/c++/", urls: urls).windowedPages
        #expect(pages.map(\.url) == ["/prep/tags/c%2B%2B/", "/prep/tags/c%2B%2B/page/2/", "/prep/tags/c%2B%2B/page/3/"])
        let pagination = PaginationView(current: 2, total: 3, firstPath: "", urls: urls)
        #expect(pagination.link(1) == "/prep/")
        #expect(pagination.link(3) == urls.link(SiteURLs.pagePath("", number: 3)))
    }
}
