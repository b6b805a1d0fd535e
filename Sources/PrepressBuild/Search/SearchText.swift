import Foundation
import PrepressMarkdown

/// How search reads text: folded (lower case, accents and compatibility forms gone) and split into words,
/// exactly as the theme's `search.js` reads a query — both follow the same rules, which docs/search.md states:
///
/// - a word is a run of letters and digits; `+` and `#` right after a Latin letter or digit stay on it
///   (`c++`, `c#`); anything else separates words;
/// - folding: lower case (Unicode's default mapping), then compatibility decomposition (NFKD) with every
///   combining mark dropped, and `ς` read as `σ`: `Résumé` → `resume`, `ﬁ` → `fi`, full-width `Ａ` → `a`;
/// - Chinese characters, hiragana and katakana, written without spaces, become overlapping pairs
///   (`面接対策` → `面接`, `接対`, `対策`); a lone one is a word of one character.
enum SearchText {
    /// Calls `body` with each word of `text` as folded UTF-8 bytes, in order. With `html`, tags are skipped
    /// and character references (`&amp;`) separate words, so rendered HTML can be read without making its text.
    static func words(in text: String, html: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        SearchTokenizer().words(in: text, html: html, body)
    }

    /// The folded words of `text`, as strings.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        Self.words(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// The text of rendered HTML, tags left out and the common character references read, up to about `limit`
    /// bytes: the start of a body, for excerpts.
    static func plainText(html: String, limit: Int) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var text: [UInt8] = []
            text.reserveCapacity(limit + 8)
            var index = 0
            while index < bytes.count, text.count < limit {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") {
                    // Practice mode's label is no text of the guide's.
                    let label = MarkdownRenderer.answerSummary.utf8
                    if bytes.count - index >= label.count, bytes[index..<index + label.count].elementsEqual(label) {
                        index += label.count
                        text.append(0x20)
                        continue
                    }
                    // Nor is the caption of highlighted code.
                    if let base = bytes.baseAddress, let end = SearchTokenizer.captionEnd(in: base, from: index, count: bytes.count) {
                        index = end
                        text.append(0x20)
                        continue
                    }
                    while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                    text.append(0x20)
                } else if byte == UInt8(ascii: "&") {
                    var end = index + 1
                    while end < bytes.count, end - index < 10, bytes[end] != UInt8(ascii: ";") { end += 1 }
                    text.append(end < bytes.count ? reference(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])) : 0x20)
                    index = end
                } else {
                    text.append(byte)
                }
                index += 1
            }
            // Never end inside a character.
            if text.count >= limit {
                while let last = text.last, last & 0xC0 == 0x80 { text.removeLast() }
                if let last = text.last, last >= 0xC0 { text.removeLast() }
            }
            return String(decoding: text, as: UTF8.self)
        }
    }

    /// The character a reference (`amp` of `&amp;`) stands for, among those cmark writes; a space for others.
    private static func reference(_ name: UnsafeBufferPointer<UInt8>) -> UInt8 {
        switch Array(name) {
        case Array("amp".utf8): UInt8(ascii: "&")
        case Array("lt".utf8): UInt8(ascii: "<")
        case Array("gt".utf8): UInt8(ascii: ">")
        case Array("quot".utf8): UInt8(ascii: "\"")
        case Array("#39".utf8): UInt8(ascii: "'")
        default: 0x20
        }
    }

    /// Whether a scalar belongs to the scripts read as overlapping pairs of characters.
    static func isPaired(_ value: UInt32) -> Bool {
        switch value {
        case 0x3005...0x3007, 0x3041...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xF900...0xFAFF, 0x20000...0x2FA1F, 0x30000...0x3134F:
            true
        default:
            false
        }
    }

    /// What one non-ASCII scalar folds to: a sequence of pieces, each a letter or digit, a character of a
    /// paired script, or a separator (`½` folds to `1`, a separator, `2`, as NFKD gives `1⁄2`). Worked out
    /// once per scalar and kept by the tokenizer.
    enum Piece {
        case separator
        case letter([UInt8])
        case paired([UInt8])
    }

    static func fold(_ scalar: Unicode.Scalar) -> [Piece] {
        var folded = String(scalar).lowercased().decomposedStringWithCompatibilityMapping
        folded = String(String.UnicodeScalarView(folded.unicodeScalars.filter { !isMark($0) }))
        if folded == "ς" { folded = "σ" }
        return folded.unicodeScalars.map { piece in
            if isPaired(piece.value) { return .paired(Array(String(piece).utf8)) }
            return isLetterOrDigit(piece) ? .letter(Array(String(piece).utf8)) : .separator
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}

/// Splits UTF-8 bytes into folded words (`SearchText`'s rules): ASCII a byte at a time, other scalars through
/// `SearchText.fold`, each kept once folded. One tokenizer reads many texts: it keeps its buffers.
final class SearchTokenizer {
    /// Longer words (URLs, hashes, base64) are not words anyone searches for: they are left out, by both
    /// the index and the client.
    static let maximumWordLength = 64

    private let word = UnsafeMutablePointer<UInt8>.allocate(capacity: SearchTokenizer.maximumWordLength + 8)
    private var length = 0
    private var overlong = false
    /// Whether the word so far ends in a Latin letter or digit (so `+` and `#` may follow).
    private var latinEnd = false
    /// The last paired-script character (at most four bytes), when the previous scalar was one, and whether
    /// it has been used in a pair.
    private let paired = UnsafeMutablePointer<UInt8>.allocate(capacity: 16)
    private var pairedLength = 0
    private var pairedUsed = false
    private var folded: [UInt32: [SearchText.Piece]] = [:]
    /// The statics the loop reads at every tag, held here: a static's first use is checked on every read.
    private let answerLabel = SearchTokenizer.answerSummary
    private let captionSecondByte = SearchTokenizer.captionStart[1]

    deinit {
        word.deallocate()
        paired.deallocate()
        asciiTable.deallocate()
    }

    /// Calls `body` with each word of `text`, folded, as UTF-8 bytes (see `SearchText.words(in:html:_:)`). A word's
    /// memory holds at least eight bytes from its start (`WordTable.number(ofPadded:)` reads them at once).
    func words(in text: String, html: Bool = false, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // A native string is read where it is; any other is made contiguous first.
        let table = UnsafePointer(asciiTable)
        if text.utf8.withContiguousStorageIfAvailable({ read($0, html: html, table: table, body) }) != nil { return }
        var text = text
        text.withUTF8 { read($0, html: html, table: table, body) }
    }

    private let asciiTable: UnsafeMutablePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(from: SearchTokenizer.asciiWordBytes, count: 256)
        return table
    }()

    /// Where the caption of highlighted code that starts at `index` ends (past `</figcaption>`); nil when no
    /// highlighted code starts there.
    static func captionEnd(in base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int? {
        let start = captionStart, end = captionClose
        guard count - index >= start.count, memcmp(base + index, start.baseAddress!, start.count) == 0 else { return nil }
        var position = index + start.count
        while count - position >= end.count {
            if base[position] == UInt8(ascii: "<"), memcmp(base + position, end.baseAddress!, end.count) == 0 {
                return position + end.count
            }
            position += 1
        }
        return nil
    }

    nonisolated(unsafe) private static let captionStart = bytes(MarkdownRenderer.codeCaptionStart)
    nonisolated(unsafe) private static let captionClose = bytes(MarkdownRenderer.codeCaptionEnd)

    /// `text`'s UTF-8 in memory of its own, kept for the life of the process (these are the theme's few labels).
    private static func bytes(_ text: String) -> UnsafeBufferPointer<UInt8> {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        return UnsafeBufferPointer(buffer)
    }

    /// `MarkdownRenderer.answerSummary`'s bytes, made once.
    nonisolated(unsafe) private static let answerSummary = bytes(MarkdownRenderer.answerSummary)

    /// For each ASCII byte, the byte it stands for in a word (letters lower-cased, digits as they are), or 0.
    private static let asciiWordBytes: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: UInt8(byte)
        case 0x41...0x5A: UInt8(byte | 0x20)
        default: 0
        }
    }

    private func read(_ bytes: UnsafeBufferPointer<UInt8>, html: Bool, table: UnsafePointer<UInt8>,
                      _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                if table[Int(byte)] != 0 {
                    if pairedLength > 0 { endPaired(body) }
                    // A run of ASCII letters and digits, read in one go, the word's state in locals (a store
                    // through `word` could otherwise alias them).
                    var length = self.length
                    var mapped = table[Int(byte)]
                    repeat {
                        if length < Self.maximumWordLength {
                            word[length] = mapped
                            length += 1
                        } else {
                            overlong = true
                        }
                        index += 1
                        guard index < count else { break }
                        let next = base[index]
                        mapped = next < 0x80 ? table[Int(next)] : 0
                    } while mapped != 0
                    self.length = length
                    latinEnd = true
                    continue
                } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "#") {
                    if latinEnd, length > 0 { append(byte) } else { endWord(body) }
                    if pairedLength > 0 { endPaired(body) }
                } else {
                    endWord(body)
                    if pairedLength > 0 { endPaired(body) }
                    if html, byte == UInt8(ascii: "<") {
                        // (Each check below first reads the byte after `<`: most tags are neither.)
                        let next = index + 1 < count ? base[index + 1] : 0
                        // Practice mode's "Show answer" label is the theme's, in every guide: no word of it.
                        let label = answerLabel
                        if next == label[1], count - index >= label.count, memcmp(base + index, label.baseAddress!, label.count) == 0 {
                            index += label.count
                            continue
                        }
                        // Nor is highlighted code's caption, the language's name.
                        if next == captionSecondByte, let end = Self.captionEnd(in: base, from: index, count: count) {
                            index = end
                            continue
                        }
                        let end = memchr(base + index, Int32(UInt8(ascii: ">")), count - index)
                        index = end.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                    } else if html, byte == UInt8(ascii: "&") {
                        var end = index + 1
                        while end < count, end - index < 12, base[end] != UInt8(ascii: ";") { end += 1 }
                        if end < count, base[end] == UInt8(ascii: ";") { index = end }
                    }
                }
                index += 1
                continue
            }
            // A scalar of two to four bytes.
            let size = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard index + size <= count else { break }
            var value = UInt32(byte) & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
            for offset in 1..<size { value = value << 6 | (UInt32(base[index + offset]) & 0x3F) }
            index += size
            let pieces: [SearchText.Piece]
            if let known = folded[value] {
                pieces = known
            } else {
                pieces = Unicode.Scalar(value).map(SearchText.fold) ?? [.separator]
                folded[value] = pieces
            }
            for piece in pieces {
                switch piece {
                case .separator:
                    endWord(body)
                    if pairedLength > 0 { endPaired(body) }
                case .letter(let letter):
                    if pairedLength > 0 { endPaired(body) }
                    for byte in letter { append(byte) }
                    // As the client sees it after folding the whole text: an ASCII letter is Latin.
                    latinEnd = letter.count == 1 && letter[0] < 0x80
                case .paired(let character):
                    endWord(body)
                    let size = min(character.count, 8)
                    if pairedLength > 0 {
                        // The pair: the last character and this one.
                        for offset in 0..<size { paired[pairedLength + offset] = character[offset] }
                        emitPaired(pairedLength + size, body)
                        pairedUsed = true
                    } else {
                        pairedUsed = false
                    }
                    pairedLength = size
                    for offset in 0..<size { paired[offset] = character[offset] }
                }
            }
        }
        endWord(body)
        if pairedLength > 0 { endPaired(body) }
    }

    @inline(__always)
    private func append(_ byte: UInt8) {
        if length < Self.maximumWordLength {
            word[length] = byte
            length += 1
        } else {
            overlong = true
        }
    }

    private func endWord(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if length > 0, !overlong { body(UnsafeBufferPointer(start: word, count: length)) }
        length = 0
        overlong = false
        latinEnd = false
    }

    private func emitPaired(_ count: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let bytes = UnsafeBufferPointer(start: paired, count: count)
        body(bytes)
    }

    /// A run of paired script ends: a lone character is a word of its own.
    private func endPaired(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if !pairedUsed { emitPaired(pairedLength, body) }
        pairedLength = 0
        pairedUsed = false
    }
}
