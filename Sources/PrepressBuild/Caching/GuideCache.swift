internal import CLZ4
import Foundation
import PrepressContent
import PrepressMarkdown
#if canImport(Glibc)
import Glibc
#endif

/// Each guide as the last builds parsed and rendered it, in `<site>/.prepress-cache/guides/`, found by the
/// digest of its file's bytes and its path under content/: a rebuild parses and renders again only the guides whose files changed.
/// Entries are kept in 256 shard files by the digest's first byte (`00.bin` … `ff.bin`): a cold build writes
/// 256 files, not one per guide, and a rebuild after an edit rewrites the one shard holding the edited guide.
/// A shard's entries are two LZ4 blocks (together a fifth of their bytes on the bench corpus): the guides' HTML
/// and answers in one, made into strings only when a page that shows them is rendered (`ShardTexts`,
/// `DeferredBody`), the rest in the other.
///
/// An entry holds the front matter, the warnings and where the body starts (the body itself is cut from the
/// file read again), and the rendered Markdown with the options it was rendered with. An entry is used only by
/// the same prepress (its header names the executable), only for the same bytes, and its rendering only with
/// the same Markdown options and when each of its links still leads where it led (`GuideRenderer`); anything
/// else, or an entry that does not read back whole, is parsed and rendered anew. After a build that succeeded,
/// the new entries are written and those of files no longer in the site deleted (`save()`).
final class GuideCache: ParsedGuideCache, @unchecked Sendable {
    static let folderName = "guides"
    static let magic = "prepress guide cache 5"

    let folder: String
    /// The executable: another prepress may parse or render differently.
    let identity: String

    fileprivate struct Entry {
        var digest: UInt64
        /// The path messages showed for the guide when it was parsed (`BuildOptions.displayPath`): its warnings
        /// and places name it, and are shown with this build's where the two differ (`--site .` in the site
        /// folder, `--site site` beside it).
        var displayPath: String
        var bodyOffset: Int
        /// The parsed guide, its body left out.
        var parsed: ParsedGuide
        var rendering: (key: String, rendered: RenderedMarkdown)?
        /// The guide's words for the search index (`GuideWords`), made from this front matter and rendering.
        var searchWords: [UInt8]?
        /// Whether this build made it (and `save()` writes it).
        var isNew: Bool
    }

    private let lock = NSLock()
    /// This build's guides, by the path shown for them.
    private var entries: [String: Entry] = [:]
    private(set) var hits = 0

    /// Whether entries are read: a build with `--force` reads none (it parses and renders every guide) but
    /// still writes them, for the builds after it.
    let reads: Bool

    init(folder: String, identity: String, reads: Bool = true) {
        self.folder = folder
        self.identity = identity
        self.reads = reads
    }

    static func folder(for options: BuildOptions) -> String {
        (options.siteDirectory as NSString).appendingPathComponent(BuildStamp.folderName + "/" + folderName)
    }

    // MARK: Parsing

    /// The key of the renderings this build's Markdown stage reuses (`GuideRenderer.renderKey`), when known
    /// before the content loads: a cached guide rendered with it and without links (whose destinations the
    /// stage checks again) is loaded without its body, which nothing would read — a rebuild of a large site
    /// would otherwise hold every body (a hundred megabytes at 10,000 guides) at once beside the renderings.
    var reusedRenderKey: String? {
        get { lock.withLock { renderKeyReused } }
        set { lock.withLock { renderKeyReused = newValue } }
    }
    private var renderKeyReused: String?

    /// The digests of content/'s files that the build stamp's fingerprint took before this build loaded them,
    /// by path under content/: those files' cached guides are loaded without reading them
    /// (`parsedGuide(unread:…)`). The files may change after: the build then makes the site of the bytes the
    /// fingerprint saw, and the stamp it records names those bytes, so the next build sees the change.
    var knownContent: [String: KnownFile] {
        get { lock.withLock { contentKnown } }
        set { lock.withLock { contentKnown = newValue } }
    }
    private var contentKnown: [String: KnownFile] = [:]

    /// A file's digest known before the loader runs, and whether this build read none of its bytes (the index
    /// of the last build's inputs vouched for them) rather than hashing them in its fingerprint.
    struct KnownFile: Sendable, Equatable {
        var hash: UInt64
        var unread: Bool
    }

