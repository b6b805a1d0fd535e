import PrepressContent
import PrepressTemplates

/// One file the build generates, rendered.
struct RenderedPage: Sendable {
    /// File path under the output folder (`guides/x/index.html`).
    var path: String
    var bytes: [UInt8]
    /// Its sitemap entry, for pages that belong in the sitemap.
    var sitemap: SitemapEntry?
    /// A default that a file of the same path in content/ replaces (robots.txt).
    var replaceable = false
    /// Written after a file of the same path in content/, which comes first (`_redirects`).
    var extendsContentFile = false
    /// Its file is the last build's, kept where it is (`OutputSink.keep`, asked before it was made): no bytes.
    var kept = false

    /// A file kept as the last build wrote it (`OutputSink.keep` said so).
    static func kept(_ path: String) -> RenderedPage {
        var page = RenderedPage(path: path, bytes: [])
        page.kept = true
        return page
    }

    init(path: String, bytes: [UInt8], sitemap: SitemapEntry? = nil, replaceable: Bool = false, extendsContentFile: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.sitemap = sitemap
        self.replaceable = replaceable
        self.extendsContentFile = extendsContentFile
    }

    init(path: String, text: String, sitemap: SitemapEntry? = nil, replaceable: Bool = false, extendsContentFile: Bool = false) {
        self.init(path: path, bytes: Array(text.utf8), sitemap: sitemap, replaceable: replaceable, extendsContentFile: extendsContentFile)
    }
}
