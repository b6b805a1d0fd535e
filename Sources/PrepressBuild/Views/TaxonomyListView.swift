import PrepressContent
import PrepressTemplates

/// A taxonomy with every term, for its index page: the keys of `TaxonomyLinkView`, and `terms`.
struct TaxonomyListView: TemplateView {
    let context: ViewContext
    let position: Int

    static let templateKeys = TemplateKeys<TaxonomyListView>("a taxonomy with its terms", plural: "taxonomies", [
        "terms": .list { view in
            view.context.taxonomies[view.position].terms.indices.map {
                TermCountView(context: view.context, taxonomy: view.position, position: $0)
            }
        },
    ], including: TaxonomyLinkView.templateKeys, through: { TaxonomyLinkView(context: $0.context, position: $0.position) })
}
