import Foundation
import PrepressContent

/// A guide chosen for this build, with its URL, not yet rendered.
struct PlacedGuide: Sendable {
    var source: GuideSource
    var slug: String
    var path: String
}

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
        var leftOut: Set<String> = []
        var published: [GuideSource] = []
        for source in sources.sorted(by: { $0.relativePath < $1.relativePath }) {
            let matter = source.parsed.frontMatter
            let isFuture = matter.pubDate.map { $0.secondsSinceEpoch > nowSeconds } ?? false
            if (matter.draft && !includeDrafts) || (isFuture && !includeFuture) {
                leftOut.insert(source.relativePath)
            } else {
                published.append(source)
            }
        }

        let termSlugCounts = published.reduce(into: [String: Int]()) { counts, source in
            if source.parsed.frontMatter.slug == nil { counts[Slug.make(source.parsed.frontMatter.term), default: 0] += 1 }
        }
        let explicitSlugs = Set(published.compactMap(\.parsed.frontMatter.slug))
        var owners: [String: GuideSource] = [:]
        var placed: [PlacedGuide] = []
        for source in published {
            let matter = source.parsed.frontMatter
            var slug: String
            if let explicit = matter.slug {
                slug = explicit
            } else {
                slug = Slug.make(matter.term)
                if termSlugCounts[slug, default: 0] > 1 || explicitSlugs.contains(slug) {
                    slug = Self.fileSlug(source.relativePath)
                }
            }
            if let owner = owners[slug] {
                let key = matter.slug != nil ? "slug" : (matter.locations["term"] != nil ? "term" : "title")
                diagnostics.append(.error(
                    at: matter.locations[key] ?? SourceLocation(file: source.displayPath),
                    "this guide's URL /\(SiteURLs.guidePath(slug: slug)) is already taken by \(owner.displayPath)",
                    hint: "give one of them a different `slug:`"))
                continue
            }
            owners[slug] = source
            placed.append(PlacedGuide(source: source, slug: slug, path: SiteURLs.guidePath(slug: slug)))
        }
        return (placed, leftOut)
    }

    /// The slug of a file's name without its extension (`roles/nurse-2.md` → `nurse-2`).
    static func fileSlug(_ relativePath: String) -> String {
        Slug.make(((relativePath as NSString).lastPathComponent as NSString).deletingPathExtension)
    }
}
