import Testing
@testable import PrepressContent

/// Front matter written for Hugo, Jekyll, Zola, Docusaurus or Eleventy reads as its Prepress keys; where both
/// are given, the Prepress key wins and the other is reported (#17, item 1).
@Suite struct FrontMatterAliasTests {
    func parse(_ text: String) throws -> ParsedGuide {
        try GuideParser.parse(text, file: "content/x.md")
    }

    func warnings(_ guide: ParsedGuide) -> [String] {
        guide.warnings.map(\.description)
    }

    @Test func hugoAndJekyllKeysReadAsPrepressKeys() throws {
        let guide = try parse("""
        ---
        title: Arrays
        summary: Questions on arrays.
        date: 2024-01-25 10:00:00 +0100
        lastmod: 2024-03-01
        categories: [Coding, Data Structures, Interview Prep]
        keywords: [arrays, lists]
        weight: 10
        draft: true
        ---
        Body
        """)
        let matter = guide.frontMatter
        #expect(matter.term == "Arrays")
        #expect(matter.description == "Questions on arrays.")
        #expect(matter.pubDate == GuideDate(year: 2024, month: 1, day: 25, hour: 10, minute: 0, second: 0, offsetMinutes: 60))
        #expect(matter.modDate == GuideDate(year: 2024, month: 3, day: 1))
        #expect(matter.category == "Coding")
        // The other categories become tags, after the guide's own.
        #expect(matter.tags == ["arrays", "lists", "Data Structures", "Interview Prep"])
        #expect(matter.draft)
        #expect(matter.params.map(\.key) == ["weight"])
        #expect(warnings(guide).isEmpty)
        // Messages about a value point at the key it was written as.
        #expect(matter.locations["pubDate"] == SourceLocation(file: "content/x.md", line: 4, column: 7))
        #expect(matter.locations["modDate"] == SourceLocation(file: "content/x.md", line: 5, column: 10))
    }

    @Test func eachModifiedDateKeyIsRead() throws {
        for key in ["modDate", "lastmod", "updated", "last_modified_at"] {
            let guide = try parse("---\nterm: T\n\(key): 2025-02-03\n---\n")
            #expect(guide.frontMatter.modDate == GuideDate(year: 2025, month: 2, day: 3), "\(key)")
        }
    }

