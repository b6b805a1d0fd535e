import Dispatch
import Foundation
import Testing
@testable import PrepressMarkdown

/// Fenced code highlighted by KSyntaxHighlighting (docs/highlighting.md).
@Suite struct CodeHighlightingTests {
    let renderer = MarkdownRenderer()

    /// The text of a highlighted block's `<code>` as a reader sees it: tags gone, entities read.
    func codeText(of html: String) -> String? {
        guard let open = html.range(of: "<code class=\"language-"), let start = html[open.upperBound...].firstIndex(of: ">"),
              let end = html.range(of: "</code>", options: .backwards) else { return nil }
        let inner = String(html[html.index(after: start)..<end.lowerBound])
        return inner.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func aKnownLanguageIsHighlightedUnderItsName() {
        let html = renderer.render("```sql\nSELECT name FROM guides WHERE id = 1; -- one\n```\n").html
        #expect(html.hasPrefix("<figure class=\"code\"><figcaption>SQL</figcaption><pre tabindex=\"0\"><code class=\"language-sql\">"))
        #expect(html.contains("<span class=\"k\">SELECT"))
        #expect(html.contains("<span class=\"n\">1</span>"))
        #expect(html.contains("<span class=\"c\">-- one</span>"))
        #expect(html.hasSuffix("</code></pre></figure>\n"))
        #expect(codeText(of: html) == "SELECT name FROM guides WHERE id = 1; -- one\n")
    }

    @Test func unknownMissingAndIndentedCodeStaysPlain() {
        let plain = MarkdownRenderer(options: MarkdownOptions(highlight: false))
        for markdown in ["```mermaid\ngraph TD; A-->B\n```\n", "```\nSELECT 1\n```\n", "    SELECT 1\n",
                         "```not-a-language-at-all\nx < y\n```\n"] {
            #expect(renderer.render(markdown).html == plain.render(markdown).html, "\(markdown)")
            #expect(!renderer.render(markdown).html.contains("<span"))
        }
        #expect(renderer.render("```mermaid\ngraph TD; A-->B\n```\n").html
            == "<pre><code class=\"language-mermaid\">graph TD; A--&gt;B\n</code></pre>\n")
    }

    @Test func highlightFalseLeavesEveryBlockAsCmarkWritesIt() {
        let plain = MarkdownRenderer(options: MarkdownOptions(highlight: false))
        #expect(plain.render("```python\nprint(1)\n```\n").html == "<pre><code class=\"language-python\">print(1)\n</code></pre>\n")
    }

    @Test(arguments: [("js", "javascript"), ("py", "python"), ("sh", "bash"), ("shell", "bash"), ("yml", "yaml"),
                      ("JS", "javascript"), ("Python", "python")])
    func aliasesHighlightAsTheirLanguage(alias: String, language: String) throws {
        let code = "if x == 1: print('one')  # note\n"
        func tokens(_ info: String) -> String? {
            let html = renderer.render("```\(info)\n\(code)```\n").html
            return html.range(of: "<pre").map { String(html[$0.lowerBound...]) }?
                .replacingOccurrences(of: "language-\(info)", with: "language-")
        }
        let viaAlias = try #require(tokens(alias))
        #expect(viaAlias.contains("<span class="))
        #expect(viaAlias == tokens(language))
    }

    @Test func theNamesPagesShow() throws {
        for (info, name) in [("sql", "SQL"), ("python", "Python"), ("js", "JavaScript"), ("java", "Java"), ("go", "Go"),
                             ("bash", "Bash"), ("sh", "Bash"), ("yaml", "YAML"), ("yml", "YAML"), ("json", "JSON"),
                             ("cpp", "C++"), ("ts", "TypeScript"), ("kotlin", "Kotlin"), ("rust", "Rust")] {
            #expect(renderer.render("```\(info)\nx\n```\n").html.contains("<figcaption>\(name)</figcaption>"), "\(info)")
        }
    }

    @Test func yamlKeysCommentsAndConstantsAreTokens() {
        let html = renderer.render("```yaml\nname: ci # the workflow\nretries: 3\nurl: \"http://x#y\"\n```\n").html
        #expect(html.contains("<span class=\"f\">name</span>"))
        #expect(html.contains("<span class=\"c\"> # the workflow</span>"))
        #expect(html.contains("<span class=\"n\">3</span>"))
        #expect(html.contains("<span class=\"s\">&quot;http://x#y&quot;</span>"))
    }

