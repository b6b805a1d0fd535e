import Dispatch
import Foundation
import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// Rebuilds the preview's site in memory after a change, redoing only the stages the change needs.
///
/// - templates, site.yml or a folder: everything, as the first build (`.full`);
/// - a guide added, removed, renamed, or moved in the site's lists (title, slug, date, draft, author, params):
///   every stage from placing guides on, from the sources kept in memory (`.allPages`);
/// - a guide's terms changed (tags, vertical, a category its URL does not use): places and Markdown are kept,
///   the taxonomies, related guides and the cards that may show the change made again (`.termsChanged`);
/// - anything else about guides (their bodies, a description): those guides' Markdown, their cards, and the
///   pages that show them (`.changedPages`). A question added or removed re-renders every page, since any page
///   may show the site's question count.
struct SiteUpdater {
    let builder: SiteBuilder

    var options: BuildOptions { builder.options }

    func update(_ state: SiteState, with changes: SiteChanges) throws(DiagnosticsError) -> (SiteState, UpdateReport) {
        let start = DispatchTime.now().uptimeNanoseconds
        func report(_ kind: UpdateReport.Kind, _ pages: Int) -> UpdateReport {
            UpdateReport(kind: kind, stalePages: pages, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        if changes.config || changes.templates || changes.rescan {
            let rebuilt = try builder.makeState()
            return (rebuilt, report(.full, rebuilt.pages.jobs.count))
        }
        let reloaded = try reload(changes, in: state)
        if reloaded.structural {
            var stages = BuildStages(options: options, clock: StageClock())
            // The guides whose files did not change keep their renderings (unless a link of theirs now leads
            // elsewhere): placing and indexing the site again is then most of the update, not its Markdown.
            let changed = Set(reloaded.changed.map(\.relativePath))
            let guides = state.prepared.context.guides
            var previous: [String: RenderedMarkdown] = [:]
            previous.reserveCapacity(guides.count)
            for index in guides.indices {
                let guide = guides.pointer(at: index)
                let path = guide.pointee.source.relativePath
                if !changed.contains(path) { previous[path] = guide.pointee.rendered }
            }
            stages.previousRenderings = previous
            let rebuilt = try builder.makeState(reloaded.site, guides: Array(reloaded.guides), stages: stages)
            return (rebuilt, report(.allPages, rebuilt.pages.jobs.count))
        }
        if reloaded.regrouped {
            let regrouped = try regroup(reloaded, in: state)
            return (regrouped, report(.termsChanged, regrouped.pages.jobs.count))
        }
        let (updated, rendered) = try rerender(reloaded, in: state)
        return (updated, report(.changedPages, rendered))
    }

    /// The site folder after the change: the changed guides read again, and what kind of change it was.
    struct Reloaded {
        var site: BuildStages.Loaded
        var guides: SharedArray<GuideSource>
        /// The guides read again, whose pages are rendered again.
        var changed: [GuideSource]
        /// Whether a guide came, went or moved in the site's lists: then every stage from placing guides on runs.
        var structural: Bool
        /// Whether, short of that, a guide's terms changed and not its place (`sameAddress`): then the stages
        /// from indexing taxonomies on run (`regroup`).
        var regrouped: Bool
        /// Whether some front matter changed without moving its guide: then feeds and lists are rendered again too.
        var frontMatterChanged: Bool
    }

    /// Reads the changed guides and static files again; throws every error among them (and those still standing).
    func reload(_ changes: SiteChanges, in state: SiteState) throws(DiagnosticsError) -> Reloaded {
        var site = state.site
        var guides = state.guides
        let changedFiles = Set(changes.guides.map { options.displayPath("content/" + $0) })
        site.diagnostics = site.diagnostics.filter { !changedFiles.contains($0.location.file) }
        let directory = (options.siteDirectory as NSString).appendingPathComponent("content")
        if changes.staticFiles {
            do {
                site.staticFiles = try ContentLoader.listFiles(in: directory)
                    .filter { !ContentLoader.isGuide($0) }
                    .map { StaticFile(relativePath: $0, absolutePath: directory + "/" + $0) }
            } catch {
                throw DiagnosticsError([.error(at: SourceLocation(file: options.displayPath("content")),
                                               "cannot list the content folder: \(error)")])
            }
        }
        var changed: [GuideSource] = []
        var structural = false
        var regrouped = false
        var frontMatterChanged = false
        let loader = ContentLoader(directory: directory, displayPrefix: options.displayPath("content"))
        let placed = state.guidePositions
        for path in changes.guides.sorted() {
            let previous = guides.firstIndex { $0.relativePath == path }
            switch loader.loadGuide(path) {
            case .missing:
                if let previous { guides.remove(at: previous) }
                structural = true
            case .failure(let error):
                site.diagnostics += error.diagnostics
            case .success(let source):
                site.diagnostics += source.parsed.warnings
                if let previous {
                    let before = guides[previous].parsed.frontMatter
                    let after = source.parsed.frontMatter
                    if before != after {
                        if Self.samePlace(before, after) {
                            frontMatterChanged = true
                        } else if Self.sameAddress(before, after, permalink: site.config.guidePermalink) {
                            regrouped = true
                        } else {
                            structural = true
                        }
                    }
                    guides[previous] = source
                } else {
                    guides.append(source)
                    guides.sort { $0.relativePath < $1.relativePath }
                    structural = true
                }
                // A guide that was not published (a draft, a future guide) is placed anew.
                if placed[path] == nil { structural = true }
                changed.append(source)
            }
        }
        if site.diagnostics.contains(where: \.isError) { throw DiagnosticsError(site.diagnostics) }
        return Reloaded(site: site, guides: guides, changed: changed, structural: structural, regrouped: regrouped && !structural,
                        frontMatterChanged: frontMatterChanged)
    }

    /// The changed guides' Markdown, their cards and the pages that show them, rendered again; guides keep
    /// their places, taxonomies and related guides. Returns the site and how many pages were rendered.
    func rerender(_ reloaded: Reloaded, in state: SiteState) throws(DiagnosticsError) -> (SiteState, Int) {
        let changedFiles = Set(reloaded.changed.map(\.displayPath))
        var prepared = state.prepared
        prepared.loadWarnings = reloaded.site.diagnostics
        prepared.renderWarnings = prepared.renderWarnings.filter { !changedFiles.contains($0.location.file) }
        let guides = prepared.context.guides
        let positions = state.guidePositions
        var replacements: [Int: Guide] = [:]
        var questionCountChanged = false
        for source in reloaded.changed {
            guard let index = positions[source.relativePath] else { continue }
            let old = guides.pointer(at: index)
            let (guide, linkWarnings) = prepared.guideRenderer.render(PlacedGuide(source: source, slug: old.pointee.slug, path: old.pointee.path))
            prepared.renderWarnings += linkWarnings
            questionCountChanged = questionCountChanged || guide.rendered.questionCount != old.pointee.rendered.questionCount
            replacements[index] = guide
        }
        let changed = Set(replacements.keys)
        let stages = BuildStages(options: options, clock: StageClock())
        // Only the edited guides change: every place, list and term is kept, the question bank too when no
        // question came or went.
        var context = prepared.context.replacingGuides(replacements)
        var cards = prepared.context.cards
        context.cards = cards
        let changedIndices = changed.sorted()
        for (index, card) in zip(changedIndices, PageRenderer.renderCards(changedIndices, context: context, templates: prepared.templates)) {
            cards[index] = card
        }
        context.cards = cards
        prepared.context = context
        // The index follows every edit (a changed body changes its words, a changed description its excerpt),
        // made again when a browser next asks for it.
        prepared.search = stages.indexForSearch(context)

        // Pages are rendered when a browser asks for them: here the pages the change shows on are only
        // dropped from the cache. When a question comes or goes, the question bank's pages shift and any page
        // may show the site's question count: every page goes. A front matter edit can change a list's date.
        let renderer = PageRenderer(context: context, templates: prepared.templates)
        let old = state.pages
        let pages: PageCache
        var stale = old.jobs.count
        if questionCountChanged {
            pages = PageCache(renderer: renderer)
        } else {
            let jobs = reloaded.frontMatterChanged ? renderer.jobs() : old.jobs
            var kept = old.renderedPages
            stale = 0
            let shown = GuideMask(changed, count: context.guides.count)
            for (position, job) in jobs.enumerated() {
                let shows = renderer.showsBody(of: shown, on: job)
                    || (reloaded.frontMatterChanged && renderer.showsFrontMatter(of: shown, on: job))
                if shows {
                    stale += 1
                    kept[position] = nil
                }
            }
            // The sitemap lists pages and their dates, which a modDate changes.
            pages = PageCache(updating: old, renderer: renderer, jobs: jobs, keeping: kept,
                              closing: reloaded.frontMatterChanged ? nil : old.renderedClosingFiles)
        }
        var updated = state
        updated.site = reloaded.site
        updated.guides = reloaded.guides
        updated.prepared = prepared
        updated.pages = pages
        return (updated, stale)
    }

    /// A change of some guides' terms, their places kept (`sameAddress`): every guide keeps its URL, its order
    /// and its rendering (the changed ones are rendered again, in case their bodies changed too); the
    /// taxonomies and related guides are made again, and the cards that may show what changed
    /// (`cardsShowingNewTerms`). Pages are rendered when a browser next asks for them.
    func regroup(_ reloaded: Reloaded, in state: SiteState) throws(DiagnosticsError) -> SiteState {
        let changedFiles = Set(reloaded.changed.map(\.displayPath))
        var prepared = state.prepared
        prepared.loadWarnings = reloaded.site.diagnostics
        prepared.renderWarnings = prepared.renderWarnings.filter { !changedFiles.contains($0.location.file) }
        let old = prepared.context
        var replacements: [Int: Guide] = [:]
        for source in reloaded.changed {
            guard let index = state.guidePositions[source.relativePath] else { continue }
            let guide = old.unretained.guide(at: index)
            let (rendered, linkWarnings) = prepared.guideRenderer.render(PlacedGuide(source: source, slug: guide.pointee.slug, path: guide.pointee.path))
            prepared.renderWarnings += linkWarnings
            replacements[index] = rendered
        }
        let guides = old.guides.replacing(replacements)
        let keepsBank = replacements.allSatisfy { QuestionBank.sameShape(old.guides[$0.key], $0.value) }
        let config = reloaded.site.config
        let stages = BuildStages(options: options, clock: StageClock())
        // The taxonomies on another thread while this one finds the related guides: each is one thread's work
        // for the most part, and neither needs the other.
        let taxonomyConfigs = config.taxonomies
        let indexing = BackgroundWork(count: 1, threads: 1) { _ in TaxonomyIndexer(configs: taxonomyConfigs).index(guides) }
        let oldTags = replacements.keys.reduce(into: [Int: [String]]()) { $0[$1] = old.unretained.guide(at: $1).pointee.frontMatter.tags }
        let related = stages.findRelated(guides, last: old.related, oldTags: oldTags)
        let taxonomies = indexing.results[0]
        var context = SiteContext(config: config, urls: old.urls, generator: options.generator, guides: guides,
                                  taxonomies: taxonomies, related: related,
                                  questionBank: keepsBank ? old.questionBank : nil, guideLinks: old.guideLinks)
        var cards = old.cards
        context.cards = cards
        let redraw = Self.cardsShowingNewTerms(old: old, new: context, changed: Set(replacements.keys), reads: prepared.templates.reads)
            ?? Array(guides.indices)
        for (index, card) in zip(redraw, PageRenderer.renderCards(redraw, context: context, templates: prepared.templates)) {
            cards[index] = card
        }
        context.cards = cards
        // A new term's page may take the URL of an old one (`aliases:`), like every page.
        let redirectProblems = RedirectValidator.problems(renderer: PageRenderer(context: context, templates: prepared.templates),
                                                         staticFiles: reloaded.site.staticFiles, assets: BuildStages.assets(of: reloaded.site),
                                                         displayPath: options.displayPath)
        if !redirectProblems.isEmpty { throw DiagnosticsError(reloaded.site.diagnostics + redirectProblems) }
        prepared.context = context
        prepared.search = stages.indexForSearch(context)
        var updated = state
        updated.site = reloaded.site
        updated.guides = reloaded.guides
        updated.prepared = prepared
        updated.pages = PageCache(renderer: PageRenderer(context: context, templates: prepared.templates))
        return updated
    }

    /// The guides whose cards may differ between two sites of the same guides in the same places whose terms
    /// differ (`regroup`): the changed guides, the guides of a term now spelled otherwise, and those whose
    /// neighbours in their category moved when the card shows them; nil (every card) when the card template
    /// may read what a change of terms can change anywhere: related guides, other guides' cards or structured
    /// data, the number of terms, or the question count when the question bank changed.
    static func cardsShowingNewTerms(old: SiteContext, new: SiteContext, changed: Set<Int>, reads: TemplateReads) -> [Int]? {
        let card = CardView.self
        // The card's own guide's keys are the card's (`CardView`); a guide view under it is another guide's.
        func mayRead(_ key: String) -> Bool {
            reads.mayRead(key, of: CardView.self, under: card) || reads.mayRead(key, of: GuideView.self, under: card)
        }
        guard reads.nesting(of: GuideView.self, under: card) == 0 else { return nil }
        if ["related", "has_related", "json_ld", "card"].contains(where: mayRead) { return nil }
        if reads.mayRead("term_count", of: TaxonomyLinkView.self, under: card),
           old.taxonomies.map(\.terms.count) != new.taxonomies.map(\.terms.count) {
            return nil
        }
        if ["question_count", "questions_url"].contains(where: { reads.mayRead($0, of: SiteView.self, under: card) }),
           old.questionBank.totalCount != new.questionBank.totalCount {
            return nil
        }
        var redraw = changed
        if ["previous", "next"].contains(where: mayRead) {
            for index in new.guides.indices where old.neighbors[index]?.previous != new.neighbors[index]?.previous
                || old.neighbors[index]?.next != new.neighbors[index]?.next {
                redraw.insert(index)
            }
        }
        // A term's name is the spelling most of its guides use: another guide's spelling can change it.
        for (before, after) in zip(old.taxonomies, new.taxonomies) {
            for term in after.terms {
                guard let position = before.termIndex[term.slug] else { continue }
                if before.terms[position].name != term.name {
                    redraw.formUnion(term.guides)
                    redraw.formUnion(before.terms[position].guides)
                }
            }
        }
        return redraw.sorted()
    }

    /// Whether two versions of a guide's front matter give it the same URL and the same place in every list
    /// but those of its terms: `samePlace` but for the tags, the vertical, and the category where the site's
    /// URLs do not use it. (A term taken from the author or a param changes what `samePlace` compares.)
    static func sameAddress(_ before: FrontMatter, _ after: FrontMatter, permalink: PermalinkPattern) -> Bool {
        var moved = after
        moved.tags = before.tags
        moved.vertical = before.vertical
        if !permalink.usesCategory { moved.category = before.category }
        return samePlace(before, moved)
    }

    /// Whether two versions of a guide's front matter list and group it the same way: same title, slug,
    /// publication date, draft state, category, vertical, tags, author, old URLs (aliases) and params. Then
    /// only its own page, the lists and related-guide cards that show it, and the feeds it is in need
    /// rendering again.
    static func samePlace(_ before: FrontMatter, _ after: FrontMatter) -> Bool {
        before.term == after.term && before.slug == after.slug && before.pubDate == after.pubDate
            && before.draft == after.draft && before.category == after.category && before.vertical == after.vertical
            && before.tags == after.tags && before.author == after.author && before.aliases.map(\.path) == after.aliases.map(\.path)
            && before.params.map(\.key) == after.params.map(\.key) && before.params == after.params
    }
}