    /// content/, where a guide loaded without its file is read after all when its body is needed.
    var contentFolder: String?
    /// Guides loaded without reading their files, and those of them whose files this build read nothing of.
    private(set) var unreadHits = 0
    private(set) var neverReadHits = 0
    /// Those guides, by the path shown for them: where each one's body is, should the Markdown stage need it.
    private var unread: [String: (relativePath: String, bodyOffset: Int, hash: UInt64)] = [:]

    /// A guide whose bytes are known is loaded without reading its file when its rendering is of this build's
    /// Markdown options: its body is read only if a link of it now leads elsewhere (`unreadBody(of:)`).
    func parsedGuide(unread relativePath: String, displayPath: String) -> ParsedGuide? {
        guard reads, contentFolder != nil, let known = lock.withLock({ contentKnown[relativePath] }),
              var entry = storedEntry(Self.digest(fileHash: known.hash, relativePath)),
              let key = entry.rendering?.key, key == reusedRenderKey
        else { return nil }
        entry.show(as: displayPath)
        lock.lock()
        entries[displayPath] = entry
        unread[displayPath] = (relativePath, entry.bodyOffset, known.hash)
        hits += 1
        unreadHits += 1
        if known.unread { neverReadHits += 1 }
        lock.unlock()
        return entry.parsed
    }

    /// Why a guide's body could not be read after all.
    enum UnreadBodyFailure: Error {
        /// Its bytes are no longer those the build loaded it by (its file changed, or went, meanwhile).
        case changed
    }

    /// The body of a guide loaded without its file, read from it now; nil for a guide whose file was read.
    func unreadBody(of displayPath: String) -> Result<String, UnreadBodyFailure>? {
        guard let known = lock.withLock({ unread[displayPath] }), let folder = contentFolder else { return nil }
        guard case .success(let file) = FileBytes.read(folder + "/" + known.relativePath),
              file.bytes.withUnsafeBytes({ XXHash64.hash($0) }) == known.hash,
              known.bodyOffset <= file.bytes.count,
              let body = String(validating: file.bytes[known.bodyOffset...], as: UTF8.self)
        else { return .failure(.changed) }
        return .success(body)
    }

    func parsedGuide(text: String, file: FileIdentity, relativePath: String, displayPath: String) -> ParsedGuide? {
        var bytes = text
        let hash = bytes.withUTF8 { XXHash64.hash(UnsafeRawBufferPointer($0)) }
        lock.lock()
        contentDigests[relativePath] = BuildFingerprint.FileDigest(hash: hash, file: file)
        lock.unlock()
        guard reads else { return nil }
        let digest = Self.digest(fileHash: hash, relativePath)
        guard var entry = storedEntry(digest), entry.bodyOffset <= text.utf8.count else { return nil }
        entry.show(as: displayPath)
        let reused = entry.rendering.map { $0.key == reusedRenderKey && $0.rendered.links.isEmpty } ?? false
        entry.parsed.body = reused ? "" : String(decoding: text.utf8.dropFirst(entry.bodyOffset), as: UTF8.self)
        let parsed = entry.parsed
        entry.parsed.body = ""
        lock.lock()
        entries[displayPath] = entry
        hits += 1
        lock.unlock()
        return parsed
    }

    func record(_ parsed: ParsedGuide, text: String, relativePath: String, displayPath: String) {
        // The body must be the end of the file, as the parser cuts it, to be cut again from the file.
        var text = text
        var body = parsed.body
        let isSuffix = text.withUTF8 { whole in
            body.withUTF8 { body in
                body.count <= whole.count
                    && (body.isEmpty || memcmp(whole.baseAddress! + (whole.count - body.count), body.baseAddress!, body.count) == 0)
            }
        }
        guard isSuffix else { return }
        var kept = parsed
        kept.body = ""
        // The loader asked for the guide first (`parsedGuide(text:…)`), which hashed the bytes.
        let known = lock.withLock { contentDigests[relativePath]?.hash }
        let hash = known ?? text.withUTF8 { XXHash64.hash(UnsafeRawBufferPointer($0)) }
        let entry = Entry(digest: Self.digest(fileHash: hash, relativePath), displayPath: displayPath,
                          bodyOffset: text.utf8.count - parsed.body.utf8.count,
                          parsed: kept, rendering: nil, searchWords: nil, isNew: true)
        lock.lock()
        entries[displayPath] = entry
        lock.unlock()
    }

