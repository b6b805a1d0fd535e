import PrepressContent
import PrepressTemplates

/// A taxonomy with every term, for its index page: the keys of `TaxonomyLinkView`, and `terms`.
struct TaxonomyListView: TemplateView {
    let taxonomy: Taxonomy
    let urls: SiteURLs

    static let templateKeys = TemplateKeys<TaxonomyListView>("a taxonomy with its terms", plural: "taxonomies", [
        "terms": .list { view in view.taxonomy.terms.map { TermCountView(term: $0, url: view.urls.link(view.taxonomy.path(of: $0))) } },
    ], including: TaxonomyLinkView.templateKeys, through: { TaxonomyLinkView(taxonomy: $0.taxonomy, urls: $0.urls) })
}
