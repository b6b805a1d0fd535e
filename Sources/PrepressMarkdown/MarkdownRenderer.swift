internal import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders a Markdown body to HTML with libcmark, giving headings ids and rewriting links on the way.
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions
    /// Ids the page template uses itself; headings never take them.
    public var reservedIDs: Set<String>
    /// Answers are cut out of the one rendering of the document; off, each is rendered apart (for tests).
    var cutsAnswersFromDocument = true

    public init(options: MarkdownOptions = MarkdownOptions(), reservedIDs: Set<String> = []) {
        self.options = options
        self.reservedIDs = reservedIDs
    }

    /// Code with a longer line (in bytes) stays plain: the highlighter's time for a line grows with the square of
    /// its length (a 384 KB line takes six seconds), so this bounds its time per byte of code.
    public static let longestHighlightedLine = 2000

    /// The label practice mode folds each answer behind: the theme's words, not the guide's (the search
    /// index leaves it out).
    public static let answerSummary = "<summary>Show answer</summary>"

    /// How highlighted code starts, up to its caption (the language's name), and how the caption ends: the
    /// search index leaves the caption out, as the theme's words rather than the guide's.
    public static let codeCaptionStart = "<figure class=\"code\"><figcaption>"
    public static let codeCaptionEnd = "</figcaption>"

    /// Renders `markdown`; `rewriteLink` says what becomes of each link or image destination as written.
    public func render(
        _ markdown: String,
        rewriteLink: (String) -> LinkRewrite = { _ in .keep }
    ) -> RenderedMarkdown {
        var source = markdown
        let cmarkOptions = options.cmarkOptions
        let document: OpaquePointer? = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, cmarkOptions)
            }
        }
        guard let document else {
            return RenderedMarkdown(html: "", headings: [], wordCount: 0, links: [], questionGroups: [])
        }
        defer { cmark_node_free(document) }

        var walk = TreeWalk()
        walk.collect(document, rewriteLink: rewriteLink)
        // Links dropped keep their text in their place (the tree is changed only once the walk is over).
        for node in walk.unlinked {
            while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
            cmark_node_free(node)
        }

        // CMARK_OPT_SOURCEPOS is only for positions here; the HTML must not carry data-sourcepos.
        let renderOptions = cmarkOptions & ~CMARK_OPT_SOURCEPOS
        var ids = HeadingIDGenerator(reserved: reservedIDs)
        var headings: [Heading] = []
        var headingsByNode: [OpaquePointer: Heading] = [:]
        headings.reserveCapacity(walk.headings.count)
        for node in walk.headings {
            let text = plainText(of: node)
            let heading = Heading(
                level: Int(cmark_node_get_heading_level(node)), text: text, id: ids.makeID(for: text),
                line: Int(cmark_node_get_start_line(node)))
            headings.append(heading)
            if let block = replaceHeading(node, level: heading.level, id: heading.id, renderOptions: renderOptions) {
                headingsByNode[block] = heading
            }
        }

        // Highlighted code takes the place of its block, the code kept for the answers' plain text.
        var codeLiterals: [OpaquePointer: String] = [:]
        var unhighlightedCode: [Int] = []
        if options.highlight {
            for node in walk.fencedCode {
                switch highlightCode(node) {
                case .highlighted(let block, let literal): codeLiterals[block] = literal
                case .tooLong: unhighlightedCode.append(Int(cmark_node_get_start_line(node)))
                case .plain: break
                }
            }
        }

        // Answers are cut out of the document's HTML by marks, unless the source holds the mark bytes.
        let marksAnswers = cutsAnswersFromDocument && source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            return memchr(base, Int32(QuestionExtractor.answerStart), bytes.count) == nil
                && memchr(base, Int32(QuestionExtractor.answerEnd), bytes.count) == nil
        }
        let extractor = QuestionExtractor(
            answerOpening: options.practiceMode ? "<details class=\"answer\">\n" + Self.answerSummary : "",
            answerClosing: options.practiceMode ? "</details>" : "",
            renderOptions: renderOptions,
            marksAnswers: marksAnswers,
            codeLiterals: codeLiterals)
        var questionGroups = extractor.extract(from: document, headings: headingsByNode)

        var html = ""
        var answerRanges: [Range<Int>] = []
        if let rendered = cmark_render_html(document, renderOptions) {
            // Made a string once: with the answers' marks taken out, when there are marks.
            if marksAnswers {
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered))
                (html, answerRanges) = extractor.sliceAnswers(bytes)
            } else {
                html = String(cString: rendered)
            }
            free(rendered)
        }
        if marksAnswers {
            var answers = answerRanges.makeIterator()
            let utf8 = html.utf8
            for group in questionGroups.indices {
                for question in questionGroups[group].questions.indices
                where questionGroups[group].questions[question].answerHTML == QuestionExtractor.markedAnswer {
                    guard let range = answers.next() else { continue }
                    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                    let end = utf8.index(start, offsetBy: range.count)
                    questionGroups[group].questions[question].answerHTML = html[start..<end]
                }
            }
        }
        return RenderedMarkdown(
            html: html,
            headings: headings,
            wordCount: walk.wordCount,
            links: walk.links,
            questionGroups: questionGroups,
            unhighlightedCode: unhighlightedCode
        )
    }

    /// Swaps a fenced code block in a language KSyntaxHighlighting knows for a custom block holding
    /// `<figure class="code"><figcaption>SQL</figcaption><pre tabindex="0"><code class="language-sql">…</code></pre></figure>`:
    /// the `pre` scrolls sideways for long lines, so it takes the keyboard's focus to be scrolled without a mouse.
    /// Other languages, and code with a line longer than `longestHighlightedLine`, stay as cmark writes them.
    private func highlightCode(_ node: OpaquePointer) -> CodeOutcome {
        guard let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }),
              let language = CodeHighlighter.language(forInfo: info) else { return .plain }
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        var lineLength = 0
        for byte in literal.utf8 {
            lineLength = byte == 0x0A ? 0 : lineLength + 1
            if lineLength > Self.longestHighlightedLine { return .tooLong }
        }
        guard let highlighted = CodeHighlighter.highlight(literal, as: language),
              let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return .plain }
        // The class as cmark writes it: the info string's first word.
        let word = info.prefix { $0 != " " && $0 != "\t" }
        cmark_node_set_on_enter(block, Self.codeCaptionStart + escapeAttribute(language.name) + Self.codeCaptionEnd
            + "<pre tabindex=\"0\"><code class=\"language-\(escapeAttribute(String(word)))\">\(highlighted)</code></pre></figure>")
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(node, block)
        cmark_node_free(node)
        return .highlighted(block, literal)
    }

    private enum CodeOutcome {
        /// Replaced by `block`; the code, for answers' text.
        case highlighted(OpaquePointer, String)
        case plain
        case tooLong
    }

    /// Swaps a heading for a custom block holding `<hN id="…">…</hN>`, since cmark's HTML has no heading ids.
    /// Returns the block that took the heading's place.
    @discardableResult
    private func replaceHeading(_ heading: OpaquePointer, level: Int, id: String, renderOptions: Int32) -> OpaquePointer? {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        var inner: String
        if let text = Self.escapedText(ofTextOnly: heading) {
            // Text alone (most headings): escaped as cmark escapes text, without rendering it.
            inner = text
        } else {
            guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { return nil }
            // The inlines are rendered through a detached paragraph: a custom block would put newlines around them.
            while let child = cmark_node_first_child(heading) {
                cmark_node_unlink(child)
                cmark_node_append_child(paragraph, child)
            }
            inner = ""
            if let rendered = cmark_render_html(paragraph, renderOptions) {
                inner = String(cString: rendered)
                free(rendered)
            }
            cmark_node_free(paragraph)
            if inner.hasPrefix("<p>") { inner.removeFirst(3) }
            if inner.hasSuffix("</p>\n") { inner.removeLast(5) }
        }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(escapeAttribute(id))\">\(inner)</h\(level)>")
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
        return block
    }
}