    // MARK: Inputs for the build stamp

    /// The content files the loader listed, and each guide's digest and status as it was read
    /// (`parsedGuide(text:…)`): the build stamp's fingerprint of content/ without reading every guide again
    /// (`BuildFingerprint`).
    private var contentListing: [String]?
    private var contentDigests: [String: BuildFingerprint.FileDigest] = [:]

    func listedContent(_ relativePaths: [String]) {
        lock.lock()
        contentListing = relativePaths
        lock.unlock()
    }

    /// What this build's loader saw of content/, when it listed the folder.
    var contentInputs: BuildFingerprint.ContentInputs? {
        lock.lock()
        defer { lock.unlock() }
        return contentListing.map { BuildFingerprint.ContentInputs(files: $0, read: contentDigests) }
    }

    // MARK: Rendering

    /// The guide's rendered Markdown from an earlier build with the same Markdown options (`key`).
    func rendering(of displayPath: String, key: String) -> RenderedMarkdown? {
        lock.lock()
        defer { lock.unlock() }
        guard let index = entries.index(forKey: displayPath),
              let rendering = inPlace(index, { $0.rendering.flatMap { $0.key == key ? $0.rendered : nil } }) else { return nil }
        return rendering
    }

    /// Reads the entry at `index` where it is: `entries[path]?.field` and `entries.values[index].field` both
    /// copy the whole entry first (retaining each of its strings), while an `inout` access does not.
    private func inPlace<T>(_ index: Dictionary<String, Entry>.Index, _ read: (inout Entry) -> T) -> T {
        read(&entries.values[index])
    }

    /// Keeps a guide's rendered Markdown (when its parse is known to the cache).
    func record(_ rendered: RenderedMarkdown, of displayPath: String, key: String) {
        lock.lock()
        defer { lock.unlock() }
        // By index: `entries[displayPath] != nil` would copy (and retain) the whole entry.
        guard let index = entries.index(forKey: displayPath) else { return }
        entries.values[index].rendering = (key, rendered)
        // Words read from another rendering no longer hold.
        entries.values[index].searchWords = nil
        entries.values[index].isNew = true
    }

    // MARK: Search

    /// The guide's words for the search index, when its entry has them (same front matter and rendering).
    func searchWords(of displayPath: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        // In place: `entries[displayPath]?.searchWords` would copy (and retain) the whole entry.
        guard let index = entries.index(forKey: displayPath) else { return nil }
        return inPlace(index) { $0.searchWords }
    }

    func record(searchWords: [UInt8], of displayPath: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let index = entries.index(forKey: displayPath), inPlace(index, { $0.rendering != nil }) else { return }
        entries.values[index].searchWords = searchWords
        entries.values[index].isNew = true
    }

    // MARK: Files

    private static let shardCount = 256

    /// Each shard's entries, decoded when the shard is first needed (its bytes let go at once: holding every
    /// shard's bytes and their strings together would double the build's memory), while the build reads them;
    /// after it, only which digests each held.
    private var shards: [[UInt64: Entry]?] = Array(repeating: nil, count: GuideCache.shardCount)
    private var shardDigests: [Set<UInt64>?] = Array(repeating: nil, count: GuideCache.shardCount)

    private static func shard(of digest: UInt64) -> Int { Int(digest >> 56) }

    private func shardPath(_ shard: Int) -> String {
        folder + "/" + String(format: "%02x.bin", shard)
    }

    /// An entry of an earlier build, its shard read and decoded when first needed.
    private func storedEntry(_ digest: UInt64) -> Entry? {
        let number = Self.shard(of: digest)
        lock.lock()
        if let shard = shards[number] {
            lock.unlock()
            return shard[digest]
        }
        lock.unlock()
        var decoded: [UInt64: Entry] = [:]
        if let shard = readShard(number) {
            for (key, stored) in shard.entries {
                if let entry = decode(stored.bytes, digest: key, texts: shard.texts, at: stored.texts) { decoded[key] = entry }
            }
        }
        lock.lock()
        if shards[number] == nil {
            shards[number] = decoded
            shardDigests[number] = Set(decoded.keys)
        }
        let entry = shards[number]?[digest]
        lock.unlock()
        return entry
    }

