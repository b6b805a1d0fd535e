internal import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recognises the interview-guide shape on the cmark tree: question-type sections and their questions.
///
/// A question-type section is a heading whose text ends in "Questions". Below it, a heading deeper than
/// the section's that reads `Question N: …` or ends in `?` is a question; its answer is every block up to
/// the next heading of the same or a higher level. Anything else is ordinary article text.
struct QuestionExtractor {
    /// What the answer wrapper writes around each answer (practice mode), or nothing.
    let answerOpening: String
    let answerClosing: String
    let renderOptions: Int32
    /// Marks each answer in the document's HTML instead of rendering it apart; `sliceAnswers` then cuts the
    /// answers out of the one rendering of the whole document.
    let marksAnswers: Bool
    /// The code of each highlighted block (the custom block that took its place), for the answers' text.
    var codeLiterals: [OpaquePointer: String] = [:]

    /// Written at the start and end of each answer when `marksAnswers`: bytes no Markdown source here holds.
    static let answerStart: UInt8 = 0x01
    static let answerEnd: UInt8 = 0x02
    /// The `answerHTML` of a question whose answer is marked, until `sliceAnswers` gives it.
    static let markedAnswer = "\u{1}"

    /// Finds the questions among the document's top-level blocks and wraps each answer in a custom block.
    /// `headings` maps each heading's node (the id-carrying block that replaced it) to its facts.
    func extract(from document: OpaquePointer, headings: [OpaquePointer: Heading]) -> [QuestionGroup] {
        var groups: [QuestionGroup] = []
        var openQuestion: (heading: Heading, number: Int?, text: String, blocks: [OpaquePointer])?

        func closeQuestion() {
            guard let question = openQuestion, !groups.isEmpty else { return }
            openQuestion = nil
            let (html, text) = wrapAnswer(question.blocks)
            groups[groups.count - 1].questions.append(Question(
                text: question.text, number: question.number, heading: question.heading,
                answerHTML: Substring(html), answerText: text))
        }

        var typeLevel: Int?
        var node = cmark_node_first_child(document)
        while let current = node {
            node = cmark_node_next(current)
            guard let heading = headings[current] else {
                openQuestion?.blocks.append(current)
                continue
            }
            if let question = openQuestion {
                if heading.level > question.heading.level {
                    openQuestion?.blocks.append(current)
                    continue
                }
                closeQuestion()
            }
            if let level = typeLevel, heading.level <= level {
                typeLevel = nil
            }
            if let name = Self.typeName(heading.text) {
                typeLevel = heading.level
                groups.append(QuestionGroup(name: name, heading: heading, questions: []))
            } else if let level = typeLevel, heading.level > level, let (number, text) = Self.question(heading.text) {
                openQuestion = (heading, number, text, [])
            }
        }
        closeQuestion()
        return groups.filter { !$0.questions.isEmpty }
    }

    /// `Technical` for "Technical Questions"; nil when the text does not end in "Questions".
    static func typeName(_ text: String) -> String? {
        // Most headings are no type's: told from their bytes first, without lower-casing a copy of each.
        guard Self.mayEnd(text, with: "questions") else { return nil }
        var trimmed = Substring(text)
        while let last = trimmed.last, last == ":" || last == " " { trimmed = trimmed.dropLast() }
        guard trimmed.lowercased().hasSuffix("questions") else { return nil }
        var name = trimmed.dropLast("questions".count)
        while let last = name.last, last == " " || last == "-" || last == ":" { name = name.dropLast() }
        return name.isEmpty ? "General" : String(name)
    }

    /// The number and text of "Question 3: Why?", or nil and the text of a heading ending in "?"; nil otherwise.
    static func question(_ text: String) -> (Int?, String)? {
        guard Self.mayBeQuestion(text) else { return nil }
        let trimmed = text.trimmingCharacters(in: " ")
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("question") {
            var rest = trimmed.dropFirst("question".count).drop { $0 == " " }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, let number = Int(digits) {
                rest = rest.dropFirst(digits.count).drop { $0 == " " }
                if let separator = rest.first, ":.)-–—".contains(separator) {
                    let question = rest.dropFirst().drop { $0 == " " }
                    if !question.isEmpty { return (number, String(question)) }
                }
            }
        }
        return trimmed.hasSuffix("?") ? (nil, trimmed) : nil
    }

    // The byte checks below only ever say no where the text checks after them would: lower-casing turns no
    // character but an ASCII letter into one (İ, K and Å become a letter and a mark, one character), so a text
    // whose bytes fail an ASCII comparison that ignores case fails the comparison of its characters too.