extension MarkdownRenderer {
    /// The HTML of a node whose children are all text, as cmark writes text (`&`, `<`, `>` and `"` escaped);
    /// nil when it has another kind of child (emphasis, code, links, raw HTML, line breaks).
    static func escapedText(ofTextOnly node: OpaquePointer) -> String? {
        var bytes: [UInt8] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            guard cmark_node_get_type(current) == CMARK_NODE_TEXT else { return nil }
            if let literal = cmark_node_get_literal(current) {
                literal.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
                    var cursor = start
                    while cursor.pointee != 0 {
                        switch cursor.pointee {
                        case UInt8(ascii: "&"): bytes += "&amp;".utf8
                        case UInt8(ascii: "<"): bytes += "&lt;".utf8
                        case UInt8(ascii: ">"): bytes += "&gt;".utf8
                        case UInt8(ascii: "\""): bytes += "&quot;".utf8
                        default: bytes.append(cursor.pointee)
                        }
                        cursor += 1
                    }
                }
            }
            child = cmark_node_next(current)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// One pass over the tree: headings to replace, links to rewrite, words to count.
private struct TreeWalk {
    var headings: [OpaquePointer] = []
    /// Fenced code blocks with an info string, for highlighting.
    var fencedCode: [OpaquePointer] = []
    var links: [Link] = []
    /// Links and images to drop, their text kept.
    var unlinked: [OpaquePointer] = []
    var wordCount = 0

