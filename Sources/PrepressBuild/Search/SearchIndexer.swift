import Foundation
import PrepressContent
import PrepressMarkdown

/// Writes the site's search index under `search/`: a small description of it, the words split into shards
/// by their first letters, each guide's display data in chunks, and each guide's filters. The format and the
/// ranking are in docs/search.md; `search.js` in the theme reads them.
///
/// Ranking is BM25F (Robertson and Zaragoza's field-weighted BM25): each field's term frequency is
/// normalised by the field's length against its average, weighted, summed, and saturated with `k1`; that
/// part depends only on the guide and the word, so it is worked out here and stored as one byte per posting
/// (the word's *impact* in the guide). The client multiplies it by the word's idf, from the number of guides
/// the word is in, and adds the words of a query up.
struct SearchIndexer {
    let context: SiteContext
    /// Each guide's words from earlier builds (`prepress build`'s cache); nil reads every guide.
    var cache: GuideCache? = nil
    /// The guides' words, when they are being counted already (`countWords`: a build counts them beside the
    /// stages between the Markdown and this one); nil counts them when the files are made.
    var counting: BackgroundWork<[GuideWords]>? = nil

    static let folder = "search/"
    /// The search page's path: beside the index.
    static let pagePath = "search/"
    /// Guides per file of display data: a query's results read a few such files, not all of them.
    static let chunkSize = 8
    static let k1 = 1.2
    static let b = 0.75

    /// The fields of a guide, by weight: a word in the term, a question or a tag counts above one in the body.
    enum Field: Int, CaseIterable {
        case term, question, tag, taxonomy, heading, description, body

        var weight: Double {
            switch self {
            case .term: 10
            case .question: 6
            case .tag: 6
            case .taxonomy: 4
            case .heading: 3
            case .description: 2
            case .body: 1
            }
        }
    }

    /// Which display files are kept as the last build wrote them: `keep` says whether the file at a path,
    /// whose contents have this digest (`chunkDigest`), is (a rebuild where it made a file of the same digest);
    /// when it is, the file is not made. `bodyDigests` are the guides' `bodyDigest`s by position, as the page
    /// record took them (a fresh rendering's is its HTML and answers hashed: taken once, not again here).
    struct ChunkKeeping: Sendable {
        var bodyDigests: [UInt64]
        var keep: @Sendable (_ path: String, _ digest: UInt64) -> Bool
    }

    /// Every file of the index, by path under the output folder; `keep` as in `ChunkKeeping`.
    func files(keeping keep: ChunkKeeping? = nil) -> [RenderedPage] {
        let guides = context.guides
        let order = Self.documentOrder(guides)
        let words = (counting ?? Self.countWords(Array(guides), cache: cache)).results.flatMap { $0 }
        let averages = averageLengths(words)
        let postings = indexWords(order, words: words, averages: averages)
        let (keys, shards) = shardFiles(postings)
        let facets = Facets(context: context)
        return shards + chunkFiles(order, facets: facets, keeping: keep) + [
            RenderedPage(path: Self.folder + "facets.bin", bytes: facets.encoded(order)),
            RenderedPage(path: Self.folder + "index.json", bytes: meta(documents: order.count, shards: keys, facets: facets)),
        ]
    }

    /// The guides' places in the index: by category, vertical, term and slug (their UTF-8 bytes), so that a
    /// query's results, which tend to share them, share chunks of display data.
    static func documentOrder(_ guides: GuideList) -> [Int] {
        // Each guide's key in one buffer, its four parts each ended by a zero byte, so that comparing two
        // keys is comparing bytes (a tuple of strings would be copied, and retained, at every comparison).
        // The guides are read in place: iterating them copied (and retained) each whole guide.
        var keys: [UInt8] = []
        keys.reserveCapacity(guides.count * 96)
        var starts: [Int] = [0]
        starts.reserveCapacity(guides.count + 1)
        func add(_ part: String?) {
            if let part { keys += part.utf8 }
            keys.append(0)
        }
        for index in guides.indices {
            let guide = guides.pointer(at: index)
            add(guide.pointee.frontMatter.category)
            add(guide.pointee.frontMatter.vertical)
            add(guide.pointee.frontMatter.term)
            add(guide.pointee.slug)
            starts.append(keys.count)
        }
        return keys.withUnsafeBufferPointer { keys in
            Array(0..<guides.count).sorted { first, second in
                let a = keys.baseAddress! + starts[first], b = keys.baseAddress! + starts[second]
                let aCount = starts[first + 1] - starts[first], bCount = starts[second + 1] - starts[second]
                let order = memcmp(a, b, min(aCount, bCount))
                return order != 0 ? order < 0 : aCount < bCount
            }
        }
    }