    /// A shard's guides' HTML and answers: its second LZ4 block, decompressed when a page first asks for one of
    /// them (`DeferredBody`), its checksum checked when the shard was read.
    final class ShardTexts: @unchecked Sendable {
        private let block: ArraySlice<UInt8>
        private let length: UInt64
        private let lock = NSLock()
        private var decompressed: [UInt8]?

        init(block: ArraySlice<UInt8>, length: UInt64) {
            self.block = block
            self.length = length
        }

        /// The block's bytes; nil when it does not decompress to as many as it should.
        var bytes: [UInt8]? {
            lock.withLock {
                if decompressed == nil { decompressed = GuideCache.decompress(block, length: length) }
                return decompressed
            }
        }

        /// The bytes of one entry's texts.
        func section(_ range: Range<Int>) -> ArraySlice<UInt8> {
            guard let bytes, range.upperBound <= bytes.count else {
                preconditionFailure("a build cache shard's texts do not decompress as their checksum said")
            }
            return bytes[range]
        }
    }

    /// A shard file's entries, each its bytes and where its texts are in the shard's texts. After the magic and
    /// the executable: the entries' length, a checksum and the length of their LZ4 block and the block, which
    /// holds each entry's digest, length, bytes and the length of its texts; then the texts' length, a checksum
    /// of their LZ4 block and the block, each entry's texts one after another. A file that does not read back
    /// whole is no shard.
    private func readShard(_ number: Int) -> (entries: [UInt64: (bytes: ArraySlice<UInt8>, texts: Range<Int>)], texts: ShardTexts)? {
        // Read straight into the array: `FileManager.contents` makes a `Data` that `[UInt8](data)` then copies,
        // twice the page faults and a copy of every shard's megabyte.
        guard case .success(let file) = FileBytes.read(shardPath(number)) else { return nil }
        var header = CacheReader(file.bytes)
        guard header.string() == Self.magic, header.string() == identity else { return nil }
        let length = header.number()
        let checksum = header.number()
        let compressed = header.take(header.count())
        let textLength = header.number()
        let textChecksum = header.number()
        guard !header.failed else { return nil }
        let textBlock = file.bytes[header.position...]
        // A damaged block may still decompress, to other bytes; its checksum tells.
        guard compressed.withUnsafeBytes({ XXHash64.hash($0) }) == checksum,
              textBlock.withUnsafeBytes({ XXHash64.hash($0) }) == textChecksum,
              let block = Self.decompress(compressed, length: length) else { return nil }
        var reader = CacheReader(block)
        var entries: [UInt64: (bytes: ArraySlice<UInt8>, texts: Range<Int>)] = [:]
        var textOffset = 0
        while !reader.isAtEnd {
            let digest = reader.number()
            let length = reader.count()
            let bytes = reader.take(length)
            let texts = Int(clamping: reader.number())
            guard !reader.failed, texts <= Int(clamping: textLength) - textOffset else { return nil }
            entries[digest] = (bytes, textOffset..<textOffset + texts)
            textOffset += texts
        }
        guard UInt64(textOffset) == textLength else { return nil }
        return (entries, ShardTexts(block: textBlock, length: textLength))
    }

    /// Lets the decoded shards go once every guide is loaded (the entries in use are this build's).
    func releaseShards() {
        lock.lock()
        shards = Array(repeating: nil, count: Self.shardCount)
        lock.unlock()
    }

