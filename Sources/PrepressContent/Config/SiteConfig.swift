import Foundation

/// The site's settings from `site.yml`; every key has a default.
public struct SiteConfig: Sendable, Equatable {
    public var title = "Interview Guides"
    public var description: String?
    /// Absolute URL the site is published at, ending in `/`; it may include a path.
    public var baseURL = "http://localhost:8080/"
    /// BCP 47 language tag written on `<html lang>`.
    public var language = "en"
    /// Default author for `prepress new` and for feeds.
    public var author: String?
    /// Guides per list page.
    public var paginate = 20
    /// Entries in each Atom feed, newest first.
    public var feedLimit = 20
    /// Ways of grouping guides, each with an index page and a page per term.
    public var taxonomies: [TaxonomyConfig] = TaxonomyConfig.defaults
    public var smartPunctuation = true
    public var unsafeHTML = true
    /// Highlights fenced code in the languages KSyntaxHighlighting knows (`markdown: {highlight: false}` turns it off).
    public var highlight = true
    /// Folds answers behind "Show answer" on guide pages.
    public var practiceMode = true
    /// Whether guide pages' JSON-LD has an `FAQPage` of their questions (`structured_data: {faq: true}`); off by
    /// default, since Google shows no FAQ rich results for such sites (docs/structured-data.md).
    public var faqStructuredData = false
    /// Whether the build writes a search index and the /search/ page, and pages carry a search form.
    public var search = true
    /// Questions per page of the question bank.
    public var questionsPerPage = 50
    /// Where guide pages live (`permalinks: {guide: "/guides/:slug/"}`).
    public var guidePermalink = PermalinkPattern.defaultGuide
    /// The `params:` mapping, handed to templates as `site.params`.
    public var params: [ParamEntry] = []

    public init() {}

    /// The path part of the base URL, always starting and ending with `/` (`/` or `/prep/`).
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The taxonomy grouping by a front-matter key, if the site has one.
    public func taxonomy(forKey key: String) -> TaxonomyConfig? {
        taxonomies.first { $0.key == key }
    }

    /// The base URL with exactly one trailing slash.
    public static func normalizedBaseURL(_ url: String) -> String {
        var result = url.trimmingSpaces
        while result.hasSuffix("/") { result.removeLast() }
        return result + "/"
    }
}
