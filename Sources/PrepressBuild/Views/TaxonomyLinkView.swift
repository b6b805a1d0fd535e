import PrepressContent
import PrepressTemplates

/// A taxonomy named and linked, for navigation.
struct TaxonomyLinkView: TemplateView {
    let taxonomy: Taxonomy
    let urls: SiteURLs

    static let templateKeys = TemplateKeys<TaxonomyLinkView>("a taxonomy", plural: "taxonomies", [
        "key": .text(\.taxonomy.config.key),
        "title": .text(\.taxonomy.config.title),
        "url": .text { $0.urls.link($0.taxonomy.path) },
        "term_count": .number(\.taxonomy.terms.count),
    ])
}
