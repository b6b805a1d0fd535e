import PrepressContent
import PrepressTemplates

/// A term with its guide count, on its taxonomy's page.
struct TermCountView: TemplateView {
    let term: Term
    let url: String

    static let templateKeys = TemplateKeys<TermCountView>("a term", plural: "terms", [
        "name": .text(\.term.name),
        "slug": .text(\.term.slug),
        "url": .text(\.url),
        "count": .number(\.term.guides.count),
        "is_single": .flag { $0.term.guides.count == 1 },
    ])
}
