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
        // Shared-tag counts in a dense array, with the guides touched listed: no hashing per increment.
        var shared = [UInt8](repeating: 0, count: tagsOf.count)
        var touched: [Int] = []
        var next = 0
        while next < tags.count {
            let remaining = tags.count - next
            if next > 0, fifthBest(shared, touched) > remaining { break }
            let list = byTag[tags[next]] ?? []
            if remaining == 1, list.count > 8 * limit {
                addBestUnseen(from: tags[next], of: index, shared: &shared, touched: &touched)
                next = tags.count
                break
            }
            for candidate in list where candidate != index {
                if shared[candidate] == 0 { touched.append(candidate) }
                shared[candidate] &+= 1
            }
            next += 1
        }
        // Guides already found may share the tags left unread too.
        if next < tags.count {
            let unread = tags[next...]
            for candidate in touched {
                let theirs = tagsOf[candidate]
                shared[candidate] &+= UInt8(unread.filter(theirs.contains).count)
            }
        }
        // The best `limit` by shared tags, then same category, then list position: a small sorted insert.
        let category = categoryOf[index]
        func better(_ left: Int, _ right: Int) -> Bool {
            if shared[left] != shared[right] { return shared[left] > shared[right] }
            let leftSame = category != nil && categoryOf[left] == category
            let rightSame = category != nil && categoryOf[right] == category
            if leftSame != rightSame { return leftSame }
            return left < right
        }
        var best: [Int] = []
        for candidate in touched {
            if best.count == limit, !better(candidate, best[limit - 1]) { continue }
            let position = best.firstIndex { better(candidate, $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// The `limit`-th highest count so far, or 0 when fewer guides were found.
    private func fifthBest(_ shared: [UInt8], _ touched: [Int]) -> Int {
        guard touched.count >= limit else { return 0 }
        var best: [UInt8] = []
        for candidate in touched {
            let count = shared[candidate]
            if best.count < limit {
                best.append(count)
                best.sort(by: >)
            } else if count > best[limit - 1] {
                best[limit - 1] = count
                best.sort(by: >)
            }
        }
        return Int(best[limit - 1])
    }

    /// For the last tag: guides found so far that have it gain one; of the guides not yet found (each would
    /// share just this tag), only the first `limit` of the same category and of the others can make the cut.
    private func addBestUnseen(from tag: String, of index: Int, shared: inout [UInt8], touched: inout [Int]) {
        for candidate in touched where tagsOf[candidate].contains(tag) {
            shared[candidate] &+= 1
        }
        let category = categoryOf[index]
        var added = 0
        if let category {
            for candidate in byTagAndCategory[tag + "\u{0}" + category] ?? [] where candidate != index && shared[candidate] == 0 {
                shared[candidate] = 1
                touched.append(candidate)
                added += 1
                if added == limit { break }
            }
        }
        added = 0
        for candidate in byTag[tag] ?? [] where candidate != index && shared[candidate] == 0 {
            if category != nil, categoryOf[candidate] == category { continue }
            shared[candidate] = 1
            touched.append(candidate)
            added += 1
            if added == limit { break }
        }
    }
}
