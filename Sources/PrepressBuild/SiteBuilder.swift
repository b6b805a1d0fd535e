import Foundation
import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// Builds a site: load → parse → place → render Markdown → render pages → write, each stage timed.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds into the output folder, swapped in only when the whole build succeeded.
    public func build() throws(DiagnosticsError) -> BuildReport {
        let sink: DirectoryOutputSink
        do {
            sink = try DirectoryOutputSink(outputPath: options.resolvedOutputDirectory)
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: options.resolvedOutputDirectory), "\(error)")])
        }
        do throws(DiagnosticsError) {
            var report = try build(into: sink)
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try sink.commit()
            } catch {
                throw DiagnosticsError([.error(at: SourceLocation(file: options.resolvedOutputDirectory), "\(error)")])
            }
            report.stages.append(("swap in output", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            return report
        } catch {
            sink.discard()
            throw error
        }
    }

    /// Builds into `sink`; throws every error found, and writes nothing when there is one.
    public func build(into sink: OutputSink) throws(DiagnosticsError) -> BuildReport {
        var clock = StageClock()
        var diagnostics: [Diagnostic] = []
        let loader = SiteLoader(options: options)

        let config = clock.measure("load site.yml") { loader.loadConfig(into: &diagnostics) }
        let content = clock.measure("load and parse content") { loader.loadContent(into: &diagnostics) }
        let (theme, templates) = clock.measure("load templates") { loader.loadTheme(into: &diagnostics) }
        let placer = GuidePlacer(includeDrafts: options.includeDrafts, includeFuture: options.includeFuture, now: options.now)
        let (placed, leftOut) = clock.measure("place guides") { placer.place(content.guides, into: &diagnostics) }
        guard let templates, !diagnostics.contains(where: \.isError) else {
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
            let results = placed.parallelMap(guideRenderer.render)
            diagnostics += results.flatMap(\.1)
            return results.map(\.0).sorted(by: Guide.newestFirst)
        }

        let taxonomies = clock.measure("index taxonomies") { TaxonomyIndexer(configs: config.taxonomies).index(guides) }
        let related = clock.measure("find related guides") {
            let finder = RelatedGuideFinder(guides: guides)
            return Array(guides.indices).parallelMap(finder.related)
        }
        let context = clock.measure("index questions") {
            SiteContext(config: config, urls: urls, generator: options.generator, guides: guides, taxonomies: taxonomies, related: related)
        }
        let pages = clock.measure("render pages") { PageRenderer(context: context, templates: templates).render() }

        let files = try clock.measure("write output") { () throws(DiagnosticsError) -> Int in
            try OutputWriter(sink: sink, displayPath: options.displayPath)
                .write(pages: pages, staticFiles: content.staticFiles, assets: theme.assets)
        }

        var report = BuildReport()
        report.guideCount = guides.count
        report.pageCount = pages.filter { $0.path.hasSuffix(".html") }.count
        report.fileCount = files
        report.warnings = diagnostics.sorted()
        report.stages = clock.stages
        return report
    }
}
