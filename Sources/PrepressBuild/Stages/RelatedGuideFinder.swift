import PrepressContent

/// Finds each guide's related guides: most shared tags first, then same category, then newest, then slug.
///
/// Never compares every pair of guides, nor reads every guide of a common tag one by one: each guide's count of
/// shared tags is kept in bit planes (plane p holds bit p of every guide's count, 64 guides to a word), so a tag
/// with a bitset is added to all guides' counts a word at a time; a rare tag adds its few guides one by one. The
/// best are then read off the planes, highest count first.
struct RelatedGuideFinder: Sendable {
    let limit: Int
    /// Tags and categories are numbered: the search compares integers, never strings.
    /// Unique tag numbers of each guide, in its front-matter order.
    private let tagsOf: [[Int]]
    /// Category number of each guide; -1 for none.
    private let categoryOf: [Int]
    /// Guides of each tag, in list order.
    private let byTag: [[Int]]
    /// Each tag's number, by its slug.
    private let tagNumbers: [String: Int]
    /// For tags on more than one guide in 64, which guides have the tag, one bit each (no larger than the
    /// tag's list); nil for rarer tags, whose lists are read.
    private let members: [[UInt64]?]
    /// Which guides are in each category, one bit each.
    private let categoryBits: [[UInt64]]
    /// Words of 64 guides in a bitset.
    private let wordCount: Int

    /// How many related guides a guide lists.
    static let defaultLimit = 5

    /// `guides` must be in list order (newest first, then slug), which is also the tiebreak order.
    init(guides: [Guide], limit: Int = defaultLimit) {
        // Read in place: `guides[position].frontMatter` copied (and retained) the whole guide.
        self = guides.withUnsafeBufferPointer { guides in
            RelatedGuideFinder(count: guides.count, limit: limit) { UnsafePointer(guides.baseAddress! + $0) }
        }
    }

    /// The same, of the guides of a list (the preview's, which shares them with the site it came from).
    init(guides: GuideList, limit: Int = defaultLimit) {
        self.init(count: guides.count, limit: limit) { UnsafePointer(guides.pointer(at: $0)) }
    }