    /// Writes again each shard whose entries this build changed: this build's entries, new ones encoded and
    /// the others copied from the shard as it was; entries of files no longer in the site are left out. A
    /// cache that cannot be written only means the next build parses more.
    func save() {
        lock.lock()
        // The dictionary is shared, not copied; entries are read in place, each one copied only to be encoded
        // (copying 10,000 entries into arrays by shard took a quarter of this, on one thread, after the build).
        let all = entries
        let known = shardDigests
        lock.unlock()
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let indexed = reads ? nil : readIndex()
        var byShard: [[(digest: UInt64, position: Dictionary<String, Entry>.Index)]] = Array(repeating: [], count: Self.shardCount)
        for position in all.indices {
            let digest = all.values[position].digest
            byShard[Self.shard(of: digest)].append((digest, position))
        }
        for number in byShard.indices { byShard[number].sort { $0.digest < $1.digest } }
        let grouped = byShard
        _ = Array(0..<Self.shardCount).parallelMap { number in
            let members = grouped[number]
            let digests = Set(members.map(\.digest))
            let hasNew = members.contains { all.values[$0.position].isNew }
            let hasOld = members.contains { !all.values[$0.position].isNew }
            // A build that did not read the shard (--force) still leaves it alone when it holds these guides:
            // the same digests, from the same prepress, are the same bytes (the index says which it holds).
            let before = known[number] ?? indexed?[number] ?? readShard(number).map { Set($0.entries.keys) } ?? []
            if before == digests, known[number] == nil || !hasNew { return }
            if members.isEmpty {
                unlink(shardPath(number))
                return
            }
            let old = hasOld ? readShard(number) : nil
            var writer = CacheWriter(capacity: 1 << 18)
            var texts = CacheWriter(capacity: 1 << 20)
            for member in members {
                // The entry's texts go straight to the shard's.
                let textStart = texts.bytes.count
                let bytes: ArraySlice<UInt8>
                if all.values[member.position].isNew {
                    bytes = encode(all.values[member.position], texts: &texts)[...]
                } else if let old, let stored = old.entries[member.digest], let oldTexts = old.texts.bytes,
                          stored.texts.upperBound <= oldTexts.count {
                    bytes = stored.bytes
                    texts.append(oldTexts[stored.texts])
                } else {
                    continue
                }
                writer.number(member.digest)
                writer.number(UInt64(bytes.count))
                writer.append(bytes)
                writer.number(UInt64(texts.bytes.count - textStart))
            }
            // A shard LZ4 cannot take (over 2 GB) is dropped: the index must not name entries it lacks.
            guard let block = Self.compress(writer.bytes), let textBlock = Self.compress(texts.bytes) else {
                unlink(shardPath(number))
                return
            }
            var file = CacheWriter(capacity: block.count + textBlock.count + 256)
            file.string(Self.magic)
            file.string(identity)
            file.number(UInt64(writer.bytes.count))
            file.number(block.withUnsafeBytes { XXHash64.hash($0) })
            file.number(UInt64(block.count))
            file.append(block[...])
            file.number(UInt64(texts.bytes.count))
            file.number(textBlock.withUnsafeBytes { XXHash64.hash($0) })
            file.append(textBlock[...])
            AtomicFile.write(file.bytes, to: shardPath(number), flush: false)
        }
        writeIndex(byShard.map { Set($0.map(\.digest)) })
    }

