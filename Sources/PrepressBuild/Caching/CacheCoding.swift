import Foundation
import PrepressContent
import PrepressMarkdown
#if canImport(Glibc)
import Glibc
#endif

/// Bytes for the build cache's files: unsigned LEB128 numbers, strings as their UTF-8 length and bytes,
/// optionals behind a flag byte. Written and read by the same prepress only (the cache is keyed by the
/// executable), so the format needs no versions within it.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    mutating func number(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func integer(_ value: Int) {
        // Zigzag: small negative numbers stay short.
        number(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        // A native string's bytes are read where they are: `var value = value` for `withUTF8` retained and
        // released it, for every string of every guide the build cache and the page digests write.
        let written: Void? = value.utf8.withContiguousStorageIfAvailable { utf8 in
            number(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
        guard written == nil else { return }
        var value = value
        value.withUTF8 { utf8 in
            number(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func append(_ raw: ArraySlice<UInt8>) { bytes.append(contentsOf: raw) }

    /// Sets the eight bytes at `offset` to `value`, little-endian (a checksum reserved before what it covers).
    mutating func overwrite(_ value: UInt64, at offset: Int) {
        for byte in 0..<8 { bytes[offset + byte] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(byte))) }
    }

    /// A length and as many bytes.
    mutating func bytes(_ count: UInt64, _ raw: UnsafeBufferPointer<UInt8>) {
        number(count)
        bytes.append(contentsOf: raw)
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        flag(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        number(UInt64(values.count))
        for value in values { write(&self, value) }
    }
}

/// Reads what `CacheWriter` wrote; any fault (a short or damaged file) makes every read fail, and the
/// caller treats the entry as absent.
struct CacheReader {
    private let bytes: ArraySlice<UInt8>
    private var offset: Int
    private(set) var failed = false
    /// Whether the bytes are known to be what a `CacheWriter` wrote (a checksum over them held): its strings
    /// were Swift strings, valid UTF-8, and are not checked again.
    private let writtenByUs: Bool

    init(_ bytes: [UInt8]) {
        self.init(bytes[...])
    }

    init(_ bytes: ArraySlice<UInt8>, checksummed: Bool = false) {
        self.bytes = bytes
        offset = bytes.startIndex
        writtenByUs = checksummed
    }

    var isAtEnd: Bool { offset == bytes.endIndex }

    /// Where the next read starts, as an index of the bytes read.
    var position: Int { offset }

    mutating func skip(_ length: Int) {
        guard length <= bytes.endIndex - offset else {
            failed = true
            return
        }
        offset += length
    }

    /// The bytes from `start` (a `position` read before) to where the reader is.
    func bytes(from start: Int) -> ArraySlice<UInt8> {
        bytes[start..<offset]
    }

    /// The next `length` bytes as they are.
    mutating func take(_ length: Int) -> ArraySlice<UInt8> {
        guard length <= bytes.endIndex - offset else {
            failed = true
            return []
        }
        defer { offset += length }
        return bytes[offset..<offset + length]
    }

    mutating func number() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.endIndex, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        failed = true
        return 0
    }

    mutating func integer() -> Int {
        let raw = Int64(bitPattern: number())
        return Int((raw >> 1) ^ -(raw & 1))
    }

    /// A count of things that each take at least a byte: no more than the bytes left.
    mutating func count() -> Int {
        let value = number()
        guard value <= UInt64(bytes.endIndex - offset) else {
            failed = true
            return 0
        }
        return Int(value)
    }

    mutating func flag() -> Bool {
        guard offset < bytes.endIndex, bytes[offset] <= 1 else {
            failed = true
            return false
        }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() -> String {
        let length = count()
        guard !failed else { return "" }
        defer { offset += length }
        let slice = bytes[offset..<offset + length]
        // A rebuild makes 10,000 guides' strings (200 MB) from the cache: checking their UTF-8 again was a
        // tenth of loading them.
        return writtenByUs ? String(copying: UTF8Span(unchecked: slice.span)) : String(decoding: slice, as: UTF8.self)
    }

    /// The next string; `previous` itself when the bytes are its own (no second copy of a repeated string).
    mutating func string(sameAs previous: String) -> String {
        let start = offset
        let length = count()
        guard !failed else { return "" }
        let same = previous.utf8.count == length && length > 0 && bytes[offset..<offset + length].withUnsafeBufferPointer { next in
            // Compared with `memcmp`: `elementsEqual` over the two views went a byte at a time, generically.
            previous.utf8.withContiguousStorageIfAvailable { memcmp($0.baseAddress!, next.baseAddress!, length) == 0 } ?? false
        }
        if same {
            offset += length
            return previous
        }
        offset = start
        return string()
    }

    mutating func optional<T>(_ read: (inout CacheReader) -> T) -> T? {
        flag() ? read(&self) : nil
    }

    mutating func array<T>(_ read: (inout CacheReader) -> T) -> [T] {
        let count = count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count where !failed { values.append(read(&self)) }
        return values
    }
}

/// A build cache file of one piece beside the guide cache (`PlacementCache`, `RelatedListCache`), read whole
/// or not at all: the XXH64 of what follows in its first eight bytes, then what a `CacheWriter` wrote, starting
/// with the file's kind and the executable that wrote it.
enum SealedCacheFile {
    /// The file called `name` in `.prepress-cache/`, the folder of the guide cache's `guideCacheFolder`.
    static func path(_ name: String, besides guideCacheFolder: String) -> String {
        ((guideCacheFolder as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
    }

    /// A writer whose file will be of this kind and executable: its checksum's place kept, its header written.
    static func writer(kind: String, identity: String, capacity: Int) -> CacheWriter {
        var writer = CacheWriter(capacity: capacity + 64)
        writer.append(ArraySlice(repeating: 0, count: 8))
        writer.string(kind)
        writer.string(identity)
        return writer
    }

    /// Writes what `writer` (from `writer(kind:identity:capacity:)`) holds, its checksum set, to `path`.
    static func write(_ writer: consuming CacheWriter, to path: String) {
        let checksum = writer.bytes[8...].withUnsafeBytes { XXHash64.hash($0) }
        writer.overwrite(checksum, at: 0)
        AtomicFile.write(writer.bytes, to: path, flush: false)
    }

    /// A reader after the header of the file at `path`, when it reads back whole and is of this kind and
    /// executable; nil for anything else.
    static func reader(at path: String, kind: String, identity: String) -> CacheReader? {
        guard case .success(let file) = FileBytes.read(path), file.bytes.count > 8 else { return nil }
        let bytes = file.bytes
        let stored = bytes[0..<8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard bytes[8...].withUnsafeBytes({ XXHash64.hash($0) }) == stored else { return nil }
        var reader = CacheReader(bytes[8...], checksummed: true)
        guard reader.string() == kind, reader.string() == identity, !reader.failed else { return nil }
        return reader
    }
}

// MARK: The types a cached guide holds

extension CacheWriter {
    mutating func location(_ location: SourceLocation) {
        string(location.file)
        integer(location.line)
        integer(location.column)
    }

    mutating func diagnostic(_ diagnostic: Diagnostic) {
        string(diagnostic.severity.rawValue)
        location(diagnostic.location)
        string(diagnostic.message)
        optional(diagnostic.hint) { $0.string($1) }
    }

    mutating func date(_ date: GuideDate) {
        integer(date.year)
        integer(date.month)
        integer(date.day)
        optional(date.secondOfDay) { $0.integer($1) }
        optional(date.offsetMinutes) { $0.integer($1) }
    }

    mutating func param(_ value: ParamValue) {
        switch value {
        case .string(let text): number(0); string(text)
        case .integer(let number): self.number(1); integer(number)
        case .double(let double): number(2); number(double.bitPattern)
        case .bool(let bool): number(3); flag(bool)
        case .null: number(4)
        case .list(let items): number(5); array(items) { $0.param($1) }
        case .map(let entries): number(6); array(entries) { $0.string($1.key); $0.param($1.value) }
        }
    }

    /// What of a guide's front matter places it in the site (the page record's shape): its term, slug, dates,
    /// draft, taxonomies, author, params and its aliases' paths.
    mutating func place(of matter: FrontMatter) {
        string(matter.term)
        optional(matter.slug) { $0.string($1) }
        optional(matter.pubDate) { $0.date($1) }
        flag(matter.draft)
        optional(matter.category) { $0.string($1) }
        optional(matter.vertical) { $0.string($1) }
        array(matter.tags) { $0.string($1) }
        optional(matter.author) { $0.string($1.name); $0.optional($1.url) { $0.string($1) } }
        array(matter.params) { $0.string($1.key); $0.param($1.value) }
        array(matter.aliases) { $0.string($1.path) }
    }

    mutating func frontMatter(_ matter: FrontMatter, withLocations: Bool = true) {
        string(matter.term)
        optional(matter.description) { $0.string($1) }
        optional(matter.category) { $0.string($1) }
        optional(matter.vertical) { $0.string($1) }
        array(matter.tags) { $0.string($1) }
        optional(matter.pubDate) { $0.date($1) }
        optional(matter.modDate) { $0.date($1) }
        optional(matter.author) { $0.string($1.name); $0.optional($1.url) { $0.string($1) } }
        optional(matter.avatar) { $0.string($1.url); $0.optional($1.alt) { $0.string($1) } }
        optional(matter.image) { $0.string($1.url); $0.optional($1.alt) { $0.string($1) } }
        optional(matter.slug) { $0.string($1) }
        flag(matter.draft)
        array(matter.aliases) { $0.string($1.path); $0.location($1.location) }
        array(matter.params) { $0.string($1.key); $0.param($1.value) }
        if withLocations {
            array(matter.locations.sorted { $0.key < $1.key }) { $0.string($1.key); $0.location($1.value) }
        } else {
            number(0)
        }
    }

    mutating func heading(_ heading: Heading) {
        integer(heading.level)
        string(heading.text)
        string(heading.id)
        integer(heading.line)
    }

    /// Rendered Markdown, its HTML and answers apart in `texts` (which a rebuild reads only for the pages that
    /// show them, `DeferredBody`): here their digest (`bodyDigest`) and the HTML's length, then the rest, each answer's HTML as its
    /// place in the page's HTML where it was cut from it; in `texts` the HTML, then each answer's plain text and
    /// the HTML of an answer that is no slice of the page's.
    mutating func rendered(_ rendered: RenderedMarkdown, texts: inout CacheWriter) {
        var html = rendered.html
        number(rendered.bodyDigest)
        number(UInt64(html.utf8.count))
        texts.string(html)
        array(rendered.headings) { $0.heading($1) }
        integer(rendered.wordCount)
        array(rendered.links) { writer, link in
            writer.flag(link.kind == .image)
            writer.string(link.written)
            writer.string(link.destination)
            writer.integer(link.line)
            writer.integer(link.column)
        }
        let base = html.withUTF8 { UInt(bitPattern: $0.baseAddress) }
        array(rendered.questionGroups) { writer, group in
            writer.string(group.name)
            writer.heading(group.heading)
            writer.array(group.questions) { writer, question in
                writer.string(question.text)
                writer.optional(question.number) { $0.integer($1) }
                writer.heading(question.heading)
                texts.string(question.answerText)
                var answerBase = question.answerHTML.base
                let sameString = answerBase.utf8.count == html.utf8.count
                    && answerBase.withUTF8 { UInt(bitPattern: $0.baseAddress) } == base
                writer.flag(sameString)
                if sameString {
                    let utf8 = html.utf8
                    writer.number(UInt64(utf8.distance(from: utf8.startIndex, to: question.answerHTML.startIndex)))
                    writer.number(UInt64(question.answerHTML.utf8.count))
                } else {
                    texts.string(String(question.answerHTML))
                }
            }
        }
        array(rendered.unhighlightedCode) { $0.integer($1) }
    }
}

/// Where each answer's HTML is in its page's (`CacheReader.rendered(texts:)`), in document order: written while
/// the entry is read, then only read, by the one `DeferredBody` that makes the answers.
final class AnswerLayout: @unchecked Sendable {
    var places: [Range<Int>?] = []
}

extension CacheReader {
    /// A body's HTML and answers from the bytes `CacheWriter.rendered(_:texts:)` wrote to its `texts`.
    fileprivate static func makeBody(_ bytes: ArraySlice<UInt8>, answers: [Range<Int>?], htmlLength: Int) -> DeferredBody.Made {
        var reader = CacheReader(bytes, checksummed: true)
        let html = reader.string()
        let utf8 = html.utf8
        var made: [(html: Substring, text: String)] = []
        made.reserveCapacity(answers.count)
        for place in answers {
            let text = reader.string()
            if let place, place.upperBound <= utf8.count {
                let from = utf8.index(utf8.startIndex, offsetBy: place.lowerBound)
                made.append((html[from..<utf8.index(from, offsetBy: place.count)], text))
            } else {
                made.append((place == nil ? Substring(reader.string()) : "", text))
            }
        }
        // The bytes passed their checksum when the cache was read, and are those this layout was written
        // with: a difference is a fault of prepress, not of the file.
        precondition(!reader.failed && reader.isAtEnd && utf8.count == htmlLength, "a build cache entry's text does not match its layout")
        return DeferredBody.Made(html: html, answers: made)
    }
}

extension RenderedMarkdown {
    /// A digest of what pages and the search's display data show of a rendering: its HTML and each answer's
    /// plain text (XXH64, each seeded with the one before). A rendering from the build cache has it without
    /// making them (unless an answer was set since).
    var bodyDigest: UInt64 {
        if let digest = deferredDigest { return digest }
        var digest = XXHash64.hash(utf8Of: html)
        for group in questionGroups.indices {
            for question in questionGroups[group].questions.indices {
                var text = questionGroups[group].questions[question].answerText
                digest = text.withUTF8 { XXHash64.hash(UnsafeRawBufferPointer($0), seed: digest) }
            }
        }
        return digest
    }
}

extension CacheReader {
    mutating func location() -> SourceLocation {
        SourceLocation(file: string(), line: integer(), column: integer())
    }

    mutating func diagnostic() -> Diagnostic {
        let severity = Diagnostic.Severity(rawValue: string())
        let location = location()
        let message = string()
        let hint = optional { $0.string() }
        if severity == nil { failed = true }
        return Diagnostic(severity ?? .warning, at: location, message, hint: hint)
    }

    mutating func date() -> GuideDate {
        var date = GuideDate(year: integer(), month: integer(), day: integer())
        date.secondOfDay = optional { $0.integer() }
        date.offsetMinutes = optional { $0.integer() }
        return date
    }

    mutating func param() -> ParamValue {
        switch number() {
        case 0: return .string(string())
        case 1: return .integer(integer())
        case 2: return .double(Double(bitPattern: number()))
        case 3: return .bool(flag())
        case 4: return .null
        case 5: return .list(array { $0.param() })
        case 6: return .map(array { ParamEntry(key: $0.string(), value: $0.param()) })
        default:
            failed = true
            return .null
        }
    }

    mutating func frontMatter() -> FrontMatter {
        var matter = FrontMatter(term: string())
        matter.description = optional { $0.string() }
        matter.category = optional { $0.string() }
        matter.vertical = optional { $0.string() }
        matter.tags = array { $0.string() }
        matter.pubDate = optional { $0.date() }
        matter.modDate = optional { $0.date() }
        matter.author = optional { Author(name: $0.string(), url: $0.optional { $0.string() }) }
        matter.avatar = optional { ImageReference(url: $0.string(), alt: $0.optional { $0.string() }) }
        matter.image = optional { ImageReference(url: $0.string(), alt: $0.optional { $0.string() }) }
        matter.slug = optional { $0.string() }
        matter.draft = flag()
        matter.aliases = array { GuideAlias(path: $0.string(), location: $0.location()) }
        matter.params = array { ParamEntry(key: $0.string(), value: $0.param()) }
        // Every place names the guide's file: its string is made once (10 places a guide, 10,000 guides), and
        // the table made at its size.
        let count = count()
        matter.locations.reserveCapacity(count)
        var file = ""
        for _ in 0..<count where !failed {
            let key = string()
            file = string(sameAs: file)
            matter.locations[key] = SourceLocation(file: file, line: integer(), column: integer())
        }
        return matter
    }

    mutating func heading() -> Heading {
        Heading(level: integer(), text: string(), id: string(), line: integer())
    }

    /// Rendered Markdown as `CacheWriter.rendered(_:texts:)` wrote it, whose HTML and answers `texts` makes
    /// when first read: the bytes `CacheWriter` wrote to its `texts`, checksummed (their layout is checked here,
    /// their bytes when made).
    mutating func rendered(texts: @escaping @Sendable () -> ArraySlice<UInt8>) -> RenderedMarkdown {
        let digest = number()
        let htmlLength = Int(clamping: number())
        let headings = array { $0.heading() }
        let wordCount = integer()
        let links = array { reader in
            Link(kind: reader.flag() ? .image : .link, written: reader.string(), destination: reader.string(),
                 line: reader.integer(), column: reader.integer())
        }
        // Each answer's HTML: its place in the page's HTML, or nil for one of its own in `texts`; filled as the
        // questions are read, read only when the body is made (after this returns).
        let layout = AnswerLayout()
        let body = DeferredBody(digest: digest) { [layout] in
            Self.makeBody(texts(), answers: layout.places, htmlLength: htmlLength)
        }
        var index = 0
        let questionGroups = array { reader in
            QuestionGroup(name: reader.string(), heading: reader.heading(), questions: reader.array { reader in
                let question = Question(text: reader.string(), number: reader.optional { $0.integer() }, heading: reader.heading(),
                                        answerIn: body, at: index)
                index += 1
                if reader.flag() {
                    let start = Int(clamping: reader.number())
                    let length = Int(clamping: reader.number())
                    if start > htmlLength || length > htmlLength - start { reader.failed = true }
                    layout.places.append(start..<start + length)
                } else {
                    layout.places.append(nil)
                }
                return question
            })
        }
        let unhighlighted = array { $0.integer() }
        return RenderedMarkdown(deferred: body, headings: headings, wordCount: wordCount, links: links, questionGroups: questionGroups,
                                unhighlightedCode: unhighlighted)
    }
}
