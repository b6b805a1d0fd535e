import Foundation
import PrepressContent
import PrepressTemplates

/// Turns the site into pages — guides, lists, taxonomies, feeds, sitemap — rendered on all cores.
struct PageRenderer: Sendable {
    let context: SiteContext
    let templates: TemplateRenderer
    /// The templates whose pages stopped at the engine's limits (a partial including itself without end).
    let stopped = StoppedTemplates()

    enum Job: Sendable {
        case guide(Int)
        /// One page of a list: the home page's guides, or a term's.
        case list(ListPage)
        case taxonomy(Int)
        case feed(title: String, feedPath: String, pagePath: String, guides: [Int])
        /// One page of the question bank: all types (`type` nil) or one, questions `range` of that list.
        case questions(type: Int?, number: Int, pageCount: Int, range: Range<Int>)
        case notFound
        /// The search page, when the site has search.
        case search
        /// A page at one of a guide's old URLs (`aliases`) that sends visitors on to it.
        case redirect(guide: Int, alias: Int)
    }

    struct ListPage: Sendable {
        var firstPath: String
        var number: Int
        var pageCount: Int
        var guides: [Int]
        var range: Range<Int>
        /// Taxonomy and term positions, for a term's page.
        var term: (taxonomy: Int, term: Int)?
        /// The newest date of all the list's guides: every page's date in the sitemap (found once per list,
        /// not once per page, which would be quadratic in a tag's guides).
        var newest: GuideDate?
        /// Whether some guide of the list has a date, so that the term has a feed (found once per list too).
        var hasDatedGuide = false
    }

    /// Each guide's card, rendered once from `partials/guide-card` for every list that shows it.
    static func renderCards(_ indices: [Int], context: SiteContext, templates: TemplateRenderer) -> [String] {
        indices.parallelMap { index in
            String(decoding: templates.render(CardView(guide: GuideView(index: index, context: context.unretained)), template: "partials/guide-card") ?? [],
                   as: UTF8.self)
        }
    }

    /// Every page: rendered on all cores, then the sitemap and robots.txt that list them.
    func render() -> [RenderedPage] {
        let pages = render(jobs()).compactMap { $0 }
        return pages + closingFiles(sitemapEntries: pages.compactMap(\.sitemap))
    }

    /// Renders some pages on all cores; a feed with no dated guide renders as nil.
    func render(_ jobs: [Job]) -> [RenderedPage?] {
        jobs.parallelMap(render)
    }

    /// The files that describe all pages: the sitemap (or its index and parts) and robots.txt.
    func closingFiles(sitemapEntries: [SitemapEntry]) -> [RenderedPage] {
        var files = SitemapRenderer(urls: context.urls).render(sitemapEntries).map { RenderedPage(path: $0.path, text: $0.xml) }
        files.append(RenderedPage(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(context.urls.absolute("sitemap.xml"))\n",
                                  replaceable: true))
        if let redirects = RedirectPageRenderer.redirectsFile(context) { files.append(redirects) }
        return files
    }

    /// Whether a page shows the body (not the front matter) of one of `guides`: its reading time, questions
    /// or content. Asked of every page after each edit in the preview, so it makes no list on the way.
    func showsBody(of guides: GuideMask, on job: Job) -> Bool {
        switch job {
        case .guide(let index): return guides.contains(index) || context.related[index].contains(where: guides.contains)
        case .list(let list): return list.guides[list.range].contains(where: guides.contains)
        case .questions(let type, _, _, let range):
            return questionGroups(type: type, range: range).contains { $0.entries.contains { guides.contains($0.guide) } }
        case .taxonomy, .feed, .notFound, .search, .redirect: return false
        }
    }

    /// Whether a page shows the front matter of one of `guides` beyond their cards: a feed's entries (summary,
    /// dates, author), and a list page's guides. (A list's newest date is its pages' date in the sitemap: the
    /// sitemap is made from the jobs, which an update makes again, not from the pages.)
    func showsFrontMatter(of guides: GuideMask, on job: Job) -> Bool {
        switch job {
        case .feed(_, _, _, let entries): return feedEntries(entries).contains(where: guides.contains)
        case .list(let list): return list.guides[list.range].contains(where: guides.contains)
        // It names the guide by its term.
        case .redirect(let guide, _): return guides.contains(guide)
        default: return false
        }
    }

