import PrepressContent
import PrepressTemplates

/// A taxonomy named and linked, for navigation: read in place, by its position among the site's taxonomies
/// (a view holding the taxonomy would copy it, with its terms and indexes, for every key a page reads).
struct TaxonomyLinkView: TemplateView {
    let context: ViewContext
    let position: Int

    private var taxonomy: Taxonomy { _read { yield context.taxonomies[position] } }

    static let templateKeys = TemplateKeys<TaxonomyLinkView>("a taxonomy", plural: "taxonomies", [
        "key": .text { $0.taxonomy.config.key },
        "title": .text { $0.taxonomy.config.title },
        "url": .text { $0.context.taxonomyLinks[$0.position] },
        "term_count": .number { $0.taxonomy.terms.count },
    ])
}
