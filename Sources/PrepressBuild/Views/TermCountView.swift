import PrepressContent
import PrepressTemplates

/// A term with its guide count, on its taxonomy's page, read in place by its positions.
struct TermCountView: TemplateView {
    let context: ViewContext
    let taxonomy: Int
    let position: Int

    private var term: Term { _read { yield context.taxonomies[taxonomy].terms[position] } }

    static let templateKeys = TemplateKeys<TermCountView>("a term", plural: "terms", [
        "name": .text { $0.term.name },
        "slug": .text { $0.term.slug },
        "url": .text { $0.context.termLinks[$0.taxonomy][$0.position] },
        "count": .number { $0.term.guides.count },
        "is_single": .flag { $0.term.guides.count == 1 },
    ])
}
