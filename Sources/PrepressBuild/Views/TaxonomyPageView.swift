import PrepressContent
import PrepressTemplates

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
