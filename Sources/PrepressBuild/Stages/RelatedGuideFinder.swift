import PrepressContent

/// Finds each guide's related guides: most shared tags first, then same category, then newest, then slug.
///
/// Candidates come from the tag index, rarest tag first, never from comparing every pair. Enumeration
/// stops as soon as the guides already found cannot be overtaken by one not yet seen; for the last and
/// usually most common tag, where every unseen guide would share exactly one tag, the best unseen
/// guides are read off the front of that tag's lists instead of counting all of its guides.
struct RelatedGuideFinder: Sendable {
    let limit: Int
    /// Tags and categories are numbered: the search compares integers, never strings.
    /// Unique tag numbers of each guide, in its front-matter order.
    private let tagsOf: [[Int]]
    /// Category number of each guide; -1 for none.
    private let categoryOf: [Int]
    /// Guides of each tag, in list order.
    private let byTag: [[Int]]
    /// Guides of each tag within one category, in list order.
    private let byTagAndCategory: [TagInCategory: [Int]]
    /// For tags on more than one guide in 64, which of the guides have the tag, one bit each: no larger than
    /// the tag's list, and it answers "has this guide the tag?" without reading the list.
    private let members: [[UInt64]?]

    private struct TagInCategory: Hashable, Sendable {
        var tag: Int
        var category: Int
    }

    /// `guides` must be in list order (newest first, then slug), which is also the tiebreak order.
    init(guides: [Guide], limit: Int = 5) {
        self.limit = limit
        var tagNumbers: [String: Int] = [:]
        var categoryNumbers: [String: Int] = [:]
        var tagsOf: [[Int]] = []
        var categoryOf: [Int] = []
        var byTag: [[Int]] = []
        var byTagAndCategory: [TagInCategory: [Int]] = [:]
        tagsOf.reserveCapacity(guides.count)
        categoryOf.reserveCapacity(guides.count)
        for (position, guide) in guides.enumerated() {
            var tags: [Int] = []
            for name in guide.frontMatter.tags {
                let slug = Slug.make(name)
                let tag: Int
                if let known = tagNumbers[slug] {
                    tag = known
                } else {
                    tag = byTag.count
                    tagNumbers[slug] = tag
                    byTag.append([])
                }
                if !tags.contains(tag) { tags.append(tag) }
            }
            var category = -1
            if let name = guide.frontMatter.category {
                let slug = Slug.make(name)
                if let known = categoryNumbers[slug] {
                    category = known
                } else {
                    category = categoryNumbers.count
                    categoryNumbers[slug] = category
                }
            }
            for tag in tags {
                byTag[tag].append(position)
                if category >= 0 { byTagAndCategory[TagInCategory(tag: tag, category: category), default: []].append(position) }
            }
            tagsOf.append(tags)
            categoryOf.append(category)
        }
        self.tagsOf = tagsOf
        self.categoryOf = categoryOf
        self.byTag = byTag
        self.byTagAndCategory = byTagAndCategory
        let words = (guides.count + 63) / 64
        self.members = byTag.map { list in
            guard list.count * 64 > guides.count else { return nil }
            var bits = [UInt64](repeating: 0, count: words)
            for guide in list { bits[guide >> 6] |= 1 << UInt64(guide & 63) }
            return bits
        }
    }

    /// Adds one to the count of each guide found so far that has `tag`: by its bits when that is less work than
    /// reading the tag's list.
    private func countTag(_ tag: Int, shared: inout [UInt8], touched: [Int]) {
        if let bits = members[tag], touched.count < byTag[tag].count {
            for candidate in touched where bits[candidate >> 6] & (1 << UInt64(candidate & 63)) != 0 {
                shared[candidate] &+= 1
            }
        } else {
            for candidate in byTag[tag] where shared[candidate] > 0 {
                shared[candidate] &+= 1
            }
        }
    }

    /// Up to `limit` guides sharing at least one tag with guide `index`, best first.
    func related(to index: Int) -> [Int] {
        // Rarest tag first (the order changes how much is read, never the result).
        let tags = tagsOf[index].sorted { (byTag[$0].count, $0) < (byTag[$1].count, $1) }
        guard !tags.isEmpty else { return [] }
        // Shared-tag counts in a dense array, with the guides touched listed: no hashing per increment.
        var shared = [UInt8](repeating: 0, count: tagsOf.count)
        var touched: [Int] = []
        var next = 0
        while next < tags.count {
            let remaining = tags.count - next
            if next > 0, fifthBest(shared, touched) > remaining { break }
            let list = byTag[tags[next]]
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
        // Guides already found may share the tags left unread too. Reading those tags' lists front to back
        // is faster than looking up the tags of each guide found, which are all over memory.
        for tag in tags[next...] {
            countTag(tag, shared: &shared, touched: touched)
        }
        // The best `limit` by shared tags, then same category, then list position: a small sorted insert.
        let category = categoryOf[index]
        var best: [Int] = []
        best.reserveCapacity(limit + 1)
        shared.withUnsafeBufferPointer { shared in
            categoryOf.withUnsafeBufferPointer { categoryOf in
                func better(_ left: Int, _ right: Int) -> Bool {
                    if shared[left] != shared[right] { return shared[left] > shared[right] }
                    let leftSame = category >= 0 && categoryOf[left] == category
                    let rightSame = category >= 0 && categoryOf[right] == category
                    if leftSame != rightSame { return leftSame }
                    return left < right
                }
                for candidate in touched {
                    if best.count == limit, !better(candidate, best[limit - 1]) { continue }
                    let position = best.firstIndex { better(candidate, $0) } ?? best.count
                    best.insert(candidate, at: position)
                    if best.count > limit { best.removeLast() }
                }
            }
        }
        return best
    }

    /// The `limit`-th highest count so far, or 0 when fewer guides were found.
    private func fifthBest(_ shared: [UInt8], _ touched: [Int]) -> Int {
        guard touched.count >= limit else { return 0 }
        var best: [UInt8] = []
        best.reserveCapacity(limit)
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
    private func addBestUnseen(from tag: Int, of index: Int, shared: inout [UInt8], touched: inout [Int]) {
        countTag(tag, shared: &shared, touched: touched)
        let category = categoryOf[index]
        var added = 0
        if category >= 0 {
            for candidate in byTagAndCategory[TagInCategory(tag: tag, category: category)] ?? [] where candidate != index && shared[candidate] == 0 {
                shared[candidate] = 1
                touched.append(candidate)
                added += 1
                if added == limit { break }
            }
        }
        added = 0
        for candidate in byTag[tag] where candidate != index && shared[candidate] == 0 {
            if category >= 0, categoryOf[candidate] == category { continue }
            shared[candidate] = 1
            touched.append(candidate)
            added += 1
            if added == limit { break }
        }
    }
}
