import PrepressContent

/// Groups guides into the site's taxonomies in one pass over guides and their terms (no pairwise work).
struct TaxonomyIndexer {
    let configs: [TaxonomyConfig]

    /// `guides` must be in list order; each term keeps that order.
    func index(_ guides: [Guide]) -> [Taxonomy] {
        // Read in place: `for guide in guides` copied (and retained) every guide, once per taxonomy.
        guides.withUnsafeBufferPointer { guides in index(count: guides.count) { UnsafePointer(guides.baseAddress! + $0) } }
    }

    /// The same, of the guides of a list (the preview's, which shares them with the site it came from).
    func index(_ guides: GuideList) -> [Taxonomy] {
        index(count: guides.count) { UnsafePointer(guides.pointer(at: $0)) }
    }

    /// The guide at each position, read in place.
    private func index(count: Int, guide: (Int) -> UnsafePointer<Guide>) -> [Taxonomy] {
        configs.map { config in
            // Each spelling is numbered when first seen, with its slug's number: one lookup by name for each
            // use, the slug made once per spelling (10,000 guides give a few hundred names 50,000 times).
            var nameNumbers: [String: Int] = [:]
            var names: [String] = []
            var slugOfName: [Int] = []
            var uses: [Int] = []
            var slugNumbers: [String: Int] = [:]
            var slugs: [String] = []
            var buckets: [[Int]] = []
            for position in 0..<count {
                for name in Self.values(of: guide(position), key: config.key) {
                    let number: Int
                    if let known = nameNumbers[name] {
                        number = known
                    } else {
                        number = names.count
                        nameNumbers[name] = number
                        names.append(name)
                        let slug = Slug.make(name)
                        if let known = slugNumbers[slug] {
                            slugOfName.append(known)
                        } else {
                            slugNumbers[slug] = slugs.count
                            slugOfName.append(slugs.count)
                            slugs.append(slug)
                            buckets.append([])
                        }
                        uses.append(0)
                    }
                    uses[number] += 1
                    // A guide tagged both "B2B Sales" and "b2b sales" is listed once: positions come in
                    // order, so a guide already in the term is its last.
                    buckets[slugOfName[number]].appendUnlessLast(position)
                }
            }
            // The spelling most used for each slug (ties: the first in sort order).
            var best = [Int](repeating: -1, count: slugs.count)
            for number in names.indices {
                let slug = slugOfName[number]
                let current = best[slug]
                if current < 0 || uses[number] > uses[current] || (uses[number] == uses[current] && names[number] < names[current]) {
                    best[slug] = number
                }
            }
            var terms: [Term] = slugs.indices.map { Term(slug: slugs[$0], name: names[best[$0]], guides: buckets[$0]) }
            terms.sort { left, right in
                let (l, r) = (left.name.lowercased(), right.name.lowercased())
                return l != r ? l < r : left.slug < right.slug
            }
            var termIndex: [String: Int] = [:]
            for (position, term) in terms.enumerated() { termIndex[term.slug] = position }
            let positionByName = nameNumbers.mapValues { termIndex[slugs[slugOfName[$0]]]! }
            return Taxonomy(config: config, terms: terms, termIndex: termIndex, positionByName: positionByName)
        }
    }

    /// The names a guide gives for a taxonomy's key, its front matter read in place.
    static func values(of guide: UnsafePointer<Guide>, key: String) -> [String] {
        switch key {
        case "tags": return guide.pointee.frontMatter.tags
        case "category": return guide.pointee.frontMatter.category.map { [$0] } ?? []
        case "vertical": return guide.pointee.frontMatter.vertical.map { [$0] } ?? []
        default: return values(of: guide.pointee.frontMatter, key: key)
        }
    }

    /// The names a guide gives for a taxonomy's key.
    static func values(of matter: FrontMatter, key: String) -> [String] {
        switch key {
        case "tags": return matter.tags
        case "category": return matter.category.map { [$0] } ?? []
        case "vertical": return matter.vertical.map { [$0] } ?? []
        case "author": return matter.author.map { [$0.name] } ?? []
        default:
            guard let value = matter.params.first(where: { $0.key == key })?.value else { return [] }
            return texts(of: value)
        }
    }

    private static func texts(of value: ParamValue) -> [String] {
        switch value {
        case .string(let text): return text.isEmpty ? [] : [text]
        case .integer(let number): return [String(number)]
        case .double(let number): return [String(number)]
        case .bool(let flag): return [flag ? "true" : "false"]
        case .list(let items): return items.flatMap(texts)
        case .null, .map: return []
        }
    }
}

private extension Array where Element == Int {
    mutating func appendUnlessLast(_ value: Int) {
        if last != value { append(value) }
    }
}