    /// The path of a job's page under the output folder, without rendering it (the preview's lookup).
    func path(of job: Job) -> String {
        switch job {
        case .guide(let index): context.unretained.guide(at: index).pointee.path + "index.html"
        case .list(let list): SiteURLs.pagePath(list.firstPath, number: list.number) + "index.html"
        case .taxonomy(let position): context.taxonomies[position].path + "index.html"
        case .feed(_, let feedPath, _, _): feedPath
        case .questions(let type, let number, _, _):
            SiteURLs.pagePath(type.map { QuestionBank.typePath(context.questionBank.types[$0]) } ?? QuestionBank.path, number: number)
                + "index.html"
        case .notFound: "404.html"
        case .search: SearchIndexer.pagePath + "index.html"
        case .redirect(let guide, let alias): context.unretained.guide(at: guide).pointee.frontMatter.aliases[alias].filePath
        }
    }

    /// A job's entry in the sitemap, without rendering its page: what `render(job)` gives as `sitemap`.
    func sitemapEntry(of job: Job) -> SitemapEntry? {
        switch job {
        case .guide(let index):
            let guide = context.unretained.guide(at: index)
            return SitemapEntry(path: guide.pointee.path, lastModified: guide.pointee.sitemapDate)
        case .list(let list): return SitemapEntry(path: SiteURLs.pagePath(list.firstPath, number: list.number), lastModified: list.newest)
        case .taxonomy(let position): return SitemapEntry(path: context.taxonomies[position].path, lastModified: nil)
        case .questions(let type, let number, _, _):
            let firstPath = type.map { QuestionBank.typePath(context.questionBank.types[$0]) } ?? QuestionBank.path
            return SitemapEntry(path: SiteURLs.pagePath(firstPath, number: number), lastModified: nil)
        case .feed, .notFound, .search, .redirect: return nil
        }
    }

    /// Every page the site has, in a fixed order.
    func jobs() -> [Job] {
        var jobs: [Job] = context.guides.indices.map(Job.guide)
        let allGuides = Array(context.guides.indices)
        jobs += listJobs(firstPath: "", guides: allGuides, term: nil)
        jobs.append(.feed(title: context.config.title, feedPath: "feed.xml", pagePath: "", guides: allGuides))
        for (taxonomyPosition, taxonomy) in context.taxonomies.enumerated() {
            jobs.append(.taxonomy(taxonomyPosition))
            for (termPosition, term) in taxonomy.terms.enumerated() {
                let path = taxonomy.path(of: term)
                jobs += listJobs(firstPath: path, guides: term.guides, term: (taxonomyPosition, termPosition))
                jobs.append(.feed(title: "\(context.config.title) · \(term.name)", feedPath: path + "feed.xml",
                                  pagePath: path, guides: term.guides))
            }
        }
        jobs += questionBankJobs()
        jobs.append(.notFound)
        if context.config.search { jobs.append(.search) }
        for index in context.guides.indices {
            for alias in context.guides[index].frontMatter.aliases.indices { jobs.append(.redirect(guide: index, alias: alias)) }
        }
        return jobs
    }

    private func listJobs(firstPath: String, guides: [Int], term: (taxonomy: Int, term: Int)?) -> [Job] {
        let pageSize = max(1, context.config.paginate)
        let pageCount = max(1, (guides.count + pageSize - 1) / pageSize)
        let newest = guides.lazy.compactMap { context.guides[$0].sitemapDate }.max()
        let hasDatedGuide = guides.contains { context.guides[$0].frontMatter.pubDate != nil }
        return (1...pageCount).map { number in
            let start = min((number - 1) * pageSize, guides.count)
            return .list(ListPage(firstPath: firstPath, number: number, pageCount: pageCount, guides: guides,
                                  range: start..<min(start + pageSize, guides.count), term: term, newest: newest, hasDatedGuide: hasDatedGuide))
        }
    }

