import Foundation
import PrepressContent

/// Where the last build placed its guides (`GuidePlacer`), in `<site>/.prepress-cache/placement`, with a
/// digest of everything placing read: a rebuild whose guides have the same paths, terms, slugs, categories,
/// dates, drafts and places of those keys, in the same order, under the same options, takes the URLs and the
/// warnings as they are — an edit of a body, tags or a description does not make 10,000 slugs and URLs again
/// (about 40 ms of a rebuild's wall time at 10,000 guides). Written by the same prepress only (its header names
/// the executable), and only for a placing without errors; read whole or not at all (a checksum covers it);
/// deleting it is safe.
struct PlacementCache {
    static let fileName = "placement"
    static let magic = "prepress placement 1"

    /// Each placed guide, in the order placing gave: its position among the sources, its slug and its URL path.
    var placed: [(index: Int, slug: String, path: String)]
    /// The sources left out (drafts, future guides), by position.
    var leftOut: [Int]
    /// The warnings placing gave.
    var diagnostics: [Diagnostic]

    /// The front matter keys whose places a placing warning may name.
    private static let placedBy = ["slug", "term", "title"]

    static func path(besides guideCacheFolder: String) -> String {
        SealedCacheFile.path(fileName, besides: guideCacheFolder)
    }

    /// The digest of all that `placer` reads of `sources`, in their order.
    static func key(of sources: [GuideSource], placer: GuidePlacer) -> UInt64 {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 + sources.count * 256)
        func number(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }
        func text(_ value: String?) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            number(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }
        text(placer.permalink.description)
        for folder in placer.reservedFolders.sorted() { text(folder) }
        number(sources.count)
        sources.withUnsafeBufferPointer { sources in
            for index in sources.indices {
                let source = sources.baseAddress! + index
                text(source.pointee.relativePath)
                text(source.pointee.displayPath)
                text(source.pointee.parsed.frontMatter.term)
                text(source.pointee.parsed.frontMatter.slug)
                text(source.pointee.parsed.frontMatter.category)
                let date = source.pointee.parsed.frontMatter.pubDate
                if let date {
                    for part in [date.year, date.month, date.day, date.secondOfDay ?? -1, date.offsetMinutes ?? -100_000] { number(part) }
                } else {
                    number(Int.min)
                }
                bytes.append(placer.isPublished(draft: source.pointee.parsed.frontMatter.draft, pubDate: date) ? 1 : 0)
                for key in Self.placedBy {
                    guard let location = source.pointee.parsed.frontMatter.locations[key] else {
                        bytes.append(0)
                        continue
                    }
                    text(location.file)
                    number(location.line)
                    number(location.column)
                }
            }
        }
        return XXHash64.hash(bytes)
    }

    /// The placing recorded for `key`, when the same executable recorded it; nil for anything else, or a file
    /// that does not read back whole.
    static func read(from path: String, identity: String, key: UInt64, sourceCount: Int) -> PlacementCache? {
        guard var reader = SealedCacheFile.reader(at: path, kind: magic, identity: identity), reader.number() == key else { return nil }
        var cache = PlacementCache(placed: [], leftOut: [], diagnostics: [])
        let count = reader.count()
        cache.placed.reserveCapacity(count)
        for _ in 0..<count where !reader.failed {
            let index = Int(clamping: reader.number())
            let slug = reader.string()
            cache.placed.append((index, slug, reader.string()))
        }
        cache.leftOut = reader.array { Int(clamping: $0.number()) }
        cache.diagnostics = reader.array { $0.diagnostic() }
        guard !reader.failed, reader.isAtEnd,
              cache.placed.allSatisfy({ $0.index < sourceCount }), cache.leftOut.allSatisfy({ $0 < sourceCount })
        else { return nil }
        return cache
    }

    func write(to path: String, identity: String, key: UInt64) {
        var writer = SealedCacheFile.writer(kind: Self.magic, identity: identity, capacity: placed.count * 96)
        writer.number(key)
        writer.number(UInt64(placed.count))
        for guide in placed {
            writer.number(UInt64(guide.index))
            writer.string(guide.slug)
            writer.string(guide.path)
        }
        writer.array(leftOut) { $0.number(UInt64($1)) }
        writer.array(diagnostics) { $0.diagnostic($1) }
        SealedCacheFile.write(writer, to: path)
    }
}
