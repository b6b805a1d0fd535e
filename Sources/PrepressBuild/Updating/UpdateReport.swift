/// How much an update redid.
public struct UpdateReport: Sendable {
    public enum Kind: String, Sendable {
        /// Guides read and rendered again, the pages that show them dropped (rendered when next asked for).
        case changedPages = "changed pages"
        /// Every stage from placing guides on, from the parsed guides; every page rendered when asked for.
        case allPages = "all pages"
        /// Some guides' terms changed, their places kept: taxonomies, related guides and the cards that may
        /// show the change made again; every page rendered when asked for.
        case termsChanged = "terms changed"
        /// Everything reloaded: templates or site.yml changed.
        case full = "full rebuild"
    }

    public var kind: Kind
    /// Pages the update made stale: each is rendered again when a browser next asks for it.
    public var stalePages: Int
    public var seconds: Double

    public init(kind: Kind, stalePages: Int, seconds: Double) {
        self.kind = kind
        self.stalePages = stalePages
        self.seconds = seconds
    }
}