    @Test func codeThatLooksLikeMarkupIsEscaped() throws {
        let code = "let html = \"<b>&amp;</b>\" + '</script><script>alert(1)</script>' // a < b && c > d, é < ü & \"ß\"\n"
        let html = renderer.render("```javascript\n\(code)```\n").html
        #expect(!html.contains("</script"))
        #expect(!html.contains("<b>"))
        #expect(codeText(of: html) == code)
    }

    @Test func tabsLongLinesAndWindowsLineEndingsSurvive() throws {
        let tabbed = "def f():\n\treturn 1\n"
        #expect(codeText(of: renderer.render("```python\n\(tabbed)```\n").html) == tabbed)
        let crlf = renderer.render("```python\r\ndef f():\r\n    return 1\r\n```\r\n").html
        #expect(!crlf.contains("\r"))
        #expect(codeText(of: crlf) == "def f():\n    return 1\n")
        let fits = "x = [" + Array(repeating: "1234", count: 80).joined(separator: ", ") + "]\n"
        let atLimit = renderer.render("```python\n\(fits)```\n")
        #expect(atLimit.html.contains("<span class=\"n\">1234</span>"))
        #expect(atLimit.unhighlightedCode.isEmpty)
        // A line longer than the limit (minified code, data) leaves its block plain, and says where.
        let long = "x = [" + Array(repeating: "1234", count: 25_000).joined(separator: ", ") + "]\n"
        let tooLong = renderer.render("Text.\n\n```python\n\(long)```\n")
        #expect(codeText(of: tooLong.html) == long)
        #expect(!tooLong.html.contains("<span"))
        #expect(tooLong.unhighlightedCode == [3])
    }

    /// A megabyte of code renders, every byte kept, in time that grows with its length: eight times the code
    /// takes well under the 64 times a quadratic highlighter would.
    @Test func aMegabyteBlockRendersInLinearTime() throws {
        let line = "SELECT id, name FROM users WHERE age > 30 AND city = 'Oslo'; -- a comment with < and &\n"
        func block(_ bytes: Int) -> String { String(repeating: line, count: bytes / line.utf8.count) }
        let small = block(128 * 1024), large = block(1024 * 1024)
        func seconds(_ code: String) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            let html = renderer.render("```sql\n\(code)```\n").html
            #expect(codeText(of: html) == code)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        _ = seconds(small)
        let ratio = seconds(large) / max(seconds(small), 1e-6)
        #expect(ratio < 24, "1 MB took \(ratio)× the time of 128 KB")
    }

    @Test func answersKeepTheirCodeAsTextAndHighlightedInHTML() throws {
        let markdown = "## Technical Questions\n\n### Question 1: Which rows?\n\nThis one:\n\n```sql\nSELECT 1;\n```\n"
        let question = try #require(renderer.render(markdown).questionGroups.first?.questions.first)
        #expect(question.answerText.contains("SELECT 1;"))
        #expect(question.answerHTML.contains("<span class=\"k\">SELECT"))
        var apart = renderer
        apart.cutsAnswersFromDocument = false
        let separate = try #require(apart.render(markdown).questionGroups.first?.questions.first)
        #expect(separate.answerText == question.answerText)
        #expect(String(separate.answerHTML) == String(question.answerHTML))
    }

    /// Each thread has its own repository of definitions, loaded as languages are first asked for: many threads
    /// at once must each get what one thread alone gets.
    @Test func manyThreadsAtOnceGetTheSameHTML() {
        let languages = ["sql", "python", "javascript", "java", "go", "bash", "yaml", "json", "ruby", "rust", "cpp", "php",
                         "typescript", "kotlin", "swift", "scala"]
        let documents = (0..<96).map { "```\(languages[$0 % languages.count])\nx = \"\($0)\" # c\nreturn f(\($0))\n```\n" }
        let shared = renderer
        let alone = documents.map { shared.render($0).html }
        let results = UnsafeMutableBufferPointer<String>.allocate(capacity: documents.count)
        results.initialize(repeating: "")
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: documents.count) { slots[$0] = shared.render(documents[$0]).html }
        #expect(Array(results) == alone)
    }
}
