#if canImport(Glibc)
import Glibc
#endif

/// Parses a guide's text: `---` YAML or `+++` TOML front matter, then the Markdown body.
public enum GuideParser {
    /// Parses `text` read from `file` (the path shown in messages); throws every error found.
    public static func parse(_ text: String, file: String) throws(DiagnosticsError) -> ParsedGuide {
        let normalized = normalize(text)
        let start = SourceLocation(file: file)
        guard let split = split(normalized) else {
            throw DiagnosticsError([.error(
                at: start, "no front matter: a guide starts with a '---' line",
                hint: "begin the file with:\n    ---\n    term: \"Your Guide Title\"\n    pubDate: 2025-01-14\n    ---")])
        }
        guard let closingLine = split.closingLine else {
            throw DiagnosticsError([.error(
                at: start, "front matter is not closed: no '\(split.delimiter)' line after it",
                hint: "add a line holding only '\(split.delimiter)' after the last front-matter key")])
        }
        let tree: FrontMatterNode?
        if split.delimiter == "+++" {
            tree = try TOMLTreeParser.parse(split.frontMatter, file: file, lineOffset: split.openingLine)
        } else {
            tree = try YAMLTreeParser.parse(split.frontMatter, file: file, lineOffset: split.openingLine)
        }
        var decoder = FrontMatterDecoder(file: file, start: start)
        let matter = decoder.decode(tree)
        guard let matter else { throw DiagnosticsError(decoder.diagnostics) }
        var warnings = decoder.diagnostics
        if matter.pubDate == nil {
            warnings.append(.warning(
                at: start, "no 'pubDate': the guide is listed after dated guides and left out of feeds",
                hint: "add `pubDate: YYYY-MM-DD`"))
        }
        return ParsedGuide(frontMatter: matter, body: split.body, bodyStartLine: closingLine + 1, warnings: warnings)
    }

    /// Drops a UTF-8 byte order mark and turns CRLF line ends into LF; line numbers stay the same.
    static func normalize(_ text: String) -> String {
        var result = text
        if result.unicodeScalars.first == "\u{FEFF}" { result.unicodeScalars.removeFirst() }
        let hasCarriageReturn = result.withUTF8 { bytes in
            bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false
        }
        if hasCarriageReturn {
            result = result.replacingCRLF()
        }
        return result
    }

    struct Split {
        var delimiter: String
        /// The file line of the opening delimiter: 1, or later after blank lines.
        var openingLine = 1
        var frontMatter: String
        var body: String
        /// The file line of the closing delimiter, nil when there is none.
        var closingLine: Int?
    }

    /// Splits front matter from body at the delimiter lines; nil when the file does not open with one. Blank
    /// lines (spaces and tabs at most) may come before the opening delimiter, as Zola allows.
    static func split(_ text: String) -> Split? {
        let utf8 = text.utf8
        var openingStart = utf8.startIndex
        var openingLine = 1
        while let lineEnd = utf8[openingStart...].firstIndex(of: 10),
              text[openingStart..<lineEnd].allSatisfy({ $0 == " " || $0 == "\t" }) {
            openingStart = utf8.index(after: lineEnd)
            openingLine += 1
        }
        guard let firstNewline = utf8[openingStart...].firstIndex(of: 10) ?? (openingStart == utf8.endIndex ? nil : utf8.endIndex)
        else { return nil }
        let firstLine = String(text[openingStart..<firstNewline]).trimmingSpaces
        guard firstLine == "---" || firstLine == "+++" else { return nil }
        let delimiter = firstLine
        let afterFirst = firstNewline == utf8.endIndex ? firstNewline : utf8.index(after: firstNewline)

        var lineStart = afterFirst
        var lineNumber = openingLine + 1
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
            let line = text[lineStart..<lineEnd]
            if isDelimiter(line, delimiter) {
                let bodyStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
                return Split(
                    delimiter: delimiter,
                    openingLine: openingLine,
                    frontMatter: String(text[afterFirst..<lineStart]),
                    body: String(text[bodyStart...]),
                    closingLine: lineNumber)
            }
            lineNumber += 1
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        return Split(delimiter: delimiter, openingLine: openingLine, frontMatter: String(text[afterFirst...]), body: "", closingLine: nil)
    }

    private static func isDelimiter(_ line: Substring, _ delimiter: String) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == delimiter || (delimiter == "---" && trimmed == "...")
    }
}

extension String {
    func replacingCRLF() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            if previousWasCR && byte != 10 { bytes.append(13) }
            previousWasCR = byte == 13
            if !previousWasCR { bytes.append(byte) }
        }
        if previousWasCR { bytes.append(13) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
