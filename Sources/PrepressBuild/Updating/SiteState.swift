import Foundation
import PrepressContent
import PrepressTemplates

/// A built site in memory: its pages, and what a rebuild after a change needs.
public struct SiteState: Sendable {
    public let options: BuildOptions
    /// site.yml, the static files, the theme and its templates, as loaded.
    var site: BuildStages.Loaded {
        didSet { staticFilesByPath = Self.index(site.staticFiles) }
    }
    /// Every guide's source under content/, published or not, with its Markdown: an added, removed or moved
    /// guide rebuilds from these without reading the others again.
    var guides: SharedArray<GuideSource>
    var prepared: BuildStages.Prepared
    /// Generated files, each rendered when first asked for (`PageCache`).
    var pages: PageCache

    public var config: SiteConfig { site.config }
    var context: SiteContext { prepared.context }
    public var warnings: [Diagnostic] { (prepared.loadWarnings + prepared.renderWarnings).sorted() }
    private var staticFilesByPath: [String: StaticFile]
    /// Each published guide's position in the context, by its path under content/ (places do not change in
    /// an update that keeps them, so it is made once per placing).
    let guidePositions: [String: Int]

    init(options: BuildOptions, site: BuildStages.Loaded, guides: SharedArray<GuideSource>, prepared: BuildStages.Prepared,
         pages: PageCache, guidePositions: [String: Int]? = nil) {
        self.options = options
        self.guidePositions = guidePositions ?? Dictionary(
            prepared.context.guides.indices.map { (prepared.context.guides.pointer(at: $0).pointee.source.relativePath, $0) },
            uniquingKeysWith: { first, _ in first })
        self.site = site
        self.guides = guides
        self.prepared = prepared
        self.pages = pages
        staticFilesByPath = Self.index(site.staticFiles)
    }

    private static func index(_ files: [StaticFile]) -> [String: StaticFile] {
        Dictionary(files.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A file of the built site by its path under the output folder (`guides/x/index.html`, `images/me.png`):
    /// generated pages, theme assets and content files, as `build` would write them.
    public func file(at path: String) -> [UInt8]? {
        let page = pages.page(at: path)
        if page?.replaceable != false, let file = staticFilesByPath[path] {
            return FileManager.default.contents(atPath: file.absolutePath).map { [UInt8]($0) }
        }
        if let page = page ?? searchFile(at: path) { return page.bytes }
        return BuildStages.assets(of: site).first { $0.path == path }.map { [UInt8]($0.contents) }
    }

    /// Whether `file(at:)` answers for `path`, without reading the file.
    public func hasFile(at path: String) -> Bool {
        staticFilesByPath[path] != nil || pages.hasPage(at: path) || BuildStages.assets(of: site).contains { $0.path == path }
            || searchFile(at: path) != nil
    }

    /// Every file of the site by path, as `build` writes them.
    public var allFiles: [String: [UInt8]] {
        _ = pages.allPages  // rendered on all cores first
        var files: [String: [UInt8]] = [:]
        for path in paths { files[path] = file(at: path) }
        return files
    }

    /// A file of the search index; asking for one makes the index, when an edit made it stale.
    private func searchFile(at path: String) -> RenderedPage? {
        path.hasPrefix(SearchIndexer.folder) ? prepared.search.file(at: path) : nil
    }

    /// Every path `file(at:)` answers, sorted.
    public var paths: [String] {
        Set(pages.paths).union(BuildStages.assets(of: site).map(\.path)).union(site.staticFiles.map(\.relativePath))
            .union(prepared.search.files.map(\.path)).sorted()
    }
}
