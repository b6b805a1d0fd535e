import Foundation
import PrepressContent

/// Chooses the guides a build publishes (drafts and future guides by option) and gives each its URL.
///
/// A guide's URL is site.yml's permalink pattern (`/guides/:slug/` by default) filled in for it. Its slug is
/// its `slug:` key, else made from its term. When several guides' terms make one URL (generated sites often
/// have two "Senior Store Manager" guides), each of them whose file name makes another slug uses that instead,
/// with a warning naming the URL it got; guides that still share a URL are an error naming both files, and so
/// is a URL among the site's own pages (`/tags/`, `/page/`, `/search/` …).
struct GuidePlacer {
    let includeDrafts: Bool
    let includeFuture: Bool
    let now: Date
    let permalink: PermalinkPattern
    /// First segments of site paths that the site's own pages use (taxonomies, pagination, assets …).
    let reservedFolders: Set<String>

    init(includeDrafts: Bool, includeFuture: Bool, now: Date, config: SiteConfig = SiteConfig()) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        permalink = config.guidePermalink
        reservedFolders = TaxonomyConfig.reservedPaths.subtracting(["guides"]).union(config.taxonomies.map(\.path))
    }

    /// Whether a guide of this `draft:` and `pubDate:` is published by this build.
    func isPublished(draft: Bool, pubDate: GuideDate?) -> Bool {
        let isFuture = pubDate.map { $0.secondsSinceEpoch > Int(now.timeIntervalSince1970.rounded(.down)) } ?? false
        return !((draft && !includeDrafts) || (isFuture && !includeFuture))
    }

    /// The published guides and the guides left out (drafts, future guides), each by its position among
    /// `sources` (`PlacementCache` keeps them).
    func placement(of sources: [GuideSource], into diagnostics: inout [Diagnostic])
        -> (placed: [(index: Int, slug: String, path: String)], leftOut: [Int]) {
        // What each guide needs, found on all cores: whether it is published, and the URLs its term and its
        // file name make (nil for a guide with its own `slug:`, or left out) with their slugs.
        let facts = sources.parallelMap { source -> (published: Bool, slugs: (term: String, file: String)?, paths: (term: String, file: String)) in
            let matter = source.parsed.frontMatter
            let published = isPublished(draft: matter.draft, pubDate: matter.pubDate)
            guard published, matter.slug == nil else { return (published, nil, ("", "")) }
            let slugs = (term: Slug.make(matter.term), file: Self.fileSlug(source.relativePath))
            let sitePath = { (slug: String) in
                permalink.sitePath(slug: slug, relativePath: source.relativePath, category: matter.category, date: matter.pubDate)
            }
            return (published, slugs, (sitePath(slugs.term), sitePath(slugs.file)))
        }
        var leftOut: [Int] = []
        var published: [Int] = []
        for index in sources.indices.sorted(by: { sources[$0].relativePath < sources[$1].relativePath }) {
            if facts[index].published {
                published.append(index)
            } else {
                leftOut.append(index)
            }
        }
        func path(_ index: Int, slug: String) -> String {
            let matter = sources[index].parsed.frontMatter
            return permalink.sitePath(slug: slug, relativePath: sources[index].relativePath, category: matter.category, date: matter.pubDate)
        }

        // The guides each URL made from a term would go to; explicit slugs' URLs are kept for their guides.
        var termPaths: [String: [Int]] = [:]
        var explicitPaths: Set<String> = []
        for index in published {
            if facts[index].slugs != nil {
                termPaths[facts[index].paths.term, default: []].append(index)
            } else if let slug = sources[index].parsed.frontMatter.slug {
                explicitPaths.insert(path(index, slug: slug))
            }
        }
        var owners: [String: Int] = [:]
        var placed: [(index: Int, slug: String, path: String)] = []
        placed.reserveCapacity(published.count)
        for index in published {
            let source = sources[index]
            let matter = source.parsed.frontMatter
            let locations = matter.locations
            let key = matter.slug != nil ? "slug" : (locations["term"] != nil ? "term" : "title")
            let at = locations[key] ?? SourceLocation(file: source.displayPath)
            if permalink.usesDate, matter.pubDate == nil {
                diagnostics.append(.error(at: at, "this guide has no pubDate, which the permalink pattern \(permalink) needs", hint: "add `pubDate: 2025-01-14` to its front matter"))
                continue
            }
            var slug = matter.slug ?? ""
            // A guide's own `slug:` is placed here; one made from its term or file name was placed above.
            var sitePath = facts[index].slugs == nil ? path(index, slug: slug) : ""
            // Told once the guide has its URL (a guide that still collides gets the error alone).
            var movedWarning: Diagnostic?
            if let slugs = facts[index].slugs {
                let (termPath, filePath) = facts[index].paths
                let sharers = termPaths[termPath, default: []].filter { $0 != index }
                if (!sharers.isEmpty || explicitPaths.contains(termPath)), filePath != termPath {
                    slug = slugs.file
                    sitePath = filePath
                    let others = sharers.prefix(3).map { sources[$0].displayPath }.joined(separator: ", ")
                    let more = sharers.count > 3 ? " and \(sharers.count - 3) more" : ""
                    let shared = sharers.isEmpty ? "a guide's `slug:` gives" : "the terms of \(others)\(more) make"
                    movedWarning = .warning(
                        at: at, "this guide's term makes the URL /\(termPath), which \(shared) too; it is at /\(filePath) instead, from its file name",
                        hint: "give it a `slug:` to choose its URL")
                } else {
                    slug = slugs.term
                    sitePath = termPath
                }
            }
            if sitePath.isEmpty {
                diagnostics.append(.error(at: at, "the permalink pattern \(permalink) makes this guide's URL the home page",
                                          hint: "give the pattern a folder, e.g. `guide: /guides/:slug/`"))
                continue
            }
            if let first = sitePath.split(separator: "/").first, reservedFolders.contains(String(first)) {
                diagnostics.append(.error(at: at, "this guide's URL /\(sitePath) lies in /\(first)/, which the site's own pages use",
                                          hint: "give it another `slug:`, or put guides under a folder of their own in `permalinks.guide`"))
                continue
            }
            if let owner = owners[sitePath] {
                diagnostics.append(.error(
                    at: at, "this guide's URL /\(sitePath) is already taken by \(sources[owner].displayPath)",
                    hint: "give one of them a different `slug:`"))
                continue
            }
            owners[sitePath] = index
            if let movedWarning { diagnostics.append(movedWarning) }
            placed.append((index, slug, sitePath))
        }
        return (placed, leftOut)
    }

    /// The slug of a file's name without its extension (`roles/nurse-2.md` → `nurse-2`).
    static func fileSlug(_ relativePath: String) -> String {
        // Read as bytes: `/` and `.` are ASCII, and a search by Character would break the text into graphemes.
        let utf8 = relativePath.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let name = utf8[nameStart...]
        let stemEnd = name.lastIndex(of: UInt8(ascii: ".")).flatMap { $0 > nameStart ? $0 : nil } ?? name.endIndex
        return Slug.make(String(Substring(relativePath.utf8[nameStart..<stemEnd])))
    }
}