    // MARK: Words

    /// The words of each field of a guide, one call per word.
    private static func fields(of guide: UnsafePointer<Guide>, tokenizer: SearchTokenizer,
                               _ visit: (Field, UnsafeBufferPointer<UInt8>) -> Void) {
        // Read in place: `let matter = guide.pointee.frontMatter` would copy (and retain) every field.
        tokenizer.words(in: guide.pointee.frontMatter.term) { visit(.term, $0) }
        let groups = guide.pointee.rendered.questionGroups
        for group in groups.indices {
            for question in groups[group].questions.indices {
                tokenizer.words(in: groups[group].questions[question].text) { visit(.question, $0) }
            }
        }
        for tag in guide.pointee.frontMatter.tags { tokenizer.words(in: tag) { visit(.tag, $0) } }
        if let category = guide.pointee.frontMatter.category { tokenizer.words(in: category) { visit(.taxonomy, $0) } }
        if let vertical = guide.pointee.frontMatter.vertical { tokenizer.words(in: vertical) { visit(.taxonomy, $0) } }
        let headings = guide.pointee.rendered.headings
        for heading in headings.indices { tokenizer.words(in: headings[heading].text) { visit(.heading, $0) } }
        if let description = guide.pointee.frontMatter.description {
            tokenizer.words(in: description) { visit(.description, $0) }
        }
        tokenizer.words(in: guide.pointee.rendered.html, html: true) { visit(.body, $0) }
    }

    /// The ranges of documents each core indexes: several per core, so that all finish together.
    private static func ranges(_ count: Int) -> [Range<Int>] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = max(64, (count + cores * 8 - 1) / (cores * 8))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    /// Each guide's words with their counts by field, and its fields' lengths (`GuideWords`), by guide: from
    /// the build cache where the guide's entry is unchanged, else read from the guide (and kept for the next).
    /// `guides` are the site's, in list order; the counting begins at once, on other threads, and its results
    /// are those of `ranges(_:)`, in order.
    static func countWords(_ guides: [Guide], cache: GuideCache?) -> BackgroundWork<[GuideWords]> {
        let ranges = ranges(guides.count)
        return BackgroundWork(count: ranges.count) { number in
            // One range's tables are its own: in locals, the word loop runs without exclusivity checks.
            let tokenizer = SearchTokenizer()
            var table = WordTable()
            var counts = FieldCounts()
            // Read in place: `guides[index]` would copy (and retain) the guide.
            return guides.withUnsafeBufferPointer { guides in
                ranges[number].map { index in
                    let guide = guides.baseAddress! + index
                    let displayPath = guide.pointee.source.displayPath
                    if let known = cache?.searchWords(of: displayPath) { return GuideWords(bytes: known) }
                    fields(of: guide, tokenizer: tokenizer) { field, word in
                        counts.count(table.number(ofPadded: word), field.rawValue, document: Int32(index))
                    }
                    var writer = CacheWriter(capacity: 256 + counts.wordCount * 10)
                    for field in Field.allCases {
                        // The body's length is the guide's word count, as readers see it.
                        writer.number(UInt64(field == .body ? guide.pointee.rendered.wordCount : counts.length(of: field.rawValue)))
                    }
                    writer.number(UInt64(counts.wordCount))
                    let fieldCount = Field.allCases.count
                    counts.forEachWord { number, row in
                        table.withBytes(of: number) { writer.bytes(UInt64($0.count), $0) }
                        var mask: UInt64 = 0
                        for field in 0..<fieldCount where row[field] > 0 { mask |= 1 << UInt64(field) }
                        writer.number(mask)
                        for field in 0..<fieldCount where row[field] > 0 { writer.number(UInt64(row[field])) }
                    }
                    let bytes = writer.bytes
                    cache?.record(searchWords: bytes, of: displayPath)
                    return GuideWords(bytes: bytes)
                }
            }
        }
    }

