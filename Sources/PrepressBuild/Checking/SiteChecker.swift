import Foundation
import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// `prepress check`: everything a build validates, plus the site's links and the guides' habits, without writing.
public struct SiteChecker: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// What the check found, and how much it read.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var guideCount: Int
        public var pageCount: Int
        public var linkCount: Int
        /// The site as built for the check, kept for a publish that follows (`check(keepingSite: true)`).
        public var state: SiteState?
    }

    /// One HTML page's ids and links, found as it was rendered.
    struct ScannedPage: Sendable {
        var path: String
        var ids: Set<String>
        var links: [String]

        init(path: String, html: String) {
            let found = HTMLScanner.idsAndLinks(in: html)
            self.path = path
            ids = Set(found.ids)
            links = found.links
        }

        /// A file of the search index's display data, whose links (each guide's, each question's anchor) are
        /// checked like a page's.
        init(searchData path: String, bytes: [UInt8]) {
            self.path = path
            ids = []
            var links: [String] = []
            if let documents = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]] {
                for document in documents {
                    guard let url = document["u"] as? String else { continue }
                    links.append(url)
                    for question in document["q"] as? [[Any]] ?? [] {
                        if let anchor = question.count > 1 ? question[1] as? String : nil { links.append(url + "#" + anchor) }
                    }
                }
            } else {
                links.append("#unreadable-search-data")
            }
            self.links = links
        }

        static func searchData(_ files: [RenderedPage]) -> [ScannedPage] {
            files.filter { $0.path.hasPrefix(SearchIndexer.folder + "d/") }.map { ScannedPage(searchData: $0.path, bytes: $0.bytes) }
        }
    }

    /// The rendered site as the link check sees it: its HTML pages scanned, and every path it has.
    struct ScannedSite {
        var context: SiteContext
        /// HTML pages in path order.
        var pages: [ScannedPage]
        var exists: @Sendable (String) -> Bool
    }

    /// Builds in memory and checks; throws the build's errors when it does not build.
    ///
    /// Each page is scanned for its ids and links as soon as it is rendered and then let go, unless
    /// `keepingSite`, which keeps the whole site in memory in the report for a publish.
    public func check(keepingSite: Bool = false) throws(DiagnosticsError) -> Report {
        let builder = SiteBuilder(options: options)
        var diagnostics: [Diagnostic]
        let site: ScannedSite
        var state: SiteState?
        /// Every file the build generates, and whether a content file may take its place (robots.txt).
        let generated: [(path: String, replaceable: Bool)]
        let contentFiles: Set<String>
        if keepingSite {
            let built = try builder.makeState()
            diagnostics = built.warnings
            let rendered = built.pages.allPages
            let paths = rendered.keys.filter { $0.hasSuffix(".html") }.sorted()
            let pages = paths.parallelMap { path in ScannedPage(path: path, html: String(decoding: rendered[path]!.bytes, as: UTF8.self)) }
                + ScannedPage.searchData(built.prepared.search.files)
            site = ScannedSite(context: built.context, pages: pages, exists: { built.hasFile(at: $0) })
            generated = rendered.values.map { ($0.path, $0.replaceable || $0.extendsContentFile) } + built.prepared.search.files.map { ($0.path, false) }
            contentFiles = Set(built.site.staticFiles.map(\.relativePath))
            state = built
        } else {
            var stages = BuildStages(options: options, clock: StageClock())
            stages.makesSearchIndexAtOnce = true
            let (loaded, guides) = stages.load()
            let otherFiles = Set(loaded.staticFiles.map(\.relativePath)).union(BuildStages.assets(of: loaded).map(\.path))
            let prepared = try stages.prepare(loaded, guides: consume guides)
            diagnostics = (prepared.loadWarnings + prepared.renderWarnings).sorted()
            var context = prepared.context
            // The check reads pages for their ids and links, which JSON-LD has none of.
            context.writesStructuredData = false
            let renderer = PageRenderer(context: context, templates: prepared.templates)
            let search = stages.searchFiles(prepared)
            let rendered: [(path: String, sitemap: SitemapEntry?, scan: ScannedPage?)] = renderer.jobs().parallelMap { job in
                // Feeds hold no link to check: only whether one is written matters.
                if case .feed(_, let feedPath, _, let guides) = job {
                    return renderer.feedEntries(guides).isEmpty ? nil : (feedPath, nil, nil)
                }
                guard let page = renderer.render(job) else { return nil }
                guard page.path.hasSuffix(".html") else { return (page.path, page.sitemap, nil) }
                return (page.path, page.sitemap, ScannedPage(path: page.path, html: String(decoding: page.bytes, as: UTF8.self)))
            }.compactMap { $0 }
            diagnostics += renderer.stoppedProblems(displayPath: options.displayPath)
            let closing = renderer.closingFiles(sitemapEntries: rendered.compactMap(\.sitemap))
            generated = rendered.map { ($0.path, false) } + closing.map { ($0.path, $0.replaceable || $0.extendsContentFile) }
                + search.map { ($0.path, false) }
            contentFiles = Set(loaded.staticFiles.map(\.relativePath))
            let allPaths = otherFiles.union(generated.map(\.path))
            site = ScannedSite(context: prepared.context,
                               pages: (rendered.compactMap(\.scan) + ScannedPage.searchData(search)).sorted { $0.path < $1.path },
                               exists: { allPaths.contains($0) })
            if options.keepsModelUntilExit { KeptUntilExit.keep((loaded, prepared, rendered)) }
        }
        // As in a build: a content file may take the place of robots.txt, of no other generated file.
        for file in generated where !file.replaceable && contentFiles.contains(file.path) {
            diagnostics.append(OutputWriter.overwriteProblem(file: options.displayPath("content/" + file.path), page: file.path))
        }
        diagnostics += guideWarnings(site.context)
        diagnostics += nearDuplicateTerms(site.context)
        let (linkProblems, linkCount) = checkLinks(site)
        diagnostics += linkProblems
        let report = Report(diagnostics: Array(Set(diagnostics)).sorted(), guideCount: site.context.guides.count,
                            pageCount: site.pages.filter { $0.path.hasSuffix(".html") }.count, linkCount: linkCount, state: state)
        if options.keepsModelUntilExit { KeptUntilExit.keep(site) }
        return report
    }

    // MARK: - Guides

    func guideWarnings(_ context: SiteContext) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for guide in context.guides {
            let matter = guide.frontMatter
            let file = guide.source.displayPath
            let start = SourceLocation(file: file)
            if matter.description == nil {
                warnings.append(.warning(at: start, "no 'description': cards, search results and feeds show nothing",
                                         hint: "add `description: \"One or two sentences about the guide.\"`"))
            }
            if matter.tags.isEmpty {
                warnings.append(.warning(at: start, "no 'tags': the guide is on no tag page and has no related guides",
                                         hint: "add `tags: [\"Interview Prep\"]`"))
            }
            if let published = matter.pubDate, let modified = matter.modDate, modified < published {
                warnings.append(.warning(at: matter.locations["modDate"] ?? start,
                                         "'modDate' \(modified.day8601) is before 'pubDate' \(published.day8601)"))
            }
            if guide.rendered.questionGroups.isEmpty {
                warnings.append(.warning(at: start, "the guide has no questions",
                                         hint: "questions are headings like `#### Question 1: …?` under a `### Technical Questions` section (docs/questions.md)"))
            }
        }
        return warnings
    }

    /// A category, vertical or tag spelled close to a more common one: "did you mean …?".
    func nearDuplicateTerms(_ context: SiteContext) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for taxonomy in context.taxonomies where ["category", "vertical", "tags"].contains(taxonomy.config.key) {
            let terms = taxonomy.terms
            let keys = terms.map { Self.comparable($0.name) }
            for (index, term) in terms.enumerated() {
                // The less used spelling is the suspect one.
                guard let better = terms.indices.filter({ other in
                    other != index && terms[other].guides.count > term.guides.count && Self.close(keys[index], keys[other])
                }).max(by: { terms[$0].guides.count < terms[$1].guides.count }) else { continue }
                for guideIndex in term.guides {
                    let guide = context.guides[guideIndex]
                    let location = guide.frontMatter.locations[taxonomy.config.key] ?? SourceLocation(file: guide.source.displayPath)
                    warnings.append(.warning(
                        at: location,
                        "\(Self.singular(taxonomy.config.key)) '\(term.name)' is spelled close to '\(terms[better].name)' (\(terms[better].guides.count) guides): did you mean '\(terms[better].name)'?"))
                }
            }
        }
        return warnings
    }

    static func singular(_ key: String) -> String { key == "tags" ? "tag" : key }

    /// Lowercased letters and digits only.
    static func comparable(_ name: String) -> [Character] {
        Array(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// Two names are close when, ignoring case and punctuation, one edit in short names (two in longer ones)
    /// turns one into the other. Names of three letters or fewer (C, C#, SQL) are never close.
    static func close(_ left: [Character], _ right: [Character]) -> Bool {
        let shorter = min(left.count, right.count)
        guard shorter > 3, left != right else { return false }
        let allowed = shorter >= 10 ? 2 : 1
        guard abs(left.count - right.count) <= allowed else { return false }
        var previous = Array(0...right.count)
        for i in 1...left.count {
            var current = [i] + Array(repeating: 0, count: right.count)
            var rowBest = current[0]
            for j in 1...right.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1))
                rowBest = Swift.min(rowBest, current[j])
            }
            if rowBest > allowed { return false }
            previous = current
        }
        return previous[right.count] <= allowed
    }

    // MARK: - Links

    /// Checks every `href` and `src` of every page: the page or file must exist, and a `#fragment` must be
    /// an id on that page. Links written in a guide's Markdown are reported at their line and column;
    /// links from the theme once per target, with how many pages carry them.
    func checkLinks(_ site: ScannedSite) -> ([Diagnostic], Int) {
        let context = site.context
        let basePath = context.urls.basePath
        let scanned = site.pages
        let pages = scanned.map(\.path)
        let exists = site.exists
        var ids: [String: Set<String>] = [:]
        ids.reserveCapacity(pages.count)
        for page in scanned { ids[page.path] = page.ids }
        let frozenIDs = ids

        // Pages in a few chunks per core, each with a cache: a link from the root (`/tags/x/`) means the same
        // on every page, and most links are the theme's and the tags' own, repeated on thousands of pages.
        // Broken links are gathered by link, with the pages that carry them.
        typealias BrokenLinks = [String: (reason: String, pages: [Int])]
        let chunkSize = max(1, pages.count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunks = stride(from: 0, to: pages.count, by: chunkSize).map { $0..<min($0 + chunkSize, pages.count) }
        let results: [(broken: BrokenLinks, count: Int)] = chunks.parallelMap { chunk in
            var cache: [String: String?] = [:]
            var broken: BrokenLinks = [:]
            var count = 0
            for position in chunk {
                let page = pages[position]
                for link in scanned[position].links {
                    count += 1
                    let reason: String?
                    if link.utf8.first == UInt8(ascii: "#") {
                        // A fragment on the same page, most of a guide's links (its contents and question index).
                        reason = Self.missingAnchor(String(link.dropFirst()), on: page, ids: scanned[position].ids)
                    } else if link.utf8.first == UInt8(ascii: "/") {
                        if let known = cache[link] {
                            reason = known
                        } else {
                            reason = Self.problem(with: link, on: page, basePath: basePath, ids: frozenIDs, exists: exists)
                            cache[link] = reason
                        }
                    } else {
                        reason = Self.problem(with: link, on: page, basePath: basePath, ids: frozenIDs, exists: exists)
                    }
                    if let reason { broken[link, default: (reason, [])].pages.append(position) }
                }
            }
            return (broken, count)
        }
        var brokenLinks: BrokenLinks = [:]
        for result in results {
            brokenLinks.merge(result.broken) { first, second in (first.reason, first.pages + second.pages) }
        }

        let guides = context.guides
        let guideByPage = Dictionary(guides.indices.map { (guides[$0].path + "index.html", $0) }, uniquingKeysWith: { first, _ in first })
        // Where guides name images in front matter: a broken one is reported at the key of every guide that
        // names it, not as the theme's (it shows on the guide's page and on every card of it).
        var namedInFrontMatter: [String: [(guide: Int, key: String)]] = [:]
        for (index, guide) in guides.enumerated() {
            if let image = guide.frontMatter.image { namedInFrontMatter[context.urls.authored(image.url), default: []].append((index, "image")) }
            if let avatar = guide.frontMatter.avatar { namedInFrontMatter[context.urls.authored(avatar.url), default: []].append((index, "avatar")) }
        }
        var diagnostics: [Diagnostic] = []
        for (link, problem) in brokenLinks.sorted(by: { $0.key < $1.key }) {
            if let namers = namedInFrontMatter[link] {
                for (index, key) in namers {
                    let matter = guides[index].frontMatter
                    guard let reference = key == "image" ? matter.image : matter.avatar else { continue }
                    let location = matter.locations[key] ?? SourceLocation(file: guides[index].source.displayPath)
                    diagnostics.append(.error(at: location, "\(key) '\(reference.url)' \(problem.reason)"))
                }
                continue
            }
            // Written in a guide's Markdown: reported where it was written; from the templates: once.
            var themePages: [String] = []
            for page in problem.pages.sorted().map({ pages[$0] }) {
                if let index = guideByPage[page], let written = guides[index].rendered.links.first(where: { $0.destination == link }) {
                    let guide = guides[index]
                    let location = SourceLocation(file: guide.source.displayPath,
                                                  line: guide.source.parsed.bodyStartLine + written.line - 1, column: written.column)
                    diagnostics.append(.error(at: location, "\(written.kind == .image ? "image" : "link") '\(written.written)' \(problem.reason)"))
                } else {
                    themePages.append(page)
                }
            }
            guard let first = themePages.first else { continue }
            let more = themePages.count > 1 ? " (and \(themePages.count - 1) more page\(themePages.count == 2 ? "" : "s"))" : ""
            diagnostics.append(.error(at: SourceLocation(file: options.displayPath("output/" + first)),
                                      "link '\(link)' \(problem.reason)\(more)",
                                      hint: "this link comes from the templates, not from a guide"))
        }
        return (diagnostics, results.reduce(0) { $0 + $1.count })
    }

    /// Why a link on `page` does not lead anywhere, or nil when it does.
    static func problem(with link: String, on page: String, basePath: String, ids: [String: Set<String>],
                        exists: (String) -> Bool) -> String? {
        if link.isEmpty { return "is empty" }
        if let (file, fragment) = plainSitePath(link, basePath: basePath), exists(file) {
            guard let fragment, !fragment.isEmpty, file.hasSuffix(".html") else { return nil }
            return missingAnchor(String(fragment), on: file, ids: ids[file] ?? [])
        }
        if link.hasPrefix("//") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") || link.hasPrefix("data:") { return nil }
        if let colon = link.utf8.firstIndex(of: UInt8(ascii: ":")), !link.utf8[..<colon].contains(UInt8(ascii: "/")) { return nil }
        var rest = Substring(link)
        var fragment: Substring?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[rest.utf8.index(after: hash)...]
            rest = rest[..<hash]
        }
        if let question = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<question] }
        var target: String
        if rest.isEmpty {
            target = page
        } else if rest.hasPrefix("/") {
            guard rest.hasPrefix(basePath) else { return "is outside the site's base path \(basePath)" }
            target = String(rest.dropFirst(basePath.count))
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            target = folder.isEmpty ? String(rest) : folder + "/" + rest
        }
        if target.utf8.contains(UInt8(ascii: "%")) { target = target.removingPercentEncoding ?? target }
        var parts: [Substring] = []
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return "goes above the site's root" }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        var file = parts.joined(separator: "/")
        if rest.isEmpty {
            file = page
        } else if target.hasSuffix("/") || file.isEmpty {
            file = file.isEmpty ? "index.html" : file + "/index.html"
        } else if !exists(file), exists(file + "/index.html") {
            file += "/index.html"
        }
        guard exists(file) else { return "points to no page or file of the site" }
        if let fragment, !fragment.isEmpty, file.hasSuffix(".html") {
            return missingAnchor(String(fragment), on: file, ids: ids[file] ?? [])
        }
        return nil
    }

    /// The file a plain link under the base path names, with its fragment: `/prep/tags/x/#top` →
    /// `tags/x/index.html`, `top`. Nil for anything that needs the general rules (dot segments, percent
    /// escapes, queries, other characters, a path not ending in `/` whose file may be a folder's page).
    static func plainSitePath(_ link: String, basePath: String) -> (file: String, fragment: Substring?)? {
        let utf8 = link.utf8
        guard utf8.starts(with: basePath.utf8) else { return nil }
        var end = utf8.endIndex
        var fragment: Substring?
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = link[utf8.index(after: hash)...]
            end = hash
        }
        let path = utf8[utf8.index(utf8.startIndex, offsetBy: basePath.utf8.count)..<end]
        var previous = UInt8(ascii: "/")
        for byte in path {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                break
            case UInt8(ascii: "/"), UInt8(ascii: "."):
                // No `//`, no segment starting with a dot (`./`, `../`, hidden files).
                if previous == UInt8(ascii: "/") { return nil }
            default:
                return nil
            }
            previous = byte
        }
        let sitePath = String(Substring(path))
        if sitePath.isEmpty { return ("index.html", fragment) }
        guard previous == UInt8(ascii: "/") else { return nil }
        return (sitePath + "index.html", fragment)
    }

    /// Why `#fragment` is no id among `ids` of `page`, or nil when it is one (or empty: the top of the page).
    static func missingAnchor(_ fragment: String, on page: String, ids: Set<String>) -> String? {
        guard !fragment.isEmpty else { return nil }
        if ids.contains(fragment) { return nil }
        let anchor = fragment.removingPercentEncoding ?? fragment
        return ids.contains(anchor) ? nil : "points to #\(anchor), which is no id on /\(page)"
    }
}
