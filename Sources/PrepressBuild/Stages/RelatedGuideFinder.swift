import PrepressContent

/// Finds each guide's related guides: most shared tags first, then same category, then newest, then slug.
///
/// Candidates come from the tag index, rarest tag first, never from comparing every pair. Enumeration
/// stops as soon as the guides already found cannot be overtaken by one not yet seen; for the last and
/// usually most common tag, where every unseen guide would share exactly one tag, the best unseen
/// guides are read off the front of that tag's lists instead of counting all of its guides.
struct RelatedGuideFinder: Sendable {
    let limit: Int
    /// Unique tag slugs of each guide, in its front-matter order.
    private let tagsOf: [[String]]
    private let categoryOf: [String?]
    /// Guides of each tag, and of each tag within one category, in list order.
    private let byTag: [String: [Int]]
    private let byTagAndCategory: [String: [Int]]

    /// `guides` must be in list order (newest first, then slug), which is also the tiebreak order.
    init(guides: [Guide], limit: Int = 5) {
        self.limit = limit
        var tagsOf: [[String]] = []
        var categoryOf: [String?] = []
        var byTag: [String: [Int]] = [:]
        var byTagAndCategory: [String: [Int]] = [:]
        for (position, guide) in guides.enumerated() {
            var slugs: [String] = []
            for tag in guide.frontMatter.tags {
                let slug = Slug.make(tag)
                if !slugs.contains(slug) { slugs.append(slug) }
            }
            let category = guide.frontMatter.category.map(Slug.make)
            for slug in slugs {
                byTag[slug, default: []].append(position)
                if let category { byTagAndCategory[slug + "\u{0}" + category, default: []].append(position) }
            }
            tagsOf.append(slugs)
            categoryOf.append(category)
        }
        self.tagsOf = tagsOf
        self.categoryOf = categoryOf
        self.byTag = byTag
        self.byTagAndCategory = byTagAndCategory
    }

    /// Up to `limit` guides sharing at least one tag with guide `index`, best first.
    func related(to index: Int) -> [Int] {
        let tags = tagsOf[index].sorted { (byTag[$0]?.count ?? 0, $0) < (byTag[$1]?.count ?? 0, $1) }
        guard !tags.isEmpty else { return [] }
        var shared: [Int: Int] = [:]
        var next = 0
        while next < tags.count {
            let remaining = tags.count - next
            if next > 0, fifthBest(shared) > remaining { break }
            let list = byTag[tags[next]] ?? []
            if remaining == 1, list.count > 8 * limit {
                addBestUnseen(from: tags[next], of: index, to: &shared)
                next = tags.count
                break
            }
            for candidate in list where candidate != index { shared[candidate, default: 0] += 1 }
            next += 1
        }
        // Guides already found may share the tags left unread too.
        if next < tags.count {
            let unread = tags[next...]
            for candidate in shared.keys {
                let theirs = tagsOf[candidate]
                shared[candidate, default: 0] += unread.filter(theirs.contains).count
            }
        }
        let category = categoryOf[index]
        return shared.sorted { left, right in
            if left.value != right.value { return left.value > right.value }
            let leftSame = category != nil && categoryOf[left.key] == category
            let rightSame = category != nil && categoryOf[right.key] == category
            if leftSame != rightSame { return leftSame }
            return left.key < right.key
        }.prefix(limit).map(\.key)
    }

    /// The `limit`-th highest count so far, or 0 when fewer guides were found.
    private func fifthBest(_ shared: [Int: Int]) -> Int {
        guard shared.count >= limit else { return 0 }
        var best: [Int] = []
        for count in shared.values {
            if best.count < limit {
                best.append(count)
                best.sort(by: >)
            } else if count > best[limit - 1] {
                best[limit - 1] = count
                best.sort(by: >)
            }
        }
        return best[limit - 1]
    }

    /// For the last tag: guides found so far that have it gain one; of the guides not yet found (each would
    /// share just this tag), only the first `limit` of the same category and of the others can make the cut.
    private func addBestUnseen(from tag: String, of index: Int, to shared: inout [Int: Int]) {
        for candidate in Array(shared.keys) where tagsOf[candidate].contains(tag) {
            shared[candidate, default: 0] += 1
        }
        let category = categoryOf[index]
        var added = 0
        if let category {
            for candidate in byTagAndCategory[tag + "\u{0}" + category] ?? [] where candidate != index && shared[candidate] == nil {
                shared[candidate] = 1
                added += 1
                if added == limit { break }
            }
        }
        added = 0
        for candidate in byTag[tag] ?? [] where candidate != index && shared[candidate] == nil {
            if category != nil, categoryOf[candidate] == category { continue }
            shared[candidate] = 1
            added += 1
            if added == limit { break }
        }
    }
}
