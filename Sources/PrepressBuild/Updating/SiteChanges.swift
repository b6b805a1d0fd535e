/// What changed in a site folder since its last build, as the preview's watcher saw it.
public struct SiteChanges: Sendable, Equatable {
    /// Guides added, edited or deleted, by path under content/.
    public var guides: Set<String> = []
    /// Other files under content/ added, edited or deleted.
    public var staticFiles = false
    /// Anything under templates/.
    public var templates = false
    /// site.yml.
    public var config = false
    /// A folder under content/ appeared or went away: the whole folder is read again.
    public var rescan = false

    public init(guides: Set<String> = [], staticFiles: Bool = false, templates: Bool = false, config: Bool = false, rescan: Bool = false) {
        self.guides = guides
        self.staticFiles = staticFiles
        self.templates = templates
        self.config = config
        self.rescan = rescan
    }

    public var isEmpty: Bool { guides.isEmpty && !staticFiles && !templates && !config && !rescan }

    public mutating func formUnion(_ other: SiteChanges) {
        guides.formUnion(other.guides)
        staticFiles = staticFiles || other.staticFiles
        templates = templates || other.templates
        config = config || other.config
        rescan = rescan || other.rescan
    }
}