    /// Each field's average length in words over all guides (the body's from the guides' word counts).
    private func averageLengths(_ words: [GuideWords]) -> [Double] {
        var totals = Array(repeating: 0, count: Field.allCases.count)
        for guide in words {
            let lengths = guide.lengths
            for field in totals.indices { totals[field] += lengths[field] }
        }
        let documents = Double(max(words.count, 1))
        return totals.map { max(1, Double($0) / documents) }
    }

    /// Every word's postings, in document order: each a document number (its place in `order`) shifted left
    /// by 8, and its impact in the low byte.
    private func indexWords(_ order: [Int], words: [GuideWords], averages: [Double]) -> [String: [UInt32]] {
        let fieldCount = Field.allCases.count
        let weights = Field.allCases.map(\.weight)
        // One part a core: each part's words are merged by their strings, once per part.
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let size = max(1, (order.count + cores - 1) / cores)
        let ranges = stride(from: 0, to: order.count, by: size).map { $0..<min($0 + size, order.count) }
        let parts: [(words: [String], postings: [[UInt32]])] = ranges.parallelMap { range in
            var table = WordTable()
            var postings: [[UInt32]] = []
            var normals = [Double](repeating: 1, count: fieldCount)
            for document in range {
                words[order[document]].read { lengths in
                    for field in 0..<fieldCount {
                        normals[field] = 1 - Self.b + Self.b * Double(max(lengths[field], 1)) / averages[field]
                    }
                } word: { word, counts in
                    let number = table.number(of: word)
                    if number == postings.count { postings.append([]) }
                    var weighted = 0.0
                    for field in 0..<fieldCount where counts[field] > 0 {
                        weighted += weights[field] * Double(counts[field]) / normals[field]
                    }
                    let impact = weighted / (Self.k1 + weighted)
                    postings[number].append(UInt32(document) << 8 | UInt32(min(255, max(1, (impact * 255).rounded()))))
                }
            }
            let words = (0..<table.count).map { table.word($0) }
            return (words, postings)
        }
        var merged: [String: [UInt32]] = [:]
        merged.reserveCapacity(parts.first?.words.count ?? 0)
        for part in parts {
            for (word, list) in zip(part.words, part.postings) { merged[word, default: []] += list }
        }
        return merged
    }

    // MARK: Files

    /// The first letters a word's shard starts from: two characters, or one for a word of a script written
    /// without spaces (and for a word of one character). A shard larger than `shardLimit` is split by the next
    /// character of its words (`shards(of:)`).
    static func shardKey(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars.prefix(2))
        if let first = scalars.first, SearchText.isPaired(first.value) { return String(first) }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Postings bytes a shard may hold before it is split (its words that are no longer than its key stay).
    static let shardLimit = 24 * 1024

    /// Words grouped into shards by key, each no larger than `shardLimit` unless its words share a longer
    /// prefix no further: a client reads, for a word, the shard of the longest key the word starts with.
    static func shards(of words: [String], size: (String) -> Int) -> [String: [String]] {
        var result: [String: [String]] = [:]
        var pending: [(key: String, words: [String])] = Dictionary(grouping: words, by: shardKey).map { ($0.key, $0.value) }
        while let (key, group) = pending.popLast() {
            let total = group.reduce(0) { $0 + size($1) }
            let depth = key.unicodeScalars.count
            guard total > shardLimit, group.contains(where: { $0.unicodeScalars.count > depth }) else {
                result[key] = group
                continue
            }
            var stay: [String] = []
            var longer: [String: [String]] = [:]
            for word in group {
                let scalars = word.unicodeScalars
                if scalars.count <= depth {
                    stay.append(word)
                } else {
                    longer[String(String.UnicodeScalarView(scalars.prefix(depth + 1))), default: []].append(word)
                }
            }
            if !stay.isEmpty { result[key] = stay }
            pending += longer.map { ($0.key, $0.value) }
        }
        return result
    }

