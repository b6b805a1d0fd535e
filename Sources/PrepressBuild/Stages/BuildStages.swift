import Foundation
import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// The stages of a build, each a function from the values before it to its own, timed on `clock` under the
/// name `--verbose` prints.
///
/// `SiteBuilder.build(into:)` runs them all and writes; `SiteChecker` runs them and scans the pages instead of
/// writing them; the preview (`SiteBuilder.makeState()`, `SiteUpdater`) runs them into memory, and after an
/// edit only the ones the edit needs.
struct BuildStages {
    let options: BuildOptions
    let clock: StageClock
    /// Guides parsed and rendered by earlier builds (`prepress build`); nil parses and renders every guide.
    var cache: GuideCache? = nil
    /// Whether the search index is made right after `prepare` (a build, a check): its words are then counted
    /// on other threads beside stages 4 to 7, which keep one core busy at most. The preview makes the index
    /// only when a browser asks for it.
    var makesSearchIndexAtOnce = false
    /// The preview's renderings of guides whose files did not change, by path under content/
    /// (`GuideRenderer.previous`).
    var previousRenderings: [String: RenderedMarkdown] = [:]

    // MARK: 1. Load

    /// What the site folder holds, but the guides' sources (`load()` hands them over apart, so that the
    /// build can let their Markdown go once it is rendered).
    struct Loaded: Sendable {
        var config: SiteConfig
        var staticFiles: [StaticFile]
        var theme: Theme
        /// nil when the templates did not load: their errors are among `diagnostics`.
        var templates: TemplateRenderer?
        /// Problems of site.yml, the guides' front matter and the templates; errors are thrown by `place`.
        var diagnostics: [Diagnostic]
    }

    /// Reads site.yml, content/ and templates/, collecting every problem.
    func load() -> (site: Loaded, guides: [GuideSource]) {
        var diagnostics: [Diagnostic] = []
        let loader = SiteLoader(options: options, cache: cache)
        let config = clock.measure("load site.yml") { loader.loadConfig(into: &diagnostics) }
        // A cached guide whose rendering the Markdown stage will reuse as it is needs no body.
        cache?.reusedRenderKey = GuideRenderer.renderKey(of: GuideRenderer.markdownRenderer(for: config))
        let content = clock.measure("load and parse content") { loader.loadContent(into: &diagnostics) }
        cache?.releaseShards()
        let (theme, templates) = clock.measure("load templates") { loader.loadTheme(into: &diagnostics) }
        return (Loaded(config: config, staticFiles: content.staticFiles, theme: theme, templates: templates, diagnostics: diagnostics),
                content.guides)
    }

    // MARK: 2–8. From sources to everything pages are rendered from

    /// Everything pages are rendered from: guides placed and rendered, indexes, related guides, cards, and the
    /// search index.
    struct Prepared: Sendable {
        var templates: TemplateRenderer
        /// Renders a changed guide again as the build did (the preview's updates).
        var guideRenderer: GuideRenderer
        var context: SiteContext
        /// The search index's files, made when first asked for; none when the site turns search off.
        var search: SearchIndexFiles
        /// The search index's words being counted beside stages 4 to 7 (`makesSearchIndexAtOnce`).
        var searchWordsCounting: BackgroundWork<[GuideWords]>? = nil
        /// The problems `load()` found (all warnings: errors were thrown).
        var loadWarnings: [Diagnostic]
        /// The problems of placing guides and rendering their Markdown (links).
        var renderWarnings: [Diagnostic]
    }

    /// Stages 2 to 8, in order; throws every error found, those of loading among them.
    func prepare(_ site: Loaded, guides sources: consuming [GuideSource]) throws(DiagnosticsError) -> Prepared {
        let placement = place(consume sources, config: site.config)
        let templates = try requireNoErrors(site, placement)
        let rendered = try renderMarkdown(consume placement, config: site.config)
        let counting = makesSearchIndexAtOnce && site.config.search ? SearchIndexer.countWords(rendered.guides, cache: cache) : nil
        let taxonomies = indexTaxonomies(rendered.guides, config: site.config)
        let related = findRelated(rendered.guides)
        let context = indexQuestions(rendered.guides, taxonomies: taxonomies, related: related, config: site.config)
        let withCards = renderCards(context, templates: templates)
        // Old URLs that cannot redirect are found before a page is written, like every other error.
        let redirectProblems = clock.measure("check old URLs") {
            RedirectValidator.problems(renderer: PageRenderer(context: withCards, templates: templates),
                                       staticFiles: site.staticFiles, assets: Self.assets(of: site), displayPath: options.displayPath)
        }
        if !redirectProblems.isEmpty { throw DiagnosticsError(site.diagnostics + rendered.diagnostics + redirectProblems) }
        return Prepared(templates: templates, guideRenderer: rendered.renderer, context: withCards,
                        search: indexForSearch(withCards, counting: counting), searchWordsCounting: counting,
                        loadWarnings: site.diagnostics, renderWarnings: rendered.diagnostics)
    }

