import Mustache
import PrepressContent

/// The `site` key every template receives.
struct SiteView: MustacheParent, Sendable {
    let context: SiteContext

    func child(named name: String) -> Any? {
        let config = context.config
        switch name {
        case "title": return config.title
        case "description": return present(config.description)
        case "base_url": return config.baseURL
        case "base_path": return context.urls.basePath
        case "language": return config.language
        case "author": return present(config.author)
        case "generator": return context.generator
        case "params": return config.params.templateDictionary
        case "feed_url": return present(context.hasFeed ? context.urls.link("feed.xml") as String? : nil)
        case "questions_url": return present(context.questionBank.totalCount > 0 ? context.urls.link(QuestionBank.path) as String? : nil)
        case "question_count": return context.questionBank.totalCount
        case "taxonomies": return context.taxonomies.map { TaxonomyLinkView(taxonomy: $0, urls: context.urls) }
        default: return nil
        }
    }
}

/// A taxonomy named and linked, for navigation.
struct TaxonomyLinkView: MustacheParent, Sendable {
    let taxonomy: Taxonomy
    let urls: SiteURLs

    func child(named name: String) -> Any? {
        switch name {
        case "key": taxonomy.config.key
        case "title": taxonomy.config.title
        case "url": urls.link(taxonomy.path)
        case "term_count": taxonomy.terms.count
        default: nil
        }
    }
}

/// The `page` key every template receives: what the document is, for `<head>`.
struct PageView: MustacheParent, Sendable {
    /// The whole `<title>` text.
    let title: String
    let description: String?
    /// Site path of the page (`tags/c-plus-plus/`).
    let path: String
    /// `home`, `guide`, `taxonomy`, `term`, `404`; also written as a class on `<body>`.
    let kind: String
    let urls: SiteURLs

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": present(description)
        case "url": urls.link(path)
        case "permalink": urls.absolute(path)
        case "kind": kind
        default: nil
        }
    }
}
