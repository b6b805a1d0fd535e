import PrepressContent
import PrepressTemplates

/// The page written at a guide's old URL (`aliases`): a refresh to the guide's page for browsers, its URL as
/// canonical and `noindex` for search engines, and a visible link for everyone else. Also the `_redirects`
/// file (Netlify and Cloudflare Pages read it) listing every old URL with the page it moved to.
struct RedirectPageRenderer {
    let urls: SiteURLs
    let language: String

    /// The page for an alias of the guide `term` at site path `path`.
    func render(term: String, path: String) -> String {
        let link = HTMLText.escaped(urls.link(path))
        let title = HTMLText.escaped(term)
        return """
        <!DOCTYPE html>
        <html lang="\(HTMLText.escaped(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <meta name="robots" content="noindex">
        <link rel="canonical" href="\(HTMLText.escaped(urls.absolute(path)))">
        <meta http-equiv="refresh" content="0; url=\(link)">
        </head>
        <body>
        <main>
        <h1>This page has moved</h1>
        <p>It is now <a href="\(link)">\(title)</a>.</p>
        </main>
        </body>
        </html>

        """
    }

    /// `_redirects`: one `old new 301` line per alias, in the order of the old paths; nil for a site without
    /// aliases. A `_redirects` of the site's own in content/ comes first (`OutputWriter`).
    static func redirectsFile(_ context: SiteContext) -> RenderedPage? {
        var lines: [(from: String, line: String)] = []
        for guide in context.guides {
            for alias in guide.frontMatter.aliases {
                let from = context.urls.link(alias.path)
                lines.append((from, "\(from) \(context.urls.link(guide.path)) 301\n"))
            }
        }
        guard !lines.isEmpty else { return nil }
        lines.sort { $0.from < $1.from }
        let text = "# Old URLs of guides (their aliases), written by Prepress\n" + lines.map(\.line).joined()
        return RenderedPage(path: fileName, text: text, extendsContentFile: true)
    }

    static let fileName = "_redirects"
}