    /// The guide at each position, read in place.
    private init(count: Int, limit: Int, guide: (Int) -> UnsafePointer<Guide>) {
        self.limit = limit
        var tagNumbers: [String: Int] = [:]
        var categoryNumbers: [String: Int] = [:]
        var tagsOf: [[Int]] = []
        var categoryOf: [Int] = []
        var byTag: [[Int]] = []
        tagsOf.reserveCapacity(count)
        categoryOf.reserveCapacity(count)
        // A name's number, found by its slug once: 10,000 guides name a few hundred tags 50,000 times.
        var tagByName: [String: Int] = [:]
        var categoryByName: [String: Int] = [:]
        for position in 0..<count {
            let guide = guide(position)
            var tags: [Int] = []
            for name in guide.pointee.frontMatter.tags {
                let tag: Int
                if let known = tagByName[name] {
                    tag = known
                } else {
                    let slug = Slug.make(name)
                    if let known = tagNumbers[slug] {
                        tag = known
                    } else {
                        tag = byTag.count
                        tagNumbers[slug] = tag
                        byTag.append([])
                    }
                    tagByName[name] = tag
                }
                if !tags.contains(tag) { tags.append(tag) }
            }
            var category = -1
            if let name = guide.pointee.frontMatter.category {
                if let known = categoryByName[name] {
                    category = known
                } else {
                    let slug = Slug.make(name)
                    if let known = categoryNumbers[slug] {
                        category = known
                    } else {
                        category = categoryNumbers.count
                        categoryNumbers[slug] = category
                    }
                    categoryByName[name] = category
                }
            }
            for tag in tags {
                byTag[tag].append(position)
            }
            tagsOf.append(tags)
            categoryOf.append(category)
        }
        self.tagsOf = tagsOf
        self.categoryOf = categoryOf
        self.byTag = byTag
        self.tagNumbers = tagNumbers
        let words = (count + 63) / 64
        self.wordCount = words
        func bitset(_ list: [Int]) -> [UInt64] {
            var bits = [UInt64](repeating: 0, count: words)
            for guide in list { bits[guide >> 6] |= 1 << UInt64(guide & 63) }
            return bits
        }
        self.members = byTag.map { list in list.count * 64 > count ? bitset(list) : nil }
        var categoryBits = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: categoryNumbers.count)
        for (guide, category) in categoryOf.enumerated() where category >= 0 {
            categoryBits[category][guide >> 6] |= 1 << UInt64(guide & 63)
        }
        self.categoryBits = categoryBits
    }

    /// The guides that have any of these tags (names, as front matter spells them). A guide's related guides
    /// depend only on the tags and categories of the guides sharing a tag with it: after some guides' tags or
    /// categories change, only the guides having one of their tags, before or after, can have others.
    func guides(taggedWithAnyOf names: [String]) -> Set<Int> {
        var found: Set<Int> = []
        for name in names {
            if let tag = tagNumbers[Slug.make(name)] { found.formUnion(byTag[tag]) }
        }
        return found
    }

    /// Every guide's related guides after the guides at the positions `oldTags` names changed their tags or
    /// categories, from `last`, every guide's list before: `oldTags` is those guides' tags before, `tags` each
    /// guide's tags now. Only guides sharing a tag with a changed guide, before or after, may have other related
    /// guides (`guides(taggedWithAnyOf:)`), and of those only the ones that listed a changed guide, listed fewer
    /// than they may, or would now rank a changed guide above the last they listed: the others' lists are those
    /// of the guides that did not change, whose order did not change.
    func updated(_ last: [[Int]], oldTags: [Int: [String]], tags: (Int) -> [String]) -> [[Int]] {
        let changed = Set(oldTags.keys)
        var affected = changed
        for (index, old) in oldTags {
            affected.formUnion(guides(taggedWithAnyOf: old + tags(index)))
        }
        var lists = last
        let indices = affected.sorted().filter { index in
            guard !changed.contains(index), let lowest = last[index].last, last[index].count == limit,
                  !last[index].contains(where: changed.contains) else { return true }
            return changed.contains { ranks($0, before: lowest, for: index) }
        }
        for (index, list) in zip(indices, indices.parallelMap { self.related(to: $0) }) { lists[index] = list }
        return lists
    }

    /// Up to `limit` guides sharing at least one tag with guide `index`, best first.
    func related(to index: Int) -> [Int] {
        let tags = tagsOf[index]
        guard !tags.isEmpty else { return [] }
        let words = wordCount
        // Enough planes to count to the number of the guide's tags, which no other guide can share more of.
        let planeCount = Int.bitWidth - tags.count.leadingZeroBitCount
        var planes = [UInt64](repeating: 0, count: planeCount * words)
        planes.withUnsafeMutableBufferPointer { planes in
            /// Adds one to the counts of the guides whose bits are set in `word` of the planes' word `w`.
            func add(_ word: UInt64, at w: Int) {
                var carry = word
                var plane = 0
                while carry != 0 {
                    let slot = plane * words + w
                    let next = planes[slot] & carry
                    planes[slot] ^= carry
                    carry = next
                    plane += 1
                }
            }
            for tag in tags {
                if let bits = members[tag] {
                    for w in 0..<words where bits[w] != 0 { add(bits[w], at: w) }
                } else {
                    for guide in byTag[tag] { add(1 << UInt64(guide & 63), at: guide >> 6) }
                }
            }
            // The guide itself shares all its tags with itself: take it out.
            for plane in 0..<planeCount { planes[plane * words + index >> 6] &= ~(1 << UInt64(index & 63)) }
        }

        // Highest count first; within a count, guides of the same category, then the others; each in list order.
        let category = categoryOf[index]
        var best: [Int] = []
        best.reserveCapacity(limit)
        for count in stride(from: tags.count, through: 1, by: -1) {
            for sameCategory in category >= 0 ? [true, false] : [false] {
                for w in 0..<words {
                    var mask = ~UInt64(0)
                    for plane in 0..<planeCount {
                        mask &= (count >> plane) & 1 == 1 ? planes[plane * words + w] : ~planes[plane * words + w]
                    }
                    if category >= 0 {
                        mask &= sameCategory ? categoryBits[category][w] : ~categoryBits[category][w]
                    }
                    while mask != 0 {
                        best.append(w * 64 + mask.trailingZeroBitCount)
                        if best.count == limit { return best }
                        mask &= mask - 1
                    }
                }
            }
        }
        return best
    }

    /// Whether guide `candidate` would be listed before guide `other` among the related guides of guide `index`
    /// (`related(to:)`'s order: more shared tags, then the same category, then list order), and shares a tag
    /// with it at all.
    func ranks(_ candidate: Int, before other: Int, for index: Int) -> Bool {
        let shared = sharedTags(candidate, index)
        guard shared > 0 else { return false }
        let otherShared = sharedTags(other, index)
        if shared != otherShared { return shared > otherShared }
        let category = categoryOf[index]
        let same = category >= 0 && categoryOf[candidate] == category
        let otherSame = category >= 0 && categoryOf[other] == category
        if same != otherSame { return same }
        return candidate < other
    }

    private func sharedTags(_ first: Int, _ second: Int) -> Int {
        tagsOf[first].reduce(0) { $0 + (tagsOf[second].contains($1) ? 1 : 0) }
    }
}