    /// The guides a build publishes, each with its URL, and the problems placing them found.
    struct Placement: Sendable {
        var guides: [PlacedGuide]
        /// Guides under content/ this build leaves out (drafts, future), by path under content/.
        var leftOut: Set<String>
        var diagnostics: [Diagnostic]
    }

    /// 2. Chooses the guides to publish (drafts and future guides by option) and gives each its URL.
    func place(_ sources: consuming [GuideSource], config: SiteConfig) -> Placement {
        let placer = GuidePlacer(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, now: options.now,
                                 config: config)
        return clock.measure("place guides") {
            // With the build cache, the last build's placing where all it read is as it was (`PlacementCache`).
            let file = cache.map { PlacementCache.path(besides: $0.folder) }
            let key = cache == nil ? 0 : PlacementCache.key(of: sources, placer: placer)
            var placement: PlacementCache
            if let cache, let file, cache.reads,
               let last = PlacementCache.read(from: file, identity: cache.identity, key: key, sourceCount: sources.count) {
                placement = last
            } else {
                var diagnostics: [Diagnostic] = []
                let (placed, leftOut) = placer.placement(of: sources, into: &diagnostics)
                placement = PlacementCache(placed: placed, leftOut: leftOut, diagnostics: diagnostics)
                if let cache, let file, !diagnostics.contains(where: \.isError) {
                    placement.write(to: file, identity: cache.identity, key: key)
                }
            }
            return Placement(guides: placement.placed.map { PlacedGuide(source: sources[$0.index], slug: $0.slug, path: $0.path) },
                             leftOut: Set(placement.leftOut.map { sources[$0].relativePath }), diagnostics: placement.diagnostics)
        }
    }

    /// The templates, when nothing loaded or placed so far is an error; else every error found, at once.
    func requireNoErrors(_ site: Loaded, _ placement: Placement) throws(DiagnosticsError) -> TemplateRenderer {
        let diagnostics = site.diagnostics + placement.diagnostics
        guard let templates = site.templates, !diagnostics.contains(where: \.isError) else { throw DiagnosticsError(diagnostics) }
        return templates
    }

    /// Guides ready for pages, in list order; the renderer that made them; the problems of placing them and of
    /// their links.
    struct RenderedGuides: Sendable {
        var guides: [Guide]
        var renderer: GuideRenderer
        var diagnostics: [Diagnostic]
    }

    /// 3. Renders every guide's Markdown on all cores. A guide keeps its HTML, not its Markdown: with no other
    /// reference left to the sources, a large site's bodies (a hundred megabytes) go when this returns.
    func renderMarkdown(_ placement: consuming Placement, config: SiteConfig) throws(DiagnosticsError) -> RenderedGuides {
        let renderer = GuideRenderer(
            markdown: GuideRenderer.markdownRenderer(for: config),
            urls: SiteURLs(config: config),
            pathsBySource: Dictionary(uniqueKeysWithValues: placement.guides.map { ($0.source.relativePath, $0.path) }),
            leftOut: placement.leftOut,
            cache: cache,
            previous: previousRenderings)
        let (placed, placing) = (placement.guides, placement.diagnostics)
        let (rendered, diagnostics) = clock.measure("render markdown") {
            var results = placed.parallelMap(renderer.render)
            // Moved out of the results from the end, not copied (`results.map(\.0)` copied every guide).
            var guides: [Guide] = []
            guides.reserveCapacity(results.count)
            var found: [[Diagnostic]] = []
            while let (guide, diagnostics) = results.popLast() {
                guides.append(guide)
                if !diagnostics.isEmpty { found.append(diagnostics) }
            }
            // Reversed in the buffer, whose swaps move the guides (`Array.reverse` copies each guide it swaps).
            guides.withUnsafeMutableBufferPointer { $0.reverse() }
            return (Guide.inListOrder(consume guides), placing + found.reversed().joined())
        }
        if diagnostics.contains(where: \.isError) { throw DiagnosticsError(diagnostics) }
        return RenderedGuides(guides: rendered, renderer: renderer, diagnostics: diagnostics)
    }