    /// `bytes` as one LZ4 block; nil when LZ4 cannot take them (more than it can address).
    private static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count <= Int(LZ4_MAX_INPUT_SIZE) else { return nil }
        let bound = Int(LZ4_compressBound(Int32(bytes.count)))
        let block = [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            count = bytes.withUnsafeBytes { source in
                // LZ4's default speed: a cold build compresses every shard, a rebuild decompresses every one.
                Int(LZ4_compress_default(source.baseAddress?.assumingMemoryBound(to: CChar.self),
                                         UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                                         Int32(bytes.count), Int32(bound)))
            }
        }
        return block.isEmpty && !bytes.isEmpty ? nil : block
    }

    /// The `length` bytes the LZ4 block `block` holds; nil when it does not decompress to exactly that many.
    fileprivate static func decompress(_ block: ArraySlice<UInt8>, length: UInt64) -> [UInt8]? {
        guard length <= UInt64(LZ4_MAX_INPUT_SIZE), block.count <= Int(Int32.max) else { return nil }
        let size = Int(length)
        if size == 0 { return block.isEmpty ? [] : nil }
        var made: Int32 = -1
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            made = block.withUnsafeBytes { source in
                LZ4_decompress_safe(source.baseAddress?.assumingMemoryBound(to: CChar.self),
                                    UnsafeMutableRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                                    Int32(block.count), Int32(size))
            }
            count = made == Int32(size) ? size : 0
        }
        return made == Int32(size) ? bytes : nil
    }

    /// `index.bin`: the digests each shard holds, so that a build that reads no entry (--force) can tell
    /// which shards it would write unchanged without reading them.
    private var indexPath: String { folder + "/index.bin" }

    private func writeIndex(_ shards: [Set<UInt64>]) {
        var writer = CacheWriter(capacity: 16 * 1024)
        writer.string(Self.magic)
        writer.string(identity)
        for digests in shards { writer.array(digests.sorted()) { $0.number($1) } }
        AtomicFile.write(writer.bytes, to: indexPath, flush: false)
    }

    private func readIndex() -> [Set<UInt64>]? {
        guard let data = FileManager.default.contents(atPath: indexPath) else { return nil }
        var reader = CacheReader([UInt8](data))
        guard reader.string() == Self.magic, reader.string() == identity else { return nil }
        let shards = (0..<Self.shardCount).map { _ in Set(reader.array { $0.number() }) }
        return reader.failed || !reader.isAtEnd ? nil : shards
    }

    /// The digest an entry is found by: the digest of the file's bytes (XXH64, as the build stamp's fingerprint
    /// takes it, so that a file the fingerprint hashed is found without being read again) and its path under
    /// content/ (not as messages show it, which depends on how the site folder was named: `Entry.displayPath`).
    static func digest(fileHash: UInt64, _ relativePath: String) -> UInt64 {
        var path = relativePath
        return path.withUTF8 { XXHash64.hash(UnsafeRawBufferPointer($0), seed: fileHash) }
    }

    /// An entry's bytes; its rendering's HTML and answers go to `texts`.
    private func encode(_ entry: Entry, texts: inout CacheWriter) -> [UInt8] {
        var writer = CacheWriter(capacity: 2048)
        writer.number(entry.digest)
        writer.string(entry.displayPath)
        writer.number(UInt64(entry.bodyOffset))
        writer.frontMatter(entry.parsed.frontMatter)
        writer.integer(entry.parsed.bodyStartLine)
        writer.array(entry.parsed.warnings) { $0.diagnostic($1) }
        writer.optional(entry.rendering) { writer, rendering in
            writer.string(rendering.key)
            writer.rendered(rendering.rendered, texts: &texts)
        }
        writer.optional(entry.searchWords) { writer, words in
            writer.number(UInt64(words.count))
            writer.append(words[...])
        }
        return writer.bytes
    }

    /// An entry of a shard whose checksums held (`readShard`), its texts at `range` in the shard's.
    private func decode(_ bytes: ArraySlice<UInt8>, digest: UInt64, texts: ShardTexts, at range: Range<Int>) -> Entry? {
        var reader = CacheReader(bytes, checksummed: true)
        guard reader.number() == digest else { return nil }
        let displayPath = reader.string()
        let bodyOffset = Int(reader.number())
        let matter = reader.frontMatter()
        let bodyStartLine = reader.integer()
        let warnings = reader.array { $0.diagnostic() }
        let rendering = reader.optional { reader in (reader.string(), reader.rendered { texts.section(range) }) }
        let searchWords = reader.optional { reader in Array(reader.take(reader.count())) }
        guard !reader.failed, reader.isAtEnd else { return nil }
        return Entry(digest: digest, displayPath: displayPath, bodyOffset: bodyOffset,
                     parsed: ParsedGuide(frontMatter: matter, body: "", bodyStartLine: bodyStartLine, warnings: warnings),
                     rendering: rendering.map { (key: $0.0, rendered: $0.1) }, searchWords: searchWords, isNew: false)
    }
}

extension GuideCache.Entry {
    /// Shows the guide's warnings and places under `path` where they named the path it was parsed under.
    /// Not recorded as new: the shard keeps the entry as it was, and the next build shows it again.
    mutating func show(as path: String) {
        let old = displayPath
        guard old != path else { return }
        func move(_ location: inout SourceLocation) {
            if location.file == old { location.file = path }
        }
        for index in parsed.warnings.indices { move(&parsed.warnings[index].location) }
        for key in Array(parsed.frontMatter.locations.keys) { move(&parsed.frontMatter.locations[key]!) }
        for index in parsed.frontMatter.aliases.indices { move(&parsed.frontMatter.aliases[index].location) }
        displayPath = path
    }
}
