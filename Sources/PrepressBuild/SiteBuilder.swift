import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// Builds a site: its stages (`BuildStages`) in order, each timed, into the output folder or into memory.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds into the output folder, swapped in only when the whole build succeeded.
    ///
    /// With `options.stamp` set to `.recordAndSkip`, a build whose inputs, options and executable are those
    /// of the last successful build, into an output folder nobody has touched since, writes nothing and
    /// reports `upToDate` (see `StampedBuild`).
    public func build() throws(DiagnosticsError) -> BuildReport {
        try StampedBuild(options: options).run { clock, inputs throws(DiagnosticsError) in try stage(clock: clock, inputs: inputs) }
    }

    /// Builds into a staging folder beside the output folder, for the caller to put in place or discard: the
    /// files that changed since the last build when its manifest is there to say (a rebuild), else the whole
    /// site (a cold build: the first, `--force`, or no stamp kept). `inputs`, when the stamp fingerprinted them
    /// first, hold the digests of content/'s files: the cached guides among them are loaded without reading them.
    func stage(clock: StageClock, inputs: BuildFingerprint.Inputs? = nil) throws(DiagnosticsError) -> StagedOutput {
        let folder = options.canonicalOutputDirectory
        try OutputJournal.recover(for: options)
        StagingFolder.removeAbandoned(besides: folder)
        let sink: StagedOutput.Sink
        var pendingListing: OutputListing.Pending?
        do {
            // The folder's listing is read on another thread once the guides are loaded (the sink waits for it
            // when it first compares a file); a folder that is not there, or is no folder, makes a whole build.
            var info = stat()
            if options.stamp == .recordAndSkip, lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR,
               let previous = clock.measure("read output manifest", { OutputManifest.read(from: OutputManifest.path(for: options), outputFolder: folder) }) {
                let listing = OutputListing.Pending(at: folder)
                pendingListing = listing
                sink = .changes(try UpdatingOutputSink(outputPath: folder, previous: previous, listing: listing))
            } else {
                sink = .whole(try DirectoryOutputSink(outputPath: folder))
            }
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: folder), "\(error)")])
        }
        // Guides parsed and rendered by the last builds: read unless --force, written for the next build.
        let cache = options.stamp == .off ? nil
            : GuideCache(folder: GuideCache.folder(for: options), identity: BuildStamp.toolIdentity(), reads: options.stamp == .recordAndSkip)
        if let cache, let inputs {
            cache.knownContent = inputs.contentHashes
            cache.contentFolder = (options.siteDirectory as NSString).appendingPathComponent("content")
        }
        let staged = StagedOutput(report: BuildReport(), sink: sink, outputFolder: folder, options: options, cache: cache)
        do throws(DiagnosticsError) {
            let target: OutputSink = switch sink {
            case .whole(let sink): sink
            case .changes(let sink): sink
            }
            var result = staged
            // Pages are kept from the last build only into the folder it left (a rebuild).
            let lastPages: PageRecord? = if case .changes = sink {
                clock.measure("read page record") { cache.flatMap { _ in PageRecord.read(for: options) } }
            } else { nil }
            result.report = try build(into: target, clock: clock, cache: cache, lastPages: lastPages,
                                      afterLoading: { pendingListing?.start() })
            if let listing = pendingListing?.seconds {
                result.report.details.append((String(format: "reading the output folder, begun beside placing guides: %.3f s CPU; wall",
                                                     listing.processor), listing.wall))
            }
            if options.keepsModelUntilExit, let cache { KeptUntilExit.keep(cache) }
            return result
        } catch {
            staged.discard()
            throw error
        }
    }

    /// Builds into `sink`; throws every error found. Each page is written as soon as it is rendered; after
    /// an error the sink may hold part of the site, which `build()` discards.
    public func build(into sink: OutputSink) throws(DiagnosticsError) -> BuildReport {
        let clock = StageClock()
        var report = try build(into: sink, clock: clock)
        report.stages = clock.stages
        return report
    }

    /// The build, stage by stage (`--verbose` times each under its name).
    /// With `cache`, guides parsed and rendered by earlier builds are used, and, with `lastPages`, pages that
    /// show nothing that changed are kept rather than rendered; the report carries this build's `PageRecord`.
    /// `afterLoading` is called once the site folder is read.
    func build(into sink: OutputSink, clock: StageClock, cache: GuideCache? = nil, lastPages: PageRecord? = nil,
               afterLoading: () -> Void = {}) throws(DiagnosticsError) -> BuildReport {
        var stages = BuildStages(options: options, clock: clock)
        stages.cache = cache
        stages.makesSearchIndexAtOnce = true
        let (site, guides) = stages.load()                                        // site.yml, content/, templates/
        afterLoading()
        let nextDue = BuildStamp.nextDue(guides, options: options)
        let sourceCount = guides.count
        let prepared = try stages.prepare(site, guides: consume guides)           // place … cards (BuildStages.prepare)
        let (written, pages) = try stages.renderAndWrite(prepared, site: site, into: sink, last: lastPages) // pages, files, assets
        var report = BuildReport()
        report.pageRecord = pages
        report.pagesRendered = written.keptPages > 0 ? written.renderedPages : nil
        report.guideCount = prepared.context.guides.count
        report.guidesParsed = cache.map { sourceCount - $0.hits }
        report.guideFilesRead = cache.map { sourceCount - $0.neverReadHits }
        report.pageCount = written.htmlPages
        report.fileCount = written.files
        report.warnings = (prepared.loadWarnings + prepared.renderWarnings).sorted()
        report.nextDue = nextDue
        report.details = clock.details + [("of which writing files, all threads", written.writeSeconds)]
        if options.keepsModelUntilExit { KeptUntilExit.keep((site, prepared)) }
        return report
    }

    /// Builds the whole site in memory, for the preview.
    public func makeState() throws(DiagnosticsError) -> SiteState {
        let stages = BuildStages(options: options, clock: StageClock())
        let (site, guides) = stages.load()
        return try makeState(site, guides: guides, stages: stages)
    }

    /// The site in memory from what is loaded: the preview's first build, and its rebuild after a guide is
    /// added, removed or moved (from the sources it keeps, without reading them again).
    func makeState(_ site: BuildStages.Loaded, guides: [GuideSource], stages: BuildStages) throws(DiagnosticsError) -> SiteState {
        let prepared = try stages.prepare(site, guides: guides)
        return SiteState(options: options, site: site, guides: SharedArray(guides), prepared: prepared,
                         pages: PageCache(renderer: PageRenderer(context: prepared.context, templates: prepared.templates)))
    }

    /// Rebuilds the preview's site after `changes`, redoing only what they affect (see `SiteUpdater`).
    public func update(_ state: SiteState, with changes: SiteChanges) throws(DiagnosticsError) -> (SiteState, UpdateReport) {
        try SiteUpdater(builder: self).update(state, with: changes)
    }
}
