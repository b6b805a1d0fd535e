import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent
import PrepressMarkdown
import PrepressTestSupport

/// Highlighted code in a built site: on by default, `markdown: {highlight: false}` off, too-long lines a warning.
@Suite struct HighlightingBuildTests {
    let guide = "---\nterm: Code Guide\ndescription: D\ntags: [T]\npubDate: 2025-01-14\n---\n\nSome SQL:\n\n```sql\nSELECT 1;\n```\n"

    @Test func codeIsHighlightedUnlessTheSiteTurnsItOff() throws {
        let on = try TemporarySite(["content/a.md": guide]).buildInMemory()
        let page = try #require(on.files["guides/code-guide/index.html"])
        #expect(page.contains("<figure class=\"code\"><figcaption>SQL</figcaption><pre tabindex=\"0\"><code class=\"language-sql\"><span class=\"k\">SELECT"))
        let off = try TemporarySite(["content/a.md": guide, "site.yml": "title: T\nmarkdown:\n  highlight: false\n"]).buildInMemory()
        let plain = try #require(off.files["guides/code-guide/index.html"])
        #expect(plain.contains("<pre><code class=\"language-sql\">SELECT 1;\n</code></pre>"))
        #expect(!plain.contains("<figure class=\"code\">"))
        #expect(off.report.warnings.isEmpty, "\(off.report.warnings)")
    }

    @Test func aBlockWithATooLongLineStaysPlainWithAWarningAtItsLine() throws {
        let long = String(repeating: "x", count: MarkdownRenderer.longestHighlightedLine + 1)
        let site = try TemporarySite(["content/a.md": guide + "\nMore:\n\n```python\nshort = 1\n\(long)\n```\n"])
        let (files, report) = try site.buildInMemory()
        let page = try #require(files["guides/code-guide/index.html"])
        #expect(page.contains("<pre><code class=\"language-python\">short = 1\n\(long)\n</code></pre>"))
        let warnings = report.warnings.map(\.description).map { $0.replacingOccurrences(of: site.path + "/", with: "") }
        #expect(warnings == [
            "content/a.md:16:1: warning: code block left plain: a line of it is longer than \(MarkdownRenderer.longestHighlightedLine) bytes\n"
                + "    hint: highlighting takes time that grows with the square of a line's length; break the line to highlight it",
        ])
    }
}
