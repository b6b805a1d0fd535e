import Foundation
import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// Builds a site: load → parse → place → render Markdown → index → render pages → write, each stage timed.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds into the output folder, swapped in only when the whole build succeeded.
    ///
    /// With `options.stamp` set to `.recordAndSkip`, a build whose inputs, options and executable are those
    /// of the last successful build, into an output folder nobody has touched since, writes nothing and
    /// reports `upToDate` (see `BuildStamp`).
    public func build() throws(DiagnosticsError) -> BuildReport {
        var clock = StageClock()
        var inputs: BuildFingerprint.Inputs?
        let tool = BuildStamp.toolIdentity()
        let readFrom = BuildStamp.wallClock()
        if options.stamp != .off {
            inputs = clock.measure("fingerprint inputs") { BuildFingerprint.inputs(of: options) }
            if options.stamp == .recordAndSkip, let inputs {
                let previous = clock.measure("compare with last build") { upToDateStamp(inputs: inputs, tool: tool) }
                if let previous {
                    var report = previous.skippedBuildReport
                    report.stages = clock.stages
                    return report
                }
            }
        }
        let sink: DirectoryOutputSink
        do {
            sink = try DirectoryOutputSink(outputPath: options.resolvedOutputDirectory)
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: options.resolvedOutputDirectory), "\(error)")])
        }
        do throws(DiagnosticsError) {
            var report = try build(into: sink)
            report.stages = clock.stages + report.stages
            clock = StageClock()
            try clock.measure("swap in output") { () throws(DiagnosticsError) in
                do {
                    // The last stamp describes the output about to be replaced: gone first, so that no failure
                    // from here on can leave a stamp that vouches for the wrong folder.
                    if options.stamp != .off { BuildStamp.remove(for: options) }
                    try sink.commit()
                } catch {
                    throw DiagnosticsError([.error(at: SourceLocation(file: options.resolvedOutputDirectory), "\(error)")])
                }
            }
            if options.stamp != .off, let inputs {
                clock.measure("record build stamp") {
                    recordStamp(report, inputs: inputs.digest, readFrom: readFrom, output: sink.listingDigest(), tool: tool)
                }
            }
            report.stages += clock.stages
            return report
        } catch {
            sink.discard()
            throw error
        }
    }

    /// The last build's stamp, when it matches these inputs, options and executable, no input changed while
    /// that build ran, it is not yet time to publish a future-dated guide, and the output folder is as that
    /// build left it.
    func upToDateStamp(inputs: BuildFingerprint.Inputs, tool: String) -> BuildStamp? {
        guard let stamp = BuildStamp.read(for: options),
              stamp.tool == tool,
              stamp.options == BuildStamp.optionsText(options),
              stamp.inputs == inputs.digest,
              !stamp.changedDuringBuild(inputs),
              stamp.validUntil.map({ Int(options.now.timeIntervalSince1970.rounded(.down)) < $0 }) ?? true,
              BuildFingerprint.output(at: options.resolvedOutputDirectory) == stamp.output
        else { return nil }
        return stamp
    }

    private func recordStamp(_ report: BuildReport, inputs: String, readFrom: Int64, output: String, tool: String) {
        BuildStamp(tool: tool, options: BuildStamp.optionsText(options), inputs: inputs, readFrom: readFrom,
                   finishedAt: BuildStamp.wallClock(), validUntil: report.nextDue,
                   output: output, guideCount: report.guideCount, pageCount: report.pageCount,
                   fileCount: report.fileCount, warnings: report.warnings.map(BuildStamp.StoredDiagnostic.init))
            .write(for: options)
    }

    /// Builds into `sink`; throws every error found. Each page is written as soon as it is rendered; after
    /// an error the sink may hold part of the site, which `build()` discards.
    public func build(into sink: OutputSink) throws(DiagnosticsError) -> BuildReport {
        var clock = StageClock()
        var loaded = load(clock: &clock)
        let (staticFiles, assets) = (loaded.content.staticFiles, loaded.theme.assets)
        let nextDue = BuildStamp.nextDue(loaded.content.guides, options: options)
        let prepared = try prepare(&loaded, keepingMarkdown: false, clock: &clock)
        let writer = OutputWriter(sink: sink, displayPath: options.displayPath)
        let context = prepared.context
        let result = try clock.measure("render and write pages") { () throws(DiagnosticsError) -> OutputWriter.Result in
            try writer.write(site: PageRenderer(context: context, templates: prepared.templates),
                             staticFiles: staticFiles, assets: assets)
        }
        var report = BuildReport()
        report.guideCount = prepared.context.guides.count
        report.pageCount = result.htmlPages
        report.fileCount = result.files
        report.warnings = (prepared.loadWarnings + prepared.renderWarnings).sorted()
        report.nextDue = nextDue
        report.stages = clock.stages
        report.details.append(("of which writing files, all threads", result.writeSeconds))
        return report
    }

    /// Builds the whole site in memory.
    public func makeState() throws(DiagnosticsError) -> SiteState {
        var clock = StageClock()
        return try makeState(clock: &clock)
    }

    func makeState(clock: inout StageClock) throws(DiagnosticsError) -> SiteState {
        try assemble(load(clock: &clock), clock: &clock)
    }

    /// What the site folder holds: site.yml, the guides parsed, the theme.
    struct Loaded {
        var config: SiteConfig
        var content: LoadedContent
        var theme: Theme
        var templates: TemplateRenderer?
        var diagnostics: [Diagnostic]
    }

    func load(clock: inout StageClock) -> Loaded {
        var diagnostics: [Diagnostic] = []
        let loader = SiteLoader(options: options)
        let config = clock.measure("load site.yml") { loader.loadConfig(into: &diagnostics) }
        let content = clock.measure("load and parse content") { loader.loadContent(into: &diagnostics) }
        let (theme, templates) = clock.measure("load templates") { loader.loadTheme(into: &diagnostics) }
        return Loaded(config: config, content: content, theme: theme, templates: templates, diagnostics: diagnostics)
    }

    /// Everything pages are rendered from: guides placed and rendered, indexes, related guides, cards.
    struct Prepared {
        var templates: TemplateRenderer
        var guideRenderer: GuideRenderer
        var context: SiteContext
        var loadWarnings: [Diagnostic]
        var renderWarnings: [Diagnostic]
    }

    /// Places guides, renders their Markdown and indexes them; throws every error found so far.
    /// Without `keepingMarkdown`, the guides' Markdown bodies are let go once rendered (nothing after reads
    /// them; a large site's bodies are a hundred megabytes), and `loaded` loses its guides.
    func prepare(_ loaded: inout Loaded, keepingMarkdown: Bool = true, clock: inout StageClock) throws(DiagnosticsError) -> Prepared {
        var diagnostics = loaded.diagnostics
        let config = loaded.config
        let placer = GuidePlacer(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, now: options.now)
        var (placed, leftOut) = clock.measure("place guides") { placer.place(loaded.content.guides, into: &diagnostics) }
        if !keepingMarkdown { loaded.content.guides = [] }
        guard let templates = loaded.templates, !diagnostics.contains(where: \.isError) else {
            throw DiagnosticsError(diagnostics)
        }

        let urls = SiteURLs(config: config)
        let guideRenderer = GuideRenderer(
            markdown: MarkdownRenderer(
                options: MarkdownOptions(smartPunctuation: config.smartPunctuation, unsafeHTML: config.unsafeHTML,
                                         practiceMode: config.practiceMode),
                reservedIDs: GuideRenderer.reservedIDs),
            urls: urls,
            pathsBySource: Dictionary(uniqueKeysWithValues: placed.map { ($0.source.relativePath, $0.path) }),
            leftOut: leftOut)
        let guides: [Guide] = clock.measure("render markdown") {
            var results = placed.parallelMap(guideRenderer.render)
            placed = []
            diagnostics += results.flatMap(\.1)
            if !keepingMarkdown {
                for index in results.indices { results[index].0.source.parsed.body = "" }
            }
            return Guide.inListOrder(results.map(\.0))
        }
        if diagnostics.contains(where: \.isError) { throw DiagnosticsError(diagnostics) }

        let taxonomies = clock.measure("index taxonomies") { TaxonomyIndexer(configs: config.taxonomies).index(guides) }
        let related = clock.measure("find related guides") {
            let finder = RelatedGuideFinder(guides: guides)
            return Array(guides.indices).parallelMap(finder.related)
        }
        var context = clock.measure("index questions") {
            SiteContext(config: config, urls: urls, generator: options.generator, guides: guides, taxonomies: taxonomies, related: related)
        }
        context.cards = clock.measure("render cards") {
            PageRenderer.renderCards(Array(guides.indices), context: context, templates: templates)
        }
        return Prepared(templates: templates, guideRenderer: guideRenderer, context: context,
                        loadWarnings: loaded.diagnostics,
                        renderWarnings: Array(diagnostics.dropFirst(loaded.diagnostics.count)))
    }

    /// Everything after loading, with every page rendered into memory.
    func assemble(_ loaded: Loaded, clock: inout StageClock) throws(DiagnosticsError) -> SiteState {
        var loaded = loaded
        let prepared = try prepare(&loaded, clock: &clock)
        let pages = clock.measure("render pages") { PageRenderer(context: prepared.context, templates: prepared.templates).render() }
        return SiteState(
            options: options, config: loaded.config, theme: loaded.theme, templates: prepared.templates, content: loaded.content,
            guideRenderer: prepared.guideRenderer, context: prepared.context,
            pages: Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }),
            loadWarnings: prepared.loadWarnings, renderWarnings: prepared.renderWarnings)
    }

    /// Rebuilds after `changes`, redoing only what they affect.
    ///
    /// A change to a guide's body re-renders that guide's page and the pages that show its reading time or
    /// questions (lists it is on, related-guide sections, the question bank); a question added or removed
    /// re-renders every page, reusing every other guide's Markdown. A change to front matter, a new,
    /// deleted or renamed guide re-renders every page from the parsed guides; templates and site.yml reload all.
    public func update(_ state: SiteState, with changes: SiteChanges) throws(DiagnosticsError) -> (SiteState, UpdateReport) {
        let start = DispatchTime.now().uptimeNanoseconds
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

        if changes.config || changes.templates || changes.rescan {
            let rebuilt = try makeState()
            return (rebuilt, UpdateReport(kind: .full, renderedPages: rebuilt.pages.count, seconds: seconds()))
        }

        var content = state.content
        let changedFiles = Set(changes.guides.map { options.displayPath("content/" + $0) })
        var diagnostics = state.loadWarnings.filter { !changedFiles.contains($0.location.file) }
        if changes.staticFiles {
            let directory = (options.siteDirectory as NSString).appendingPathComponent("content")
            content.staticFiles = (try? ContentLoader.listFiles(in: directory))?
                .filter { !ContentLoader.guideExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .map { StaticFile(relativePath: $0, absolutePath: directory + "/" + $0) } ?? content.staticFiles
        }

        var changedSources: [GuideSource] = []
        var structural = false
        // Front matter changed, but nothing that decides where guides are listed or how they are grouped.
        var frontMatterChanged = false
        let loader = ContentLoader(
            directory: (options.siteDirectory as NSString).appendingPathComponent("content"),
            displayPrefix: options.displayPath("content"))
        for path in changes.guides.sorted() {
            let previous = content.guides.firstIndex { $0.relativePath == path }
            switch loader.loadGuide(path) {
            case .missing:
                if let previous { content.guides.remove(at: previous) }
                structural = true
            case .failure(let error):
                diagnostics += error.diagnostics
            case .success(let source):
                diagnostics += source.parsed.warnings
                if let previous {
                    let before = content.guides[previous].parsed.frontMatter
                    let after = source.parsed.frontMatter
                    if before != after {
                        if Self.samePlace(before, after) { frontMatterChanged = true } else { structural = true }
                    }
                    content.guides[previous] = source
                } else {
                    content.guides.append(source)
                    content.guides.sort { $0.relativePath < $1.relativePath }
                    structural = true
                }
                changedSources.append(source)
            }
        }
        if diagnostics.contains(where: \.isError) { throw DiagnosticsError(diagnostics) }

        let positions = Dictionary(state.context.guides.indices.map { (state.context.guides[$0].source.relativePath, $0) },
                                   uniquingKeysWith: { first, _ in first })
        if structural || changedSources.contains(where: { positions[$0.relativePath] == nil }) {
            var clock = StageClock()
            let rebuilt = try assemble(Loaded(config: state.config, content: content, theme: state.theme, templates: state.templates,
                                              diagnostics: diagnostics), clock: &clock)
            return (rebuilt, UpdateReport(kind: .allPages, renderedPages: rebuilt.pages.count, seconds: seconds()))
        }

        // Only bodies changed: guides keep their places, taxonomies and related guides.
        let loadWarnings = diagnostics
        var renderWarnings = state.renderWarnings.filter { !changedFiles.contains($0.location.file) }
        var guides = state.context.guides
        var changed: Set<Int> = []
        var questionCountChanged = false
        for source in changedSources {
            guard let index = positions[source.relativePath] else { continue }
            let placed = PlacedGuide(source: source, slug: guides[index].slug, path: guides[index].path)
            let (guide, linkWarnings) = state.guideRenderer.render(placed)
            renderWarnings += linkWarnings
            questionCountChanged = questionCountChanged || guide.rendered.questionCount != guides[index].rendered.questionCount
            guides[index] = guide
            changed.insert(index)
        }
        var context = SiteContext(config: state.config, urls: state.context.urls, generator: options.generator, guides: guides,
                                  taxonomies: state.context.taxonomies, related: state.context.related)
        var cards = state.context.cards
        context.cards = cards
        let changedIndices = changed.sorted()
        for (index, card) in zip(changedIndices, PageRenderer.renderCards(changedIndices, context: context, templates: state.templates)) {
            cards[index] = card
        }
        context.cards = cards
        let renderer = PageRenderer(context: context, templates: state.templates)
        // A question added or removed changes the site's question count, which any page may show, and
        // shifts the question bank's pages: then every page is rendered again.
        let jobs = renderer.jobs().filter { job in
            questionCountChanged || renderer.bodyDependencies(of: job).contains(where: changed.contains)
                || (frontMatterChanged && renderer.frontMatterDependencies(of: job).contains(where: changed.contains))
        }
        var pages = state.pages
        if questionCountChanged {
            pages = pages.filter { !$0.key.hasPrefix(QuestionBank.path) }
        }
        for page in renderer.render(jobs).compactMap({ $0 }) {
            pages[page.path] = page
        }
        // The sitemap lists pages and their dates, which change here when question bank pages or a modDate do.
        if questionCountChanged || frontMatterChanged {
            for file in renderer.closingFiles(sitemapEntries: pages.values.compactMap(\.sitemap)) {
                pages[file.path] = file
            }
        }
        var updated = state
        updated.content = content
        updated.context = context
        updated.pages = pages
        updated.loadWarnings = loadWarnings
        updated.renderWarnings = renderWarnings
        return (updated, UpdateReport(kind: .changedPages, renderedPages: jobs.count, seconds: seconds()))
    }
}

