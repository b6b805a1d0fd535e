import PrepressContent

/// One term of a taxonomy: a tag, category or vertical, with its guides in list order.
public struct Term: Sendable {
    /// The term's identity: names with equal slugs are one term.
    public var slug: String
    /// The spelling most guides use (ties: the first in sort order).
    public var name: String
    /// Indices into the site's guides, newest first.
    public var guides: [Int]
}
