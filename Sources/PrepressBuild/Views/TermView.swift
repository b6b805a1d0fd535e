import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A name under a taxonomy: a category, vertical or tag, spelled as the site's term and linked to its page.
///
/// Its texts are made when it is, once: a template asks for `url` up to three times (`{{#url}}`, `{{url}}`,
/// `{{^url}}`).
struct TermView: TemplateView {
    let slug: String
    let displayName: String
    /// The term's page; nil when the site has no such taxonomy.
    let url: String?

    static let templateKeys = TemplateKeys<TermView>("a term", plural: "terms", [
        "name": .text(\.displayName),
        "slug": .text(\.slug),
        "url": .optionalText(\.url),
    ])
}