extension SiteBuilder {
    /// Whether two versions of a guide's front matter list and group it the same way: same title, slug,
    /// publication date, draft state, category, vertical, tags and author. Then only its own page, the lists
    /// and related-guide cards that show it, and the feeds it is in need rendering again.
    static func samePlace(_ before: FrontMatter, _ after: FrontMatter) -> Bool {
        before.term == after.term && before.slug == after.slug && before.pubDate == after.pubDate
            && before.draft == after.draft && before.category == after.category && before.vertical == after.vertical
            && before.tags == after.tags && before.author == after.author
            && before.params.map(\.key) == after.params.map(\.key) && before.params == after.params
    }
}

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

/// A built site in memory: its pages, and what a rebuild after a change needs.
public struct SiteState: Sendable {
    public let options: BuildOptions
    public let config: SiteConfig
    let theme: Theme
    let templates: TemplateRenderer
    var content: LoadedContent {
        didSet { staticFilesByPath = Self.index(content.staticFiles) }
    }
    let guideRenderer: GuideRenderer
    var context: SiteContext
    /// Generated files by path under the output folder.
    var pages: [String: RenderedPage]
    /// Problems found loading site.yml and guides, and rendering guides' Markdown (links).
    var loadWarnings: [Diagnostic]
    var renderWarnings: [Diagnostic]

