import PrepressContent

/// A taxonomy and its terms, sorted by name.
public struct Taxonomy: Sendable {
    public var config: TaxonomyConfig
    public var terms: [Term]
    /// Position in `terms` by slug.
    var termIndex: [String: Int]
    /// The position in `terms` of every spelling guides use: one lookup where a page shows a guide's terms,
    /// rather than its slug by name and then the term by slug.
    var positionByName: [String: Int]

    /// The position in `terms` of the term a name belongs to.
    public func position(named name: String) -> Int? {
        positionByName[name] ?? termIndex[Slug.make(name)]
    }

    public var path: String { config.path + "/" }

    public func path(of term: Term) -> String { SiteURLs.termPath(taxonomy: config.path, slug: term.slug) }
}
