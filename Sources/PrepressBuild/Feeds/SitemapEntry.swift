import PrepressContent

/// One URL of the sitemap.
struct SitemapEntry: Sendable, Equatable {
    var path: String
    var lastModified: GuideDate?
}