    public var warnings: [Diagnostic] { (loadWarnings + renderWarnings).sorted() }
    private var staticFilesByPath: [String: StaticFile]

    init(options: BuildOptions, config: SiteConfig, theme: Theme, templates: TemplateRenderer, content: LoadedContent,
         guideRenderer: GuideRenderer, context: SiteContext, pages: [String: RenderedPage],
         loadWarnings: [Diagnostic], renderWarnings: [Diagnostic]) {
        self.options = options
        self.config = config
        self.theme = theme
        self.templates = templates
        self.content = content
        self.guideRenderer = guideRenderer
        self.context = context
        self.pages = pages
        self.loadWarnings = loadWarnings
        self.renderWarnings = renderWarnings
        staticFilesByPath = Self.index(content.staticFiles)
    }

    private static func index(_ files: [StaticFile]) -> [String: StaticFile] {
        Dictionary(files.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A file of the built site by its path under the output folder (`guides/x/index.html`, `images/me.png`):
    /// generated pages, theme assets and content files, as `build` would write them.
    public func file(at path: String) -> [UInt8]? {
        if pages[path]?.replaceable != false, let file = staticFilesByPath[path] {
            return FileManager.default.contents(atPath: file.absolutePath).map { [UInt8]($0) }
        }
        if let page = pages[path] { return page.bytes }
        return theme.assets.first { $0.path == path }.map { [UInt8]($0.contents) }
    }


    /// Whether `file(at:)` answers for `path`, without reading the file.
    public func hasFile(at path: String) -> Bool {
        pages[path] != nil || staticFilesByPath[path] != nil || theme.assets.contains { $0.path == path }
    }

    /// Every file of the site by path, as `build` writes them.
    public var allFiles: [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in paths { files[path] = file(at: path) }
        return files
    }

    /// Every path `file(at:)` answers, sorted.
    public var paths: [String] {
        Set(pages.keys).union(theme.assets.map(\.path)).union(content.staticFiles.map(\.relativePath)).sorted()
    }
}
