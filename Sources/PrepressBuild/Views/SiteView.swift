import PrepressContent
import PrepressTemplates

/// The `site` key every template receives.
struct SiteView: TemplateView {
    let context: ViewContext

    static let templateKeys = TemplateKeys<SiteView>("the site", plural: "sites", [
        "title": .text(\.context.config.title),
        "description": .optionalText(\.context.config.description),
        "base_url": .text(\.context.config.baseURL),
        "base_path": .text(\.context.urls.basePath),
        "language": .text(\.context.config.language),
        "author": .optionalText(\.context.config.author),
        "generator": .text(\.context.generator),
        "params": .data { $0.context.config.params.templateData },
        "feed_url": .optionalText { $0.context.hasFeed ? $0.context.urls.link("feed.xml") : nil },
        "questions_url": .optionalText { $0.context.questionBank.totalCount > 0 ? $0.context.urls.link(QuestionBank.path) : nil },
        "question_count": .number(\.context.questionBank.totalCount),
        "taxonomies": .list { view in view.context.taxonomies.map { TaxonomyLinkView(taxonomy: $0, urls: view.context.urls) } },
    ])
}

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

/// The `page` key every template receives: what the document is, for `<head>`.
struct PageView: TemplateView {
    /// The whole `<title>` text.
    let title: String
    let description: String?
    /// Site path of the page (`tags/c-plus-plus/`).
    let path: String
    /// `home`, `guide`, `taxonomy`, `term`, `404`; also written as a class on `<body>`.
    let kind: String
    let urls: SiteURLs

    static let templateKeys = TemplateKeys<PageView>("the page", plural: "pages", [
        "title": .text(\.title),
        "description": .optionalText(\.description),
        "url": .text { $0.urls.link($0.path) },
        "permalink": .text { $0.urls.absolute($0.path) },
        "kind": .text(\.kind),
    ])
}