    @Test func docusaurusLastUpdateAndSidebarPosition() throws {
        let guide = try parse("""
        ---
        title: Trees
        date: 2025-01-01
        sidebar_position: 3
        last_update:
          date: 2025-02-03
          author: Ada
        ---
        """)
        #expect(guide.frontMatter.modDate == GuideDate(year: 2025, month: 2, day: 3))
        #expect(guide.frontMatter.params.map(\.key) == ["sidebar_position"])
        #expect(warnings(guide) == [
            "content/x.md:7:11: warning: 'last_update.author' is not used\n    hint: Prepress reads only last_update.date, as the guide's modDate",
        ])
        #expect(throws: DiagnosticsError.self) { try parse("---\ntitle: T\nlast_update: 2025-02-03\n---\n") }
    }

    @Test func thePrepressKeyWinsWithAWarning() throws {
        let guide = try parse("""
        ---
        term: Term
        title: Title
        description: Description
        summary: Summary
        pubDate: 2025-01-01
        date: 2024-01-01
        modDate: 2025-02-01
        updated: 2024-02-01
        lastmod: 2024-03-01
        category: Sales
        categories: [Other, More]
        tags: [a]
        keywords: [b]
        ---
        """)
        let matter = guide.frontMatter
        #expect(matter.term == "Term")
        #expect(matter.description == "Description")
        #expect(matter.pubDate == GuideDate(year: 2025, month: 1, day: 1))
        #expect(matter.modDate == GuideDate(year: 2025, month: 2, day: 1))
        #expect(matter.category == "Sales")
        #expect(matter.tags == ["a"])
        #expect(matter.params.isEmpty)
        #expect(warnings(guide) == [
            "content/x.md:3:8: warning: 'title' is not used: 'term' is given too and wins\n    hint: both set the guide's term; remove 'title'",
            "content/x.md:5:10: warning: 'summary' is not used: 'description' is given too and wins\n    hint: both set the guide's description; remove 'summary'",
            "content/x.md:7:7: warning: 'date' is not used: 'pubDate' is given too and wins\n    hint: both set the guide's pubDate; remove 'date'",
            "content/x.md:9:10: warning: 'updated' is not used: 'modDate' is given too and wins\n    hint: both set the guide's modDate; remove 'updated'",
            "content/x.md:10:10: warning: 'lastmod' is not used: 'modDate' is given too and wins\n    hint: both set the guide's modDate; remove 'lastmod'",
            "content/x.md:12:13: warning: 'categories' is not used: 'category' is given too and wins\n    hint: both set the guide's category; remove 'categories'",
            "content/x.md:14:11: warning: 'keywords' is not used: 'tags' is given too and wins\n    hint: both set the guide's tags; remove 'keywords'",
        ])
    }

    @Test func keywordsTextIsSplitAtCommasAndCategoriesTextIsOneCategory() throws {
        let guide = try parse("---\nterm: T\nkeywords: \"arrays, linked lists ,arrays\"\ncategories: Data Structures\n---\n")
        #expect(guide.frontMatter.tags == ["arrays", "linked lists"])
        #expect(guide.frontMatter.category == "Data Structures")
    }

    @Test func aliasesAreCheckedLikeTheirKeys() {
        let texts = [
            "---\ntitle: T\ndate: 2025-13-01\n---\n": "content/x.md:3:7: error: 'date' is not a valid date: month 13 does not exist",
            "---\ntitle: T\ncategories: {a: b}\n---\n": "content/x.md:3:13: error: 'categories' must be a list of texts, not a mapping",
            "---\ntitle: T\nkeywords: [[a]]\n---\n": "content/x.md:3:12: error: each item of 'keywords' must be a text, not a list",
        ]
        for (text, message) in texts {
            do throws(DiagnosticsError) {
                _ = try GuideParser.parse(text, file: "content/x.md")
                Issue.record("no error for \(text.debugDescription)")
            } catch {
                #expect(error.diagnostics.first.map { String($0.description.split(separator: "\n")[0]) } == message)
            }
        }
    }

    @Test func tomlFrontMatterTakesTheSameKeys() throws {
        let guide = try parse("+++\ntitle = \"Zola guide\"\ndate = 2024-05-06\nupdated = 2024-06-07\n+++\nBody\n")
        #expect(guide.frontMatter.term == "Zola guide")
        #expect(guide.frontMatter.pubDate == GuideDate(year: 2024, month: 5, day: 6))
        #expect(guide.frontMatter.modDate == GuideDate(year: 2024, month: 6, day: 7))
    }

    @Test func zolasTaxonomiesTableGivesTagsAndCategory() throws {
        let guide = try parse("+++\ntitle = \"Z\"\ndate = 2024-05-06\n[taxonomies]\ntags = [\"rust\", \"async\"]\ncategories = [\"Backend\", \"Systems\"]\nauthors = [\"Ada\"]\n+++\n")
        #expect(guide.frontMatter.tags == ["rust", "async", "Systems"])
        #expect(guide.frontMatter.category == "Backend")
        #expect(guide.frontMatter.params.isEmpty)
        #expect(warnings(guide).map { String($0.split(separator: "\n")[0]) } == [
            "content/x.md:4:1: warning: 'taxonomies.authors' is not used",
        ])
        // The guide's own keys win.
        let both = try parse("---\ntitle: Z\ndate: 2024-05-06\ntags: [mine]\ntaxonomies: {tags: [theirs]}\n---\n")
        #expect(both.frontMatter.tags == ["mine"])
        #expect(warnings(both).map { String($0.split(separator: "\n")[0]) } == [
            "content/x.md:5:20: warning: 'taxonomies.tags' is not used: 'tags' is given too and wins",
        ])
    }
}
