import PrepressContent
import PrepressTemplates

/// What `taxonomy.mustache` receives: every term of a taxonomy with its guide count.
struct TaxonomyPageView: TemplateView {
    let site: BoxedView<SiteView>
    let page: BoxedView<PageView>
    let context: ViewContext
    /// The taxonomy's position among the site's.
    let position: Int

    static let templateKeys = TemplateKeys<TaxonomyPageView>("a taxonomy page", plural: "taxonomy pages", [
        "site": .view(\.site),
        "page": .view(\.page),
        "taxonomy": .view { TaxonomyListView(context: $0.context, position: $0.position) },
    ])
}
