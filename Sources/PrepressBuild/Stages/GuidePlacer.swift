import Foundation
import PrepressContent

/// A guide chosen for this build, with its URL, not yet rendered.
struct PlacedGuide: Sendable {
    var source: GuideSource
    var slug: String
    var path: String
}

/// Chooses the guides a build publishes (drafts and future guides by option) and gives each its URL.
struct GuidePlacer {
    let includeDrafts: Bool
    let includeFuture: Bool
    let now: Date

    /// The published guides, and the paths of guides left out, by their path under content/.
    func place(_ sources: [GuideSource], into diagnostics: inout [Diagnostic]) -> (placed: [PlacedGuide], leftOut: Set<String>) {
        let nowSeconds = Int(now.timeIntervalSince1970.rounded(.down))
        var placed: [PlacedGuide] = []
        var leftOut: Set<String> = []
        var owners: [String: GuideSource] = [:]
        for source in sources.sorted(by: { $0.relativePath < $1.relativePath }) {
            let matter = source.parsed.frontMatter
            if matter.draft && !includeDrafts {
                leftOut.insert(source.relativePath)
                continue
            }
            if let date = matter.pubDate, date.secondsSinceEpoch > nowSeconds, !includeFuture {
                leftOut.insert(source.relativePath)
                continue
            }
            let slug = matter.slug ?? Slug.make(matter.term)
            if let owner = owners[slug] {
                let key = matter.slug == nil ? (matter.locations["term"] != nil ? "term" : "title") : "slug"
                let location = matter.locations[key] ?? SourceLocation(file: source.displayPath)
                diagnostics.append(.error(
                    at: location,
                    "this guide's URL /\(SiteURLs.guidePath(slug: slug)) is already taken by \(owner.displayPath)",
                    hint: "give one of them a different `slug:`"))
                continue
            }
            owners[slug] = source
            placed.append(PlacedGuide(source: source, slug: slug, path: SiteURLs.guidePath(slug: slug)))
        }
        return (placed, leftOut)
    }
}