    /// 4. Groups guides into the site's taxonomies.
    func indexTaxonomies(_ guides: [Guide], config: SiteConfig) -> [Taxonomy] {
        clock.measure("index taxonomies") { TaxonomyIndexer(configs: config.taxonomies).index(guides) }
    }

    /// The same, of the preview's guides (`SiteUpdater.regroup`).
    func indexTaxonomies(_ guides: GuideList, config: SiteConfig) -> [Taxonomy] {
        clock.measure("index taxonomies") { TaxonomyIndexer(configs: config.taxonomies).index(guides) }
    }

    /// 5. Each guide's related guides, by position. With the build cache, the last build's lists are taken
    /// where every position has the tags and category it had, and updated where a few changed
    /// (`RelatedListCache`); the lists found are kept for the next build.
    func findRelated(_ guides: [Guide]) -> [[Int]] {
        clock.measure("find related guides") {
            // Read in place: `guides[index].frontMatter` copied (and retained) the whole guide.
            guides.withUnsafeBufferPointer { buffer in
                let tags = { (index: Int) in buffer[index].frontMatter.tags }
                let limit = RelatedGuideFinder.defaultLimit
                let keys = buffer.indices.map { RelatedListCache.key(tags: buffer[$0].frontMatter.tags, category: buffer[$0].frontMatter.category) }
                let file = cache.map { RelatedListCache.path(besides: $0.folder) }
                var found: [[Int]]?
                if let cache, let file, cache.reads,
                   let last = RelatedListCache.read(from: file, identity: cache.identity, limit: limit), last.keys.count == keys.count {
                    let changed = keys.indices.filter { keys[$0] != last.keys[$0] }
                    if changed.isEmpty { return last.lists }
                    if changed.count <= RelatedListCache.updateLimit {
                        var oldTags: [Int: [String]] = [:]
                        for index in changed { oldTags[index] = last.tags(at: index) }
                        found = RelatedGuideFinder(guides: guides, limit: limit).updated(last.lists, oldTags: oldTags, tags: tags)
                    }
                }
                let lists = found ?? {
                    let finder = RelatedGuideFinder(guides: guides, limit: limit)
                    return Array(guides.indices).parallelMap(finder.related)
                }()
                if let cache, let file {
                    RelatedListCache.write(to: file, identity: cache.identity, limit: limit, keys: keys, lists: lists, tags: tags)
                }
                return lists
            }
        }
    }

    /// The same, of the preview's guides after some of them changed their tags or categories
    /// (`SiteUpdater.regroup`): `last` is each guide's related guides before, `oldTags` the changed guides'
    /// tags before, by position (`RelatedGuideFinder.updated`).
    func findRelated(_ guides: GuideList, last: [[Int]], oldTags: [Int: [String]]) -> [[Int]] {
        clock.measure("find related guides") {
            RelatedGuideFinder(guides: guides).updated(last, oldTags: oldTags) { guides.pointer(at: $0).pointee.frontMatter.tags }
        }
    }

    /// 6. The site as pages see it: guides, taxonomies, links, neighbours and the question bank.
    func indexQuestions(_ guides: [Guide], taxonomies: [Taxonomy], related: [[Int]], config: SiteConfig) -> SiteContext {
        clock.measure("index questions") {
            SiteContext(config: config, urls: SiteURLs(config: config), generator: options.generator, guides: guides,
                        taxonomies: taxonomies, related: related)
        }
    }

    /// 7. Each guide's card, rendered once for every list that shows it.
    func renderCards(_ context: SiteContext, templates: TemplateRenderer) -> SiteContext {
        var withCards = context
        withCards.cards = clock.measure("render cards") {
            PageRenderer.renderCards(Array(context.guides.indices), context: context, templates: templates)
        }
        return withCards
    }

    /// 8. The search index (`SearchIndexer`), unless site.yml says `search: false`: made when first asked for
    /// (`writeSearchIndex`, the check, or the preview when a browser fetches it).
    /// `counting` is its words, being counted already.
    func indexForSearch(_ context: SiteContext, counting: BackgroundWork<[GuideWords]>? = nil) -> SearchIndexFiles {
        guard context.config.search else { return .none }
        let cache = self.cache
        return SearchIndexFiles { keep in SearchIndexer(context: context, cache: cache, counting: counting).files(keeping: keep) }
    }

