import Foundation
import PrepressContent

/// Each guide's related guides as the last build found them, in `<site>/.prepress-cache/related`, with what
/// they were found from: a digest of each position's tags and category, and its tags.
///
/// A guide's related guides are a function of the tags and categories of the guides in list order (and the
/// list's length), nothing else (`RelatedGuideFinder`). So a rebuild whose guides have, position by position,
/// the tags and categories of the last build's takes its lists as they are — an edit of a body, a description
/// or a question does not look for related guides again (40–50 ms at 10,000 guides). Where a few positions
/// changed (a tag renamed, a guide moved to another category), only the guides that could list another are
/// looked at again (`RelatedGuideFinder.updated`), as the preview does after such an edit; where many changed
/// (a guide added shifts every position after it), all are. The file is written by the same prepress only
/// (its header names the executable) and read whole or not at all (a checksum covers it); deleting it is safe.
struct RelatedListCache {
    static let fileName = "related"
    static let magic = "prepress related guides 1"
    /// Beyond this many changed positions, the lists are all found again rather than updated.
    static let updateLimit = 256

    /// Each position's digest of its tags and category (`key(tags:category:)`).
    let keys: [UInt64]
    let lists: [[Int]]
    /// Each position's tags, encoded; made into strings only for the positions that changed.
    private let tagBlocks: [ArraySlice<UInt8>]

    /// The file for a build whose guide cache is in `guideCacheFolder` (`.prepress-cache/guides`).
    static func path(besides guideCacheFolder: String) -> String {
        SealedCacheFile.path(fileName, besides: guideCacheFolder)
    }

    /// The digest of what a position's related guides are found from: its tags as front matter spells them,
    /// in order, and its category.
    static func key(tags: [String], category: String?) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for tag in tags {
            bytes.append(contentsOf: tag.utf8)
            bytes.append(0x1F)
        }
        if let category {
            bytes.append(0x1E)
            bytes.append(contentsOf: category.utf8)
        }
        return XXHash64.hash(bytes)
    }

    /// The tags position `index` had.
    func tags(at index: Int) -> [String] {
        var reader = CacheReader(tagBlocks[index], checksummed: true)
        return reader.array { $0.string() }
    }

    /// The lists in the file at `path`, when the same executable wrote them for the same number of related
    /// guides; nil for anything else, or a file that does not read back whole.
    static func read(from path: String, identity: String, limit: Int) -> RelatedListCache? {
        guard var reader = SealedCacheFile.reader(at: path, kind: magic, identity: identity),
              reader.number() == UInt64(limit) else { return nil }
        let count = reader.count()
        var keys: [UInt64] = []
        keys.reserveCapacity(count)
        for _ in 0..<count where !reader.failed { keys.append(reader.number()) }
        var lists: [[Int]] = []
        lists.reserveCapacity(count)
        for _ in 0..<count where !reader.failed {
            let length = reader.count()
            var list: [Int] = []
            list.reserveCapacity(length)
            for _ in 0..<length where !reader.failed {
                let position = reader.number()
                if position >= UInt64(count) { return nil }
                list.append(Int(position))
            }
            lists.append(list)
        }
        // Each position's tags are only skipped here, and kept as the bytes they are.
        var blocks: [ArraySlice<UInt8>] = []
        blocks.reserveCapacity(count)
        for _ in 0..<count where !reader.failed {
            let start = reader.position
            for _ in 0..<reader.count() where !reader.failed { reader.skip(reader.count()) }
            blocks.append(reader.bytes(from: start))
        }
        guard !reader.failed, reader.isAtEnd else { return nil }
        return RelatedListCache(keys: keys, lists: lists, tagBlocks: blocks)
    }

    /// Writes the lists found for guides of these tags and categories, position by position.
    static func write(to path: String, identity: String, limit: Int, keys: [UInt64], lists: [[Int]],
                      tags: (Int) -> [String]) {
        var writer = SealedCacheFile.writer(kind: magic, identity: identity, capacity: keys.count * 80)
        writer.number(UInt64(limit))
        writer.number(UInt64(keys.count))
        for key in keys { writer.number(key) }
        for list in lists {
            writer.number(UInt64(list.count))
            for position in list { writer.number(UInt64(position)) }
        }
        for index in keys.indices { writer.array(tags(index)) { $0.string($1) } }
        SealedCacheFile.write(writer, to: path)
    }
}
