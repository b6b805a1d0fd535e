import Foundation
import PrepressContent

/// Chooses the guides a build publishes (drafts and future guides by option) and gives each its URL.
///
/// A guide's slug is its `slug:` key, else made from its term. When several guides' terms make one slug
/// (generated sites often have two "Senior Store Manager" guides), each of them whose file name makes
/// another slug uses that instead; guides that still share a URL are an error naming both files.
struct GuidePlacer {
    let includeDrafts: Bool
    let includeFuture: Bool
    let now: Date

    /// The published guides, and the paths of guides left out, by their path under content/.
    func place(_ sources: [GuideSource], into diagnostics: inout [Diagnostic]) -> (placed: [PlacedGuide], leftOut: Set<String>) {
        let nowSeconds = Int(now.timeIntervalSince1970.rounded(.down))
        // What each guide needs, found on all cores: whether it is published, and the slugs its term and its
        // file name make (nil for a guide with its own `slug:`, or left out).
        let facts = sources.parallelMap { source -> (published: Bool, slugs: (term: String, file: String)?) in
            let isFuture = source.parsed.frontMatter.pubDate.map { $0.secondsSinceEpoch > nowSeconds } ?? false
            let published = !((source.parsed.frontMatter.draft && !includeDrafts) || (isFuture && !includeFuture))
            guard published, source.parsed.frontMatter.slug == nil else { return (published, nil) }
            return (published, (Slug.make(source.parsed.frontMatter.term), Self.fileSlug(source.relativePath)))
        }
        var leftOut: Set<String> = []
        var published: [Int] = []
        for index in sources.indices.sorted(by: { sources[$0].relativePath < sources[$1].relativePath }) {
            if facts[index].published {
                published.append(index)
            } else {
                leftOut.insert(sources[index].relativePath)
            }
        }

        let termSlugCounts = published.reduce(into: [String: Int]()) { counts, index in
            if let slugs = facts[index].slugs { counts[slugs.term, default: 0] += 1 }
        }
        let explicitSlugs = Set(published.compactMap { sources[$0].parsed.frontMatter.slug })
        var owners: [String: Int] = [:]
        var placed: [PlacedGuide] = []
        placed.reserveCapacity(published.count)
        for index in published {
            let source = sources[index]
            var slug = source.parsed.frontMatter.slug ?? ""
            if let slugs = facts[index].slugs {
                let shared = termSlugCounts[slugs.term, default: 0] > 1 || explicitSlugs.contains(slugs.term)
                slug = shared ? slugs.file : slugs.term
            }
            if let owner = owners[slug] {
                let locations = source.parsed.frontMatter.locations
                let key = source.parsed.frontMatter.slug != nil ? "slug" : (locations["term"] != nil ? "term" : "title")
                diagnostics.append(.error(
                    at: locations[key] ?? SourceLocation(file: source.displayPath),
                    "this guide's URL /\(SiteURLs.guidePath(slug: slug)) is already taken by \(sources[owner].displayPath)",
                    hint: "give one of them a different `slug:`"))
                continue
            }
            owners[slug] = index
            placed.append(PlacedGuide(source: source, slug: slug, path: SiteURLs.guidePath(slug: slug)))
        }
        return (placed, leftOut)
    }

    /// The slug of a file's name without its extension (`roles/nurse-2.md` → `nurse-2`).
    static func fileSlug(_ relativePath: String) -> String {
        Slug.make(((relativePath as NSString).lastPathComponent as NSString).deletingPathExtension)
    }
}
