import PrepressContent

/// One URL of the sitemap.
struct SitemapEntry: Sendable {
    var path: String
    var lastModified: GuideDate?
}