    private func questionBankJobs() -> [Job] {
        let bank = context.questionBank
        guard bank.totalCount > 0 else { return [] }
        let size = max(1, context.config.questionsPerPage)
        func pages(type: Int?, count: Int) -> [Job] {
            let pageCount = max(1, (count + size - 1) / size)
            return (1...pageCount).map { number in
                let start = (number - 1) * size
                return .questions(type: type, number: number, pageCount: pageCount, range: start..<min(start + size, count))
            }
        }
        return pages(type: nil, count: bank.totalCount)
            + bank.types.indices.flatMap { pages(type: $0, count: bank.types[$0].entries.count) }
    }

    /// The questions of `range` in the list of one type, or of all types one after another, by type.
    func questionGroups(type: Int?, range: Range<Int>) -> [(type: Int, entries: ArraySlice<QuestionBank.Entry>)] {
        let types = context.questionBank.types
        if let type { return [(type, types[type].entries[range])] }
        var groups: [(type: Int, entries: ArraySlice<QuestionBank.Entry>)] = []
        var offset = 0
        for (position, questionType) in types.enumerated() {
            let typeRange = offset..<offset + questionType.entries.count
            let overlap = range.clamped(to: typeRange)
            if !overlap.isEmpty {
                groups.append((position, questionType.entries[(overlap.lowerBound - offset)..<(overlap.upperBound - offset)]))
            }
            offset += questionType.entries.count
        }
        return groups
    }

    func render(_ job: Job) -> RenderedPage? {
        let site = BoxedView(context.siteView)
        let urls = context.urls
        let config = context.config
        switch job {
        case .guide(let index):
            // Read in place: `context.guides[index]` would copy the guide, retaining all its fields.
            let guide = UnsafePointer(context.unretained.guide(at: index))
            GuidePrefetch(context: context.unretained).ahead(of: index)
            let view = GuidePageView(
                site: site,
                page: BoxedView(PageView(title: guide.pointee.frontMatter.term + " · " + config.title,
                               description: guide.pointee.frontMatter.description, path: guide.pointee.path, kind: "guide", urls: urls)),
                guide: GuideView(index: index, context: context.unretained))
            return RenderedPage(path: guide.pointee.path + "index.html", bytes: render(view, "guide", capacity: 65536),
                                sitemap: SitemapEntry(path: guide.pointee.path, lastModified: guide.pointee.sitemapDate))

        case .list(let list):
            let path = SiteURLs.pagePath(list.firstPath, number: list.number)
            var title = config.title
            var description = config.description
            var kind = "home"
            if let position = list.term {
                let taxonomy = context.taxonomies[position.taxonomy]
                let term = taxonomy.terms[position.term]
                title = "\(term.name) · \(taxonomy.config.title) · \(config.title)"
                description = "\(term.guides.count) interview guide\(term.guides.count == 1 ? "" : "s") in \(term.name)."
                kind = "term"
            }
            if list.number > 1 { title = "Page \(list.number) · " + title }
            let view = ListPageView(
                site: site, page: BoxedView(PageView(title: title, description: description, path: path, kind: kind, urls: urls)),
                guides: list.range.map { GuideView(index: list.guides[$0], context: context.unretained) },
                guideCount: list.guides.count,
                pagination: list.pageCount > 1 ? PaginationView(current: list.number, total: list.pageCount, firstPath: list.firstPath, urls: urls) : nil,
                taxonomy: list.term.map { TaxonomyLinkView(context: context.unretained, position: $0.taxonomy) },
                term: list.term.map { TermPageInfoView(context: context.unretained, taxonomy: $0.taxonomy, position: $0.term, hasFeed: list.hasDatedGuide) })
            return RenderedPage(path: path + "index.html", bytes: render(view, list.term == nil ? "index" : "term"),
                                sitemap: SitemapEntry(path: path, lastModified: list.newest))

        case .taxonomy(let position):
            let taxonomy = context.taxonomies[position]
            let view = TaxonomyPageView(
                site: site,
                page: BoxedView(PageView(title: "\(taxonomy.config.title) · \(config.title)",
                               description: "All \(taxonomy.config.title.lowercased()) of \(config.title).",
                               path: taxonomy.path, kind: "taxonomy", urls: urls)),
                context: context.unretained, position: position)
            return RenderedPage(path: taxonomy.path + "index.html", bytes: render(view, "taxonomy"),
                                sitemap: SitemapEntry(path: taxonomy.path, lastModified: nil))

        case .feed(let title, let feedPath, let pagePath, let guides):
            let renderer = AtomFeedRenderer(config: config, urls: urls, generator: context.generator)
            return renderer.render(title: title, feedPath: feedPath, pagePath: pagePath, entries: feedEntries(guides), of: context.guides)
                .map { RenderedPage(path: feedPath, bytes: $0) }

        case .questions(let type, let number, let pageCount, let range):
            let bank = context.questionBank
            let firstPath = type.map { QuestionBank.typePath(bank.types[$0]) } ?? QuestionBank.path
            let path = SiteURLs.pagePath(firstPath, number: number)
            var title = (type.map { bank.types[$0].name + " questions" } ?? "Question bank") + " · " + config.title
            if number > 1 { title = "Page \(number) · " + title }
            let count = type.map { bank.types[$0].entries.count } ?? bank.totalCount
            let description = "\(count) interview question\(count == 1 ? "" : "s") with model answers, "
                + (type.map { "of the \(bank.types[$0].name.lowercased()) kind." } ?? "grouped by type.")
            let groups = questionGroups(type: type, range: range)
            GuidePrefetch(context: context.unretained).questions(of: groups.map(\.entries))
            let view = QuestionBankPageView(
                site: site, page: BoxedView(PageView(title: title, description: description, path: path, kind: "questions", urls: urls)),
                bank: bank, currentType: type, groups: groups,
                pagination: pageCount > 1 ? PaginationView(current: number, total: pageCount, firstPath: firstPath, urls: urls) : nil,
                context: context.unretained)
            return RenderedPage(path: path + "index.html", bytes: render(view, "questions"),
                                sitemap: SitemapEntry(path: path, lastModified: nil))

        case .notFound:
            let view = NotFoundPageView(
                site: site, page: BoxedView(PageView(title: "Page not found · \(config.title)", description: nil,
                                           path: "404.html", kind: "404", urls: urls)))
            return RenderedPage(path: "404.html", bytes: render(view, "404"))

        case .search:
            let view = SearchPageView(
                site: site, page: BoxedView(PageView(title: "Search · \(config.title)", description: "Search the guides and questions of \(config.title).",
                                           path: SearchIndexer.pagePath, kind: "search", urls: urls)))
            // Not in the sitemap: a page of results is no page to find from elsewhere.
            return RenderedPage(path: SearchIndexer.pagePath + "index.html", bytes: render(view, "search"))

        case .redirect(let index, let alias):
            let guide = UnsafePointer(context.unretained.guide(at: index))
            let page = RedirectPageRenderer(urls: urls, language: config.language)
                .render(term: guide.pointee.frontMatter.term, path: guide.pointee.path)
            // Not in the sitemap: the guide's own page is.
            return RenderedPage(path: guide.pointee.frontMatter.aliases[alias].filePath, text: page)
        }
    }

