import PrepressContent
import PrepressTemplates

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
