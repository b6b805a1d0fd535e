import Mustache
import PrepressContent

/// The `site` key every template receives.
struct SiteView: MustacheTypedParent, Sendable {
    let context: SiteContext

    func value(named name: String) -> MustacheValue? {
        let config = context.config
        switch name {
        case "title": return .text(config.title)
        case "description": return present(config.description)
        case "base_url": return .text(config.baseURL)
        case "base_path": return .text(context.urls.basePath)
        case "language": return .text(config.language)
        case "author": return present(config.author)
        case "generator": return .text(context.generator)
        case "params": return .other(config.params.templateDictionary)
        case "feed_url": return present(context.hasFeed ? context.urls.link("feed.xml") as String? : nil)
        case "questions_url": return present(context.questionBank.totalCount > 0 ? context.urls.link(QuestionBank.path) as String? : nil)
        case "question_count": return .number(context.questionBank.totalCount)
        case "taxonomies": return list(context.taxonomies.map { TaxonomyLinkView(taxonomy: $0, urls: context.urls) })
        default: return nil
        }
    }
}

/// A taxonomy named and linked, for navigation.
struct TaxonomyLinkView: MustacheTypedParent, Sendable {
    let taxonomy: Taxonomy
    let urls: SiteURLs

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "key": .text(taxonomy.config.key)
        case "title": .text(taxonomy.config.title)
        case "url": .text(urls.link(taxonomy.path))
        case "term_count": .number(taxonomy.terms.count)
        default: nil
        }
    }
}

/// The `page` key every template receives: what the document is, for `<head>`.
struct PageView: MustacheTypedParent, Sendable {
    /// The whole `<title>` text.
    let title: String
    let description: String?
    /// Site path of the page (`tags/c-plus-plus/`).
    let path: String
    /// `home`, `guide`, `taxonomy`, `term`, `404`; also written as a class on `<body>`.
    let kind: String
    let urls: SiteURLs

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "title": .text(title)
        case "description": present(description)
        case "url": .text(urls.link(path))
        case "permalink": .text(urls.absolute(path))
        case "kind": .text(kind)
        default: nil
        }
    }
}
