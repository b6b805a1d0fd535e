import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A guide's author.
struct AuthorView: TemplateView {
    let author: Author
    /// The author's page when the site has an `author` taxonomy.
    let page: TermView
    let urls: SiteURLs

    static let templateKeys = TemplateKeys<AuthorView>("an author", plural: "authors", [
        "name": .text(\.author.name),
        "url": .optionalText { view in view.author.url.map(view.urls.authored) },
        "page_url": .optionalText(\.page.url),
    ])
}