    /// Whether `text`, its last `:` and spaces left out, may end in `word` (ASCII lower case), ignoring case.
    private static func mayEnd(_ text: String, with word: StaticString) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: ":") || bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            let count = word.utf8CodeUnitCount
            guard end >= count else { return false }
            let letters = word.utf8Start
            for offset in 0..<count where bytes[end - count + offset] | 0x20 != letters[offset] { return false }
            return true
        } ?? true
    }

    /// Whether `text` may be a question's heading: it starts with "question" (any case, after spaces) or
    /// ends with `?` (before spaces).
    private static func mayBeQuestion(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
            while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            if end > start, bytes[end - 1] == UInt8(ascii: "?") { return true }
            let word: StaticString = "question"
            let count = word.utf8CodeUnitCount
            guard end - start >= count else { return false }
            for offset in 0..<count where bytes[start + offset] | 0x20 != word.utf8Start[offset] { return false }
            return true
        } ?? true
    }

    /// Moves the answer's blocks into a custom block that writes the answer wrapper, and renders it.
    private func wrapAnswer(_ blocks: [OpaquePointer]) -> (html: String, text: String) {
        guard let first = blocks.first, let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return ("", "") }
        cmark_node_insert_before(first, wrapper)
        for block in blocks {
            cmark_node_append_child(wrapper, block)
        }
        if marksAnswers {
            cmark_node_set_on_enter(wrapper, answerOpening + "\u{1}")
            cmark_node_set_on_exit(wrapper, "\u{2}" + answerClosing)
            return (Self.markedAnswer, blockText(of: wrapper))
        }
        cmark_node_set_on_enter(wrapper, answerOpening)
        cmark_node_set_on_exit(wrapper, answerClosing)
        var html = ""
        if let rendered = cmark_render_html(wrapper, renderOptions) {
            html = String(cString: rendered)
            free(rendered)
        }
        // The wrapper's own text is not part of the answer.
        if html.hasPrefix(answerOpening) { html.removeFirst(answerOpening.count) }
        while html.hasPrefix("\n") { html.removeFirst() }
        if !answerClosing.isEmpty, html.hasSuffix(answerClosing + "\n") { html.removeLast(answerClosing.count + 1) }
        return (html, blockText(of: wrapper))
    }

    /// The document's HTML (as cmark wrote it, with the answer marks) without the marks, and where each answer
    /// is in it, as UTF-8 offsets, in document order; the HTML is what a rendering without marks gives. A mark
    /// and the line break cmark writes after a custom block's text go together when the wrapper writes
    /// nothing else (practice mode off). The bytes are read once, into the string's own storage.
    func sliceAnswers(_ bytes: UnsafeBufferPointer<UInt8>) -> (html: String, answers: [Range<Int>]) {
        var answers: [Range<Int>] = []
        var output: [UInt8] = []
        var answerStart: Int?
        let bare = answerOpening.isEmpty && answerClosing.isEmpty
        output.reserveCapacity(bytes.count)
        guard let base = bytes.baseAddress else { return ("", []) }
        var index = 0
        var runStart = 0
        // Marks alternate, a start then its end (answers do not nest, and the source holds no mark bytes):
        // each is found with memchr, not by looking at every byte of the document.
        var next = Self.answerStart
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(next), bytes.count - index) else { break }
            index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            let byte = next
            next = next == Self.answerStart ? Self.answerEnd : Self.answerStart
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += 1
            if bare, index < bytes.count, bytes[index] == 0x0A { index += 1 }
            if byte == Self.answerStart {
                // As the answer rendered apart: no line break before its first block.
                while index < bytes.count, bytes[index] == 0x0A { output.append(0x0A); index += 1 }
                answerStart = output.count
            } else {
                answers.append((answerStart ?? output.count)..<output.count)
                answerStart = nil
            }
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        return (String(decoding: output, as: UTF8.self), answers)
    }

    /// Plain text of a subtree, a line per block. Gathered as bytes straight from cmark's literals and made a
    /// string once, its storage no larger than the text (appending to a `String` doubles its capacity as it
    /// grows: a third of the answers' memory at 10,000 guides).
    private func blockText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = TextBytes()
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if event == CMARK_EVENT_EXIT {
                if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { text.endLine() }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text.append(cmark_node_get_literal(child))
            case CMARK_NODE_CODE_BLOCK:
                text.append(cmark_node_get_literal(child))
                text.endLine()
            case CMARK_NODE_CUSTOM_BLOCK:
                if var literal = codeLiterals[child] {
                    literal.withUTF8 { text.bytes.append(contentsOf: $0) }
                    text.endLine()
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text.bytes.append(0x20)
            case CMARK_NODE_ITEM:
                if !text.bytes.isEmpty { text.endLine() }
                text.bytes.append(contentsOf: [0x2D, 0x20])
            default:
                break
            }
        }
        while text.bytes.last == 0x0A { text.bytes.removeLast() }
        return String(decoding: text.bytes, as: UTF8.self)
    }
}

/// The bytes of a text being gathered.
private struct TextBytes {
    var bytes: [UInt8] = []

    mutating func append(_ literal: UnsafePointer<CChar>?) {
        appendLiteral(literal, to: &bytes)
    }

    /// Ends the line unless it has just ended.
    mutating func endLine() {
        if bytes.last != 0x0A { bytes.append(0x0A) }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