    /// The search index's files, made now and timed as the stage (with, apart, the counting of its words
    /// where that ran beside the stages before). `keep`, given, keeps the display files it says are as the
    /// last build wrote them (`SearchIndexer.ChunkKeeping`).
    func searchFiles(_ prepared: Prepared, keeping keep: SearchIndexer.ChunkKeeping? = nil) -> [RenderedPage] {
        guard prepared.context.config.search else { return [] }
        let files = clock.measure("index for search") { keep.map { prepared.search.files(keeping: $0) } ?? prepared.search.files }
        if let counting = prepared.searchWordsCounting {
            let (wall, processor) = counting.seconds
            clock.note(String(format: "counting its words, begun beside stages 4–7: %.3f s CPU; wall", processor), seconds: wall)
        }
        return files
    }

    // MARK: 9. Pages

    /// 9. Renders every page on all cores and writes each as soon as it is rendered, with the static files
    /// and the theme's assets.
    /// `last` is what the last build's pages were made from (`PageRecord`): given, only the pages that show
    /// a change are rendered, the others' files kept where the sink can. Returns what was written and the
    /// record of this build's pages.
    func renderAndWrite(_ prepared: Prepared, site: Loaded, into sink: OutputSink,
                        last: PageRecord? = nil) throws(DiagnosticsError) -> (OutputWriter.Result, PageRecord?) {
        let writer = OutputWriter(sink: sink, displayPath: options.displayPath)
        let renderer = PageRenderer(context: prepared.context, templates: prepared.templates)
        let jobs = clock.measure("list pages") { renderer.jobs() }
        let record = cache == nil ? nil : clock.measure("compare pages with last build") {
            PageRecord.make(context: prepared.context, site: site, options: options, renderer: renderer, jobs: jobs)
        }
        var unchanged: (@Sendable (PageRenderer.Job) -> Bool)?
        if let record, let last {
            let changes = clock.measure("compare guides with last build") { record.changes(since: last, context: prepared.context) }
            let count = prepared.context.guides.count
            let shown = changes.map { GuideMask($0.bodies.union($0.frontMatters), count: count) }
            if !record.pages.isEmpty, !last.pages.isEmpty {
                // Each page's digest against the last build's, whatever changed.
                unchanged = { job in record.samePage(renderer.path(of: job), as: last) }
            } else if let changes, let shown {
                let frontMatters = GuideMask(changes.frontMatters, count: count)
                unchanged = { job in
                    !renderer.showsBody(of: shown, on: job) && !renderer.showsFrontMatter(of: frontMatters, on: job)
                }
            }
        }
        // Each file of display data is recorded by the digest of what it holds (with the site's), and kept
        // where the last build made one of the same digest and it is still as that build left it. A content
        // file of the same path is not the build's to keep (writing the page reports it).
        var keepDisplayFile: SearchIndexer.ChunkKeeping?
        let displayDigests = LockedDigests()
        if let record {
            let contentFiles = Set(site.staticFiles.map(\.relativePath))
            let guides = prepared.context.guides
            let bodies = guides.indices.map { index in
                let guide = guides.pointer(at: index)
                return record.bodies[guide.pointee.source.relativePath] ?? guide.pointee.rendered.bodyDigest
            }
            keepDisplayFile = SearchIndexer.ChunkKeeping(bodyDigests: bodies) { path, contents in
                let digest = XXHash64.hash(utf8Of: path, seed: contents ^ record.site)
                displayDigests.set(PageRecord.pathKey(path), digest)
                guard let last, last.pages[PageRecord.pathKey(path)] == digest else { return false }
                return !contentFiles.contains(path) && sink.keep(path)
            }
        }
        let search = searchFiles(prepared, keeping: keepDisplayFile)
        var recorded = record
        recorded?.pages.merge(displayDigests.all) { _, display in display }
        let result = try clock.measure("render and write pages") { () throws(DiagnosticsError) -> OutputWriter.Result in
            try writer.write(site: renderer, jobs: jobs, searchFiles: search, staticFiles: site.staticFiles,
                             assets: Self.assets(of: site), unchanged: unchanged)
        }
        return (result, recorded)
    }

    /// Digests collected on several threads.
    final class LockedDigests: @unchecked Sendable {
        private let lock = NSLock()
        private var digests: [UInt64: UInt64] = [:]

        func set(_ key: UInt64, _ digest: UInt64) {
            lock.withLock { digests[key] = digest }
        }

        var all: [UInt64: UInt64] { lock.withLock { digests } }
    }

    /// The theme's assets the site uses: the search client only when the site has search.
    static func assets(of site: Loaded) -> [Theme.File] {
        site.config.search ? site.theme.assets : site.theme.assets.filter { $0.path != "assets/search.js" && $0.path != "assets/search.css" }
    }
}
