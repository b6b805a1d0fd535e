import PrepressContent

/// The filters a guide offers: its category, vertical and tags, as positions in the site's lists of them.
struct Facets {
    struct Value {
        var name: String
        var url: String?
    }

    let categories: [Value]
    let verticals: [Value]
    let tags: [Value]
    /// Each guide's category, vertical and tags, by guide index: worked out once, for the display data and
    /// for `facets.bin`.
    private let byGuide: [(category: Int?, vertical: Int?, tags: [Int])]

    init(context: SiteContext) {
        let taxonomies = context.taxonomies
        func values(_ key: String) -> (Int?, [Value]) {
            guard let position = context.unretained.taxonomyPosition(key: key) else { return (nil, []) }
            let links = context.termLinks[position]
            return (position, taxonomies[position].terms.enumerated().map { Value(name: $1.name, url: links[$0]) })
        }
        let category = values("category"), vertical = values("vertical"), tag = values("tags")
        (categories, verticals, tags) = (category.1, vertical.1, tag.1)
        let positions = (category: category.0, vertical: vertical.0, tags: tag.0)
        let view = context.unretained
        byGuide = Array(context.guides.indices).parallelMap { index in
            // Read in place: `.pointee.frontMatter` would copy (and retain) every field of the front matter.
            let guide = UnsafePointer(view.guide(at: index))
            return taxonomies.withUnsafeBufferPointer { taxonomies in
                let category = positions.category.flatMap { position in guide.pointee.frontMatter.category.flatMap { taxonomies[position].position(named: $0) } }
                let vertical = positions.vertical.flatMap { position in guide.pointee.frontMatter.vertical.flatMap { taxonomies[position].position(named: $0) } }
                var tags: [Int] = []
                if let position = positions.tags {
                    for name in guide.pointee.frontMatter.tags {
                        if let tag = taxonomies[position].position(named: name), !tags.contains(tag) { tags.append(tag) }
                    }
                }
                return (category, vertical, tags)
            }
        }
    }

    /// A guide's category, vertical and tags, by position in `categories`, `verticals` and `tags`.
    func values(of guide: Int) -> (category: Int?, vertical: Int?, tags: [Int]) {
        byGuide[guide]
    }

    /// `facets.bin`: for each document in order, its category and vertical plus one (0 for none), its count
    /// of tags and the tags, all varints.
    func encoded(_ order: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(order.count * 8)
        for guide in order {
            let (category, vertical, tags) = values(of: guide)
            Varint.append(UInt32(category.map { $0 + 1 } ?? 0), to: &bytes)
            Varint.append(UInt32(vertical.map { $0 + 1 } ?? 0), to: &bytes)
            Varint.append(UInt32(tags.count), to: &bytes)
            for tag in tags { Varint.append(UInt32(tag), to: &bytes) }
        }
        return bytes
    }
}
