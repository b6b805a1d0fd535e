import PrepressContent
import PrepressTemplates

/// What `search.mustache` receives: the search page fills itself in the browser, from the index.
struct SearchPageView: TemplateView {
    let site: BoxedView<SiteView>
    let page: BoxedView<PageView>

    static let templateKeys = TemplateKeys<SearchPageView>("the search page", plural: "search pages", [
        "site": .view(\.site),
        "page": .view(\.page),
    ])
}