    mutating func collect(_ root: OpaquePointer, rewriteLink: (String) -> LinkRewrite) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var blockLine = 1
        var blockColumn = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_HEADING:
                headings.append(node)
                recordPosition(node, line: &blockLine, column: &blockColumn)
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                wordCount += countWords(cmark_node_get_literal(node))
            case CMARK_NODE_CODE_BLOCK:
                wordCount += countWords(cmark_node_get_literal(node))
                recordPosition(node, line: &blockLine, column: &blockColumn)
                // Only fences carry an info string: an indented block has none, and stays plain.
                if let info = cmark_node_get_fence_info(node), info.pointee != 0 {
                    fencedCode.append(node)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let written = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                var destination = written
                switch rewriteLink(written) {
                case .keep: break
                case .replace(let replacement):
                    cmark_node_set_url(node, replacement)
                    destination = replacement
                case .unlink:
                    unlinked.append(node)
                    destination = ""
                }
                var line = Int(cmark_node_get_start_line(node))
                var column = Int(cmark_node_get_start_column(node))
                if line == 0 { line = blockLine; column = blockColumn }
                links.append(Link(
                    kind: type == CMARK_NODE_IMAGE ? .image : .link,
                    written: written, destination: destination, line: line, column: column))
            default:
                if type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue {
                    recordPosition(node, line: &blockLine, column: &blockColumn)
                }
            }
        }
    }

    private func recordPosition(_ node: OpaquePointer, line: inout Int, column: inout Int) {
        let start = Int(cmark_node_get_start_line(node))
        if start > 0 {
            line = start
            column = Int(cmark_node_get_start_column(node))
        }
    }
}

/// Counts runs of non-space bytes that hold a letter or digit (any non-ASCII byte counts as a letter).
private func countWords(_ literal: UnsafePointer<CChar>?) -> Int {
    guard let literal else { return 0 }
    return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
        let classes = wordByteClasses.baseAddress!
        var cursor = start
        var count = 0
        var wordHasLetter = false
        // One table lookup a byte: 0 ends the text, 1 is a space, 2 a letter or digit, 3 anything else.
        while true {
            let kind = classes[Int(cursor.pointee)]
            if kind == 2 {
                if !wordHasLetter { count += 1 }
                wordHasLetter = true
            } else if kind == 1 {
                wordHasLetter = false
            } else if kind == 0 {
                return count
            }
            cursor += 1
        }
    }
}

/// `countWords`' class of each byte: the end of the text, a space, a letter or digit (any non-ASCII byte
/// counts as a letter), or anything else.
nonisolated(unsafe) private let wordByteClasses: UnsafeBufferPointer<UInt8> = {
    let table = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 256)
    for byte in 0..<256 {
        table[byte] = switch byte {
        case 0: 0
        case 0x20, 0x0A, 0x09, 0x0D, 0x0C: 1
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x80...0xFF: 2
        default: 3
        }
    }
    return UnsafeBufferPointer(table)
}()

/// The text of a node's inline descendants, with line breaks as spaces.
func plainText(of node: OpaquePointer) -> String {
    guard let iterator = cmark_iter_new(node) else { return "" }
    defer { cmark_iter_free(iterator) }
    var text: [UInt8] = []
    while true {
        let event = cmark_iter_next(iterator)
        if event == CMARK_EVENT_DONE { break }
        guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
        switch cmark_node_get_type(child) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            appendLiteral(cmark_node_get_literal(child), to: &text)
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            text.append(0x20)
        default:
            break
        }
    }
    return String(decoding: text, as: UTF8.self)
}

/// Appends the bytes of a node's literal (a C string cmark owns), if it has one.
func appendLiteral(_ literal: UnsafePointer<CChar>?, to bytes: inout [UInt8]) {
    guard let literal else { return }
    literal.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: strlen(literal))) }
}

func escapeAttribute(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x22 || $0 == 0x3C || $0 == 0x3E }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "\"": result += "&quot;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        default: result.append(character)
        }
    }
    return result
}
