/// How much an update redid.
public struct UpdateReport: Sendable {
    public enum Kind: String, Sendable {
        /// Some pages re-rendered after guides' bodies changed.
        case changedPages = "changed pages"
        /// Every page re-rendered from the parsed guides.
        case allPages = "all pages"
        /// Everything reloaded: templates or site.yml changed.
        case full = "full rebuild"
    }

    public var kind: Kind
    public var renderedPages: Int
    public var seconds: Double

    public init(kind: Kind, renderedPages: Int, seconds: Double) {
        self.kind = kind
        self.renderedPages = renderedPages
        self.seconds = seconds
    }
}
