import PrepressContent

/// A taxonomy and its terms, sorted by name.
public struct Taxonomy: Sendable {
    public var config: TaxonomyConfig
    public var terms: [Term]
    /// Position in `terms` by slug.
    var termIndex: [String: Int]
    /// Slug of every spelling guides use, so pages need not make slugs again.
    var slugByName: [String: String]

    /// The position in `terms` of the term a name belongs to.
    public func position(named name: String) -> Int? {
        termIndex[slugByName[name] ?? Slug.make(name)]
    }

    public var path: String { config.path + "/" }

    public func path(of term: Term) -> String { SiteURLs.termPath(taxonomy: config.path, slug: term.slug) }
}
