import Testing
@testable import PrepressMarkdown

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func headingsGetIDsAndKeepTheirInlineMarkup() {
        let result = renderer.render("## Hello *big* `world`\n\nText.\n")
        #expect(result.html == "<h2 id=\"hello-big-world\">Hello <em>big</em> <code>world</code></h2>\n<p>Text.</p>\n")
        #expect(result.headings == [Heading(level: 2, text: "Hello big world", id: "hello-big-world", line: 1)])
    }

    @Test func duplicateHeadingsAreNumbered() {
        let result = renderer.render("## Tips\n\n### Tips\n\n## Tips\n")
        #expect(result.headings.map(\.id) == ["tips", "tips-1", "tips-2"])
    }

    @Test func reservedIDsAreNeverTaken() {
        let result = MarkdownRenderer(reservedIDs: ["main"]).render("# Main\n")
        #expect(result.headings.map(\.id) == ["main-1"])
    }

    @Test func questionHeadingIDsFollowGitHub() {
        let result = renderer.render("#### Question 1: What is your experience, and how?\n")
        #expect(result.headings.first?.id == "question-1-what-is-your-experience-and-how")
    }

    @Test func nonLatinHeadingsKeepTheirLetters() {
        #expect(renderer.render("## 面接対策\n").headings.first?.id == "面接対策")
        #expect(renderer.render("## !!!\n").headings.first?.id == "section")
    }

    @Test func smartPunctuationIsOnByDefaultAndCanBeTurnedOff() {
        #expect(renderer.render("\"Hi\" -- it's...\n").html == "<p>“Hi” – it’s…</p>\n")
        let plain = MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false))
        #expect(plain.render("\"Hi\"\n").html == "<p>&quot;Hi&quot;</p>\n")
    }

    @Test func rawHTMLPassesOrIsOmitted() {
        let markdown = "<div class=\"note\">Hi</div>\n\nA <b>bold</b> [x](javascript:alert(1)).\n"
        #expect(renderer.render(markdown).html.contains("<div class=\"note\">Hi</div>"))
        let safe = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: false)).render(markdown).html
        #expect(!safe.contains("<div"))
        #expect(!safe.contains("<b>"))
        #expect(!safe.contains("javascript:"))
        #expect(safe.contains("raw HTML omitted"))
    }

    @Test func wordsOfProseAndCodeAreCounted() {
        let result = renderer.render("# Two words\n\nThree more words, `and code`.\n\n```\nlet x = 1\n```\n")
        // "=" holds no letter or digit, so it is no word.
        #expect(result.wordCount == 2 + 5 + 3)
    }

    @Test func linksAreRewrittenInlineAndByReference() {
        let markdown = """
        See [the other](other.md#skills) and [ref][r] and ![pic](/images/a.png).

        [r]: ./third.md
        """
        let result = renderer.render(markdown) { written in
            written.hasSuffix(".md") || written.contains(".md#") ? .replace("/guides/" + written) : .keep
        }
        #expect(result.html.contains("<a href=\"/guides/other.md#skills\">the other</a>"))
        #expect(result.html.contains("<a href=\"/guides/./third.md\">ref</a>"))
        #expect(result.links.map(\.written) == ["other.md#skills", "./third.md", "/images/a.png"])
        #expect(result.links.map(\.kind) == [.link, .link, .image])
        #expect(result.links.allSatisfy { $0.line == 1 })
    }

    @Test func aLinkDroppedKeepsItsTextInItsPlace() {
        let result = renderer.render("A [*b* c](x.md) d ![e](y.md) [f](g.html).\n") { written in
            written.hasSuffix(".md") ? .unlink : .keep
        }
        #expect(result.html == "<p>A <em>b</em> c d e <a href=\"g.html\">f</a>.</p>\n")
        #expect(result.links.map(\.destination) == ["", "", "g.html"])
        #expect(result.wordCount == 6)
    }

    @Test func headingsAreReportedWithTheirLines() {
        let result = renderer.render("Intro\n\n## A\n\ntext\n\n### B\n")
        #expect(result.headings.map(\.line) == [3, 7])
        #expect(!result.html.contains("data-sourcepos"))
    }

    /// A heading of text alone is escaped as cmark escapes text, without rendering it; one with markup is
    /// rendered by cmark. Both give what cmark gives for the heading's inlines.
    @Test(arguments: [
        ("## Tom & \"Jerry\" <3 'x' / y", "<h2 id=\"tom--jerry-3-x--y\">Tom &amp; &quot;Jerry&quot; &lt;3 'x' / y</h2>"),
        ("## a &amp; b &lt; c \\* d", "<h2 id=\"a--b--c--d\">a &amp; b &lt; c * d</h2>"),
        ("## Why *this*?", "<h2 id=\"why-this\">Why <em>this</em>?</h2>"),
        ("Setext\nheading\n---", "<h2 id=\"setext-heading\">Setext\nheading</h2>"),
        ("## <b>raw</b>", "<h2 id=\"raw\"><b>raw</b></h2>"),
    ])
    func headingInlines(source: String, html: String) {
        let result = MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false, unsafeHTML: true)).render(source + "\n")
        #expect(result.html == html + "\n")
    }

    @Test func invalidUTF8AndNULBytesNeverCrash() {
        let result = renderer.render("a\u{0}b\n")
        #expect(result.html.contains("a"))
    }

    /// ASCII headings take a byte path; it must agree with the Unicode one (forced by a trailing "é").
    @Test func asciiAnchorsMatchTheUnicodePath() {
        var texts = ["Question 1: Why C++ & C#?", "  Tabs\tand\nnew-lines  ", "under_score (v2.0) -- 100%", "ALL CAPS!", "",
                     // Smart punctuation stays on the byte path.
                     "What’s ‘new’ in “Swift” – 2024—25…", "’Tis’", "…"]
        texts.append(String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }))
        for text in texts {
            #expect(HeadingIDGenerator.anchor(for: text) + "é" == HeadingIDGenerator.anchor(for: text + "é"), "\(text.debugDescription)")
        }
    }
}