    /// The guides a feed lists: the first dated ones, up to the feed limit. A feed with none is not written.
    func feedEntries(_ guides: [Int]) -> [Int] {
        Array(guides.lazy.filter { context.guides[$0].frontMatter.pubDate != nil }.prefix(context.config.feedLimit))
    }

    private func render(_ view: some TemplateView, _ template: String, capacity: Int = 16384) -> [UInt8] {
        guard let bytes = templates.render(view, template: template, capacity: capacity) else {
            stopped.add(template)
            return []
        }
        return bytes
    }

    /// An error for each template whose pages stopped, named as `displayPath` shows theme files.
    func stoppedProblems(displayPath: (String) -> String) -> [Diagnostic] {
        stopped.names.map { name in
            .error(at: SourceLocation(file: displayPath("templates/" + name + ".mustache")),
                   "its pages stop: \(TemplateLimitExceeded())",
                   hint: "a partial includes itself with no data to end it")
        }
    }
}

/// Template names added from any thread, read once the pages are rendered.
final class StoppedTemplates: @unchecked Sendable {
    private let lock = NSLock()
    private var set: Set<String> = []

    func add(_ name: String) {
        lock.lock()
        set.insert(name)
        lock.unlock()
    }

    var names: [String] {
        lock.lock()
        defer { lock.unlock() }
        return set.sorted()
    }
}
