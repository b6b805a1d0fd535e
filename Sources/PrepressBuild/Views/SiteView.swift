import Mustache
import PrepressContent

/// The `site` key every template receives.
struct SiteView: MustacheParent, Sendable {
    let config: SiteConfig
    let generator: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": config.title
        case "description": present(config.description)
        case "base_url": config.baseURL
        case "base_path": config.basePath
        case "language": config.language
        case "author": present(config.author)
        case "generator": generator
        case "params": config.params.templateDictionary
        default: nil
        }
    }
}

/// The `page` key every template receives: what the document is, for `<head>`.
struct PageView: MustacheParent, Sendable {
    /// The whole `<title>` text.
    let title: String
    let description: String?
    /// Root-relative URL under the base path.
    let url: String
    /// Absolute URL.
    let permalink: String
    /// `home`, `guide`, … also written as a class on `<body>`.
    let kind: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": present(description)
        case "url": url
        case "permalink": permalink
        case "kind": kind
        default: nil
        }
    }
}