    /// A shard's file name: its key's UTF-8 bytes in hexadecimal, which any server and file system can hold.
    static func shardPath(_ key: String) -> String {
        folder + "t/" + key.utf8.map { byte in String(byte, radix: 16).leftPadded(to: 2) }.joined() + ".bin"
    }

    /// Shards, each its words sorted by their bytes: per word its byte length and bytes, its count of
    /// postings, and each posting as the gap from the last document number and the impact byte; numbers are
    /// unsigned LEB128 varints.
    private func shardFiles(_ postings: [String: [UInt32]]) -> (keys: [String], files: [RenderedPage]) {
        let byShard = Self.shards(of: Array(postings.keys)) { word in word.utf8.count + 2 + postings[word]!.count * 2 }
        let keys = byShard.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let shards = byShard
        return (keys, keys.parallelMap { key in
            var bytes: [UInt8] = []
            for word in shards[key]!.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let list = postings[word]!
                Varint.append(UInt32(word.utf8.count), to: &bytes)
                bytes += word.utf8
                Varint.append(UInt32(list.count), to: &bytes)
                var last: UInt32 = 0
                for posting in list {
                    let document = posting >> 8
                    Varint.append(document - last, to: &bytes)
                    bytes.append(UInt8(posting & 0xFF))
                    last = document
                }
            }
            return RenderedPage(path: Self.shardPath(key), bytes: bytes)
        })
    }

    /// Display data, `chunkSize` guides a file: term, link, description, filters, questions with their
    /// anchors and the start of their answers, and the start of the body, for excerpts. A file `keep` keeps
    /// is not made (a kept page stands for it).
    private func chunkFiles(_ order: [Int], facets: Facets, keeping keep: ChunkKeeping? = nil) -> [RenderedPage] {
        let context = self.context.unretained
        let links = context.guideLinks
        let chunks = stride(from: 0, to: order.count, by: Self.chunkSize).map { $0..<min($0 + Self.chunkSize, order.count) }
        return Array(chunks.enumerated()).parallelMap { number, range in
            let path = Self.folder + "d/\(number).json"
            if let keep, keep.keep(path, Self.chunkDigest(order[range], context: context, links: links, facets: facets,
                                                          bodyDigests: keep.bodyDigests)) {
                return RenderedPage.kept(path)
            }
            var json = JSONWriter(capacity: 32 * 1024)
            json.beginArray()
            for document in range {
                let index = order[document]
                // Read in place: `guides[index]` would copy the guide.
                let guide = UnsafePointer(context.guide(at: index))
                json.beginObject()
                json.member("t", guide.pointee.frontMatter.term)
                json.member("u", links[index])
                if let description = guide.pointee.frontMatter.description { json.member("d", description) }
                let (category, vertical, _) = facets.values(of: index)
                if let category { json.member("c", category) }
                if let vertical { json.member("v", vertical) }
                json.key("q")
                json.beginArray()
                // Read in place, by index: `for question in …` would copy (and retain) each question.
                let groups = guide.pointee.rendered.questionGroups
                for group in groups.indices {
                    for question in groups[group].questions.indices {
                        json.beginArray()
                        json.string(groups[group].questions[question].text)
                        json.string(groups[group].questions[question].anchor)
                        json.string(Self.lead(groups[group].questions[question].answerText, limit: 120))
                        json.endArray()
                    }
                }
                json.endArray()
                json.member("x", Self.lead(SearchText.plainText(html: guide.pointee.rendered.html, limit: 400), limit: 240))
                json.endObject()
            }
            json.endArray()
            return RenderedPage(path: path, bytes: json.output)
        }
    }

    /// A digest of everything a file of display data holds about its guides, without making it: each guide's
    /// term, link, description, category and vertical positions, questions' texts and anchors, and its body's
    /// digest (`bodyDigests`, by position: the HTML and answers the excerpts are cut from). Tags are not in the
    /// file (`facets.bin` has them): a tag added to one guide would otherwise renumber the tags of every file.
    static func chunkDigest(_ guides: ArraySlice<Int>, context: ViewContext, links: [String], facets: Facets,
                            bodyDigests: [UInt64]) -> UInt64 {
        var writer = CacheWriter(capacity: 256 * guides.count)
        for index in guides {
            let guide = UnsafePointer(context.guide(at: index))
            writer.string(guide.pointee.frontMatter.term)
            writer.string(links[index])
            writer.optional(guide.pointee.frontMatter.description) { $0.string($1) }
            let (category, vertical, _) = facets.values(of: index)
            writer.optional(category) { $0.integer($1) }
            writer.optional(vertical) { $0.integer($1) }
            writer.number(bodyDigests[index])
            writer.number(UInt64(guide.pointee.rendered.questionCount))
            // Read in place: `groups[group].questions[question]` copied each question (retaining its strings).
            guide.pointee.rendered.questionGroups.withUnsafeBufferPointer { groups in
                for group in groups.indices {
                    groups[group].questions.withUnsafeBufferPointer { questions in
                        for question in questions.indices {
                            writer.string(questions[question].text)
                            writer.string(questions[question].anchor)
                        }
                    }
                }
            }
        }
        return writer.bytes.withUnsafeBytes { XXHash64.hash($0) }
    }

    /// The start of a text, its runs of white space made one space, at most about `limit` bytes, cut at a
    /// word (with "…" when cut).
    static func lead(_ text: String, limit: Int) -> String {
        var text = text
        return text.withUTF8 { source in
            // At most `limit` bytes and a space and a byte before a cut, then "…" (three bytes).
            String(unsafeUninitializedCapacity: limit + 8) { output in
                var count = 0
                var pendingSpace = false
                var cut = false
                for byte in source {
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                        pendingSpace = count > 0
                        continue
                    }
                    if count >= limit {
                        cut = true
                        break
                    }
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    output[count] = byte
                    count += 1
                }
                guard cut else { return count }
                if let space = output[..<count].lastIndex(of: 0x20) {
                    count = space
                } else {
                    // No space to cut at: back up to the start of a character.
                    while count > 0, output[count - 1] & 0xC0 == 0x80 { count -= 1 }
                    if count > 0, output[count - 1] >= 0xC0 { count -= 1 }
                }
                for byte in "…".utf8 {
                    output[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// `index.json`: what a client reads first.
    private func meta(documents: Int, shards: [String], facets: Facets) -> [UInt8] {
        var json = JSONWriter(capacity: 16 * 1024 + shards.count * 8)
        json.beginObject()
        json.member("version", 1)
        json.member("documents", documents)
        json.member("chunk", Self.chunkSize)
        json.key("shards")
        json.beginArray()
        for key in shards { json.string(key) }
        json.endArray()
        for (name, values) in [("categories", facets.categories), ("verticals", facets.verticals), ("tags", facets.tags)] {
            json.key(text: name)
            json.beginArray()
            for value in values {
                json.beginArray()
                json.string(value.name)
                if let url = value.url { json.string(url) }
                json.endArray()
            }
            json.endArray()
        }
        json.key("browse")
        json.beginArray()
        for taxonomy in context.taxonomies {
            json.beginArray()
            json.string(taxonomy.config.title)
            json.string(context.urls.link(taxonomy.path))
            json.endArray()
        }
        json.endArray()
        json.endObject()
        return json.output
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// How often each word occurs in each field of the guide being read, and which words it has: counted in
/// flat memory, a row of eight counts per word number, since this runs for every word of every guide.
private struct FieldCounts: ~Copyable {
    private static let stride = 8
    private var counts: UnsafeMutablePointer<UInt16>
    /// Per word number, the last document it was counted in.
    private var last: UnsafeMutablePointer<Int32>
    /// The word numbers the current document has, in the order first seen.
    private var seen: UnsafeMutablePointer<Int32>
    private var seenCount = 0
    private var capacity = 0
    /// Per field, the words of the current document in it (`stride` of them).
    private var lengths: UnsafeMutablePointer<Int>

    init(capacity: Int = 1024) {
        lengths = .allocate(capacity: Self.stride)
        lengths.initialize(repeating: 0, count: Self.stride)
        counts = .allocate(capacity: 0)
        last = .allocate(capacity: 0)
        seen = .allocate(capacity: 0)
        grow(to: capacity)
    }

    deinit {
        lengths.deallocate()
        counts.deallocate()
        last.deallocate()
        seen.deallocate()
    }

    /// Words the current document has so far.
    var wordCount: Int { seenCount }

    /// How many words the current document has so far in a field, counting each time a word occurs.
    func length(of field: Int) -> Int { lengths[field] }

    @inline(__always)
    mutating func count(_ number: Int, _ field: Int, document: Int32) {
        lengths[field] &+= 1
        if number >= capacity { grow(to: max(capacity * 2, number + 1)) }
        if last[number] != document {
            last[number] = document
            seen[seenCount] = Int32(number)
            seenCount += 1
        }
        let slot = number &* Self.stride &+ field
        if counts[slot] < UInt16.max { counts[slot] += 1 }
    }

    /// Calls `body` with each word of the current document and its counts by field, then forgets them (and the
    /// fields' lengths).
    mutating func forEachWord(_ body: (Int, UnsafeMutablePointer<UInt16>) -> Void) {
        for index in 0..<seenCount {
            let number = Int(seen[index])
            let row = counts + number * Self.stride
            body(number, row)
            row.update(repeating: 0, count: Self.stride)
        }
        seenCount = 0
        lengths.update(repeating: 0, count: Self.stride)
    }

    private mutating func grow(to size: Int) {
        let grownCounts = UnsafeMutablePointer<UInt16>.allocate(capacity: size * Self.stride)
        grownCounts.initialize(repeating: 0, count: size * Self.stride)
        grownCounts.update(from: counts, count: capacity * Self.stride)
        let grownLast = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        grownLast.initialize(repeating: -1, count: size)
        grownLast.update(from: last, count: capacity)
        let grownSeen = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        grownSeen.update(from: seen, count: seenCount)
        counts.deallocate()
        last.deallocate()
        seen.deallocate()
        counts = grownCounts
        last = grownLast
        seen = grownSeen
        capacity = size
    }
}

/// One guide's words for the index, as the build cache keeps them: its fields' lengths (seven numbers), then
/// its words in the order first read, each as its UTF-8 bytes, a mask of the fields it occurs in, and its count
/// in each of them (LEB128 numbers, `CacheWriter`).
struct GuideWords: Sendable {
    let bytes: [UInt8]

    var lengths: [Int] {
        var reader = CacheReader(bytes)
        return (0..<SearchIndexer.Field.allCases.count).map { _ in Int(reader.number()) }
    }

    /// Reads the guide's words in one pass: `lengths` gets its fields' lengths, then `word` each word with its
    /// counts by field (zero where it does not occur). Stops at the first byte out of place.
    func read(lengths: (UnsafePointer<Int>) -> Void, word: (UnsafeBufferPointer<UInt8>, UnsafePointer<UInt16>) -> Void) {
        let fieldCount = SearchIndexer.Field.allCases.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: fieldCount) { fieldLengths in
            withUnsafeTemporaryAllocation(of: UInt16.self, capacity: fieldCount) { counts in
                bytes.withUnsafeBufferPointer { buffer in
                    var reader = CacheReader(bytes)
                    for field in 0..<fieldCount { fieldLengths[field] = Int(truncatingIfNeeded: reader.number()) }
                    guard !reader.failed else { return }
                    lengths(UnsafePointer(fieldLengths.baseAddress!))
                    let wordCount = reader.count()
                    for _ in 0..<wordCount {
                        let length = reader.count()
                        let start = reader.position
                        reader.skip(length)
                        let mask = reader.number()
                        for field in 0..<fieldCount {
                            counts[field] = mask & (1 << UInt64(field)) != 0 ? UInt16(truncatingIfNeeded: reader.number()) : 0
                        }
                        guard !reader.failed, length > 0 else { return }
                        word(UnsafeBufferPointer(rebasing: buffer[start..<start + length]), UnsafePointer(counts.baseAddress!))
                    }
                }
            }
        }
    }
}
