import Foundation
import Testing
@testable import PrepressContent
import PrepressTestSupport

@Suite struct GuideParserTests {
    func parse(_ text: String) throws -> ParsedGuide {
        try GuideParser.parse(text, file: "content/x.md")
    }

    /// The errors a text gives, as printed.
    func errors(_ text: String) -> [String] {
        do {
            _ = try GuideParser.parse(text, file: "content/x.md")
            return []
        } catch {
            return error.diagnostics.filter(\.isError).map(\.description)
        }
    }

    @Test func theWholeSchemaIsRead() throws {
        let guide = try parse("""
        ---
        term: "Nurse Manager Interview Guide"
        description: Questions and answers.
        category: Healthcare
        vertical: "Hospitals"
        pubDate: 2025-01-14
        modDate: "2025-02-01"
        author: {name: Ada, url: /about/}
        avatar:
          url: /images/ada.png
          alt: Ada smiling
        image: {url: /images/hero.jpg, alt: A ward}
        tags: ["Interview Prep", Leadership]
        slug: nurse-manager
        draft: false
        rating: 4.5
        count: 012
        flag: yes
        label: "012"
        nothing: ~
        nested: {a: [1, two]}
        ---
        ## Body
        """)
        let matter = guide.frontMatter
        #expect(matter.term == "Nurse Manager Interview Guide")
        #expect(matter.description == "Questions and answers.")
        #expect(matter.category == "Healthcare")
        #expect(matter.vertical == "Hospitals")
        #expect(matter.pubDate == GuideDate(year: 2025, month: 1, day: 14))
        #expect(matter.modDate == GuideDate(year: 2025, month: 2, day: 1))
        #expect(matter.author == Author(name: "Ada", url: "/about/"))
        #expect(matter.avatar == ImageReference(url: "/images/ada.png", alt: "Ada smiling"))
        #expect(matter.image == ImageReference(url: "/images/hero.jpg", alt: "A ward"))
        #expect(matter.tags == ["Interview Prep", "Leadership"])
        #expect(matter.slug == "nurse-manager")
        #expect(matter.draft == false)
        #expect(matter.params == [
            ParamEntry(key: "rating", value: .double(4.5)),
            ParamEntry(key: "count", value: .integer(12)),
            ParamEntry(key: "flag", value: .string("yes")),
            ParamEntry(key: "label", value: .string("012")),
            ParamEntry(key: "nothing", value: .null),
            ParamEntry(key: "nested", value: .map([ParamEntry(key: "a", value: .list([.integer(1), .string("two")]))])),
        ])
        #expect(guide.body == "## Body")
        #expect(guide.bodyStartLine == 23)
        #expect(guide.warnings.isEmpty)
    }

    @Test func theSchemaDecidesTypesNotYAML11() throws {
        let matter = try parse("---\nterm: no\ncategory: 012\ntags: yes\npubDate: 2025-01-14\n---\n").frontMatter
        #expect(matter.term == "no")
        #expect(matter.category == "012")
        #expect(matter.tags == ["yes"])
    }

    @Test func titleStandsInForTermAndOneStringIsOneTag() throws {
        let matter = try parse("---\ntitle: Hello\ntags: B2B Sales\npubDate: 2025-01-14\n---\n").frontMatter
        #expect(matter.term == "Hello")
        #expect(matter.tags == ["B2B Sales"])
    }

    @Test(arguments: [
        ("2025-01-14", GuideDate(year: 2025, month: 1, day: 14)),
        ("\"2025-01-14\"", GuideDate(year: 2025, month: 1, day: 14)),
        ("2024-06-01T23:30-07:00", GuideDate(year: 2024, month: 6, day: 1, hour: 23, minute: 30, offsetMinutes: -420)),
        ("'2024-06-01T23:30:15Z'", GuideDate(year: 2024, month: 6, day: 1, hour: 23, minute: 30, second: 15, offsetMinutes: 0)),
        ("2024-02-29 08:00:00.5+05:30", GuideDate(year: 2024, month: 2, day: 29, hour: 8, offsetMinutes: 330)),
    ])
    func datesInEveryForm(written: String, expected: GuideDate) throws {
        let matter = try parse("---\nterm: T\npubDate: \(written)\n---\n").frontMatter
        #expect(matter.pubDate == expected)
    }

    @Test func theAuthorsCalendarDayIsKept() throws {
        let date = try #require(try parse("---\nterm: T\npubDate: 2024-06-01T23:30-07:00\n---\n").frontMatter.pubDate)
        #expect(date.displayText == "June 1, 2024")
        #expect(date.rfc3339 == "2024-06-01T23:30:00-07:00")
        #expect(date.secondsSinceEpoch == 1_717_309_800)
    }

    @Test func aDateForPeopleIsItsMonthDayAndYearUnpadded() {
        for (date, text) in [(GuideDate(year: 2025, month: 1, day: 14), "January 14, 2025"), (GuideDate(year: 999, month: 12, day: 31), "December 31, 999"),
                             (GuideDate(year: 2024, month: 9, day: 5), "September 5, 2024")] {
            #expect(date.displayText == text)
        }
    }

    @Test(arguments: [
        (GuideDate(year: 2025, month: 1, day: 14), "2025-01-14", "2025-01-14T00:00:00Z"),
        (GuideDate(year: 987, month: 12, day: 3, hour: 9, minute: 5, second: 7), "0987-12-03", "0987-12-03T09:05:07Z"),
        (GuideDate(year: 7, month: 10, day: 31, hour: 23, minute: 59, second: 59, offsetMinutes: -90), "0007-10-31", "0007-10-31T23:59:59-01:30"),
        (GuideDate(year: 12345, month: 6, day: 1, hour: 0, offsetMinutes: 345), "12345-06-01", "12345-06-01T00:00:00+05:45"),
        (GuideDate(year: -44, month: 3, day: 15), "0-44-03-15", "0-44-03-15T00:00:00Z"),
    ])
    func datesAreWrittenWithTheirDigitsPadded(date: GuideDate, day: String, dateTime: String) {
        #expect(date.day8601 == day)
        #expect(date.rfc3339 == dateTime)
    }

    /// The demo site's guides, the shared sample among them, parse with every key known and nothing to warn about.
    @Test func theDemoSiteGuidesParseCleanly() throws {
        let content = repositoryRoot + "/content"
        let paths = try FileManager.default.subpathsOfDirectory(atPath: content).filter { $0.hasSuffix(".md") }.sorted()
        #expect(paths.contains("medical-equipment-account-manager.md"))
        for path in paths {
            let text = try String(contentsOfFile: content + "/" + path, encoding: .utf8)
            let guide = try GuideParser.parse(text, file: "content/" + path)
            #expect(guide.warnings.isEmpty, "\(path): \(guide.warnings)")
            #expect(guide.frontMatter.pubDate.map { $0.secondsSinceEpoch <= Int(fixedNow.timeIntervalSince1970) } ?? false,
                    "\(path) is dated before the tests' fixed clock")
        }
    }

    @Test func tomlFrontMatter() throws {
        let guide = try parse("+++\nterm = \"TOML Guide\"\ntags = [\"a\", \"b\"]\npubDate = 2025-01-14\ndraft = true\nrating = 5\n+++\nBody\n")
        #expect(guide.frontMatter.term == "TOML Guide")
        #expect(guide.frontMatter.tags == ["a", "b"])
        #expect(guide.frontMatter.pubDate == GuideDate(year: 2025, month: 1, day: 14))
        #expect(guide.frontMatter.draft)
        #expect(guide.frontMatter.params == [ParamEntry(key: "rating", value: .integer(5))])
        #expect(guide.body == "Body\n")
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let guide = try parse("\u{FEFF}---\r\nterm: \"CRLF\"\r\npubDate: 2025-01-14\r\n---\r\nLine one\r\nLine two\r\n")
        #expect(guide.frontMatter.term == "CRLF")
        #expect(guide.body == "Line one\nLine two\n")
        #expect(guide.bodyStartLine == 5)
    }

    @Test func aGuideWithoutPubDateBuildsWithAWarning() throws {
        let guide = try parse("---\nterm: T\n---\n")
        #expect(guide.warnings.map(\.description) == [
            "content/x.md:1:1: warning: no 'pubDate': the guide is listed after dated guides and left out of feeds\n    hint: add `pubDate: YYYY-MM-DD`",
        ])
    }

    /// Blank lines and white space before the opening delimiter are accepted, as Zola accepts them; lines of
    /// the front matter and body keep their numbers in the file. Anything else before it is still no front matter.
    @Test func blankLinesMayComeBeforeTheOpeningDelimiter() throws {
        let yaml = try parse("\n  \n\t\n---\nterm: T\npubDate: 2025-01-14\n---\nBody.\n")
        #expect(yaml.frontMatter.term == "T")
        #expect(yaml.bodyStartLine == 8)
        #expect(yaml.body == "Body.\n")
        let toml = try parse("\r\n\r\n+++\nterm = \"T\"\npubDate = 2025-01-14\n+++\nBody.\n")
        #expect(toml.frontMatter.term == "T")
        #expect(toml.bodyStartLine == 7)
        #expect(errors("\n\n---\nterm: T\npubDate: 2025-13-45\n---\n") == [
            "content/x.md:5:10: error: 'pubDate' is not a valid date: month 13 does not exist\n    hint: write a date as YYYY-MM-DD (2025-01-14) or a date-time as 2025-01-14T09:30:00+01:00",
        ])
        #expect(errors("\n\n+++\nterm = [\n+++\n").first?.hasPrefix("content/x.md:4:") == true)
        for text in ["\nIntro.\n---\nterm: T\n---\n", "\n\n", "   ", ""] {
            #expect(errors(text).first?.contains("no front matter") == true, "\(text.debugDescription)")
        }
    }

    @Test func errorsCarryTheirPlaceInTheFile() {
        let table: [(String, [String])] = [
            ("# No front matter\n", [
                "content/x.md:1:1: error: no front matter: a guide starts with a '---' line\n    hint: begin the file with:\n    ---\n    term: \"Your Guide Title\"\n    pubDate: 2025-01-14\n    ---",
            ]),
            ("---\nterm: T\n", [
                "content/x.md:1:1: error: front matter is not closed: no '---' line after it\n    hint: add a line holding only '---' after the last front-matter key",
            ]),
            ("---\ndescription: D\npubDate: 2025-01-14\n---\n", [
                "content/x.md:1:1: error: missing 'term': every guide needs a title\n    hint: add `term: \"Your Guide Title\"` (or `title:`) to the front matter",
            ]),
            ("---\nterm: T\npubDate: 2025-13-45\n---\n", [
                "content/x.md:3:10: error: 'pubDate' is not a valid date: month 13 does not exist\n    hint: write a date as YYYY-MM-DD (2025-01-14) or a date-time as 2025-01-14T09:30:00+01:00",
            ]),
            ("---\nterm: T\nmodDate: 2025-02-30\n---\n", [
                "content/x.md:3:10: error: 'modDate' is not a valid date: February 2025 has 28 days, not 30\n    hint: write a date as YYYY-MM-DD (2025-01-14) or a date-time as 2025-01-14T09:30:00+01:00",
            ]),
            ("---\nterm: [a, b]\ncategory: {x: 1}\n---\n", [
                "content/x.md:2:7: error: 'term' must be a text, not a list\n    hint: write one value, e.g. `term: \"…\"`",
                "content/x.md:3:11: error: 'category' must be a text, not a mapping",
            ]),
            ("---\nterm: \"T\n---\n", [
                "content/x.md:2:7: error: invalid YAML: this quoted text is never closed\n    hint: close the quote on the same line, or use a block scalar (|) for text over several lines",
            ]),
            ("---\nterm: T\n\tcategory: C\n---\n", [
                "content/x.md:3:1: error: invalid YAML: found a tab character that violates indentation while scanning a plain scalar (started at line 2, column 7)\n    hint: indent with spaces: YAML does not allow tabs",
            ]),
            ("---\nterm: T\ndraft: maybe\nslug: ../etc\n---\n", [
                "content/x.md:3:8: error: 'draft' must be true or false, not 'maybe'",
                "content/x.md:4:7: error: 'slug' must not contain '..' or '.' as a segment\n    hint: use lowercase letters, digits and hyphens, segments separated by '/', e.g. `slug: etc`",
            ]),
        ]
        for (text, expected) in table {
            #expect(errors(text) == expected, "\(text)")
        }
    }

    @Test func strangeBytesNeverCrash() {
        for text in ["", "---", "---\n---\n", "+++\n+++\n", "---\n- a\n---\n", "---\n&a [*a, *a]\n---\n", "---\n: :\n---\n", "+++\n= =\n+++\n"] {
            _ = errors(text)
        }
        #expect(errors("---\n---\n") == ["content/x.md:1:1: error: front matter is empty\n    hint: add at least `term: \"Your Guide Title\"`"])
    }
}

@Suite struct SiteConfigTests {
    @Test func structuredDataAndSearchSettings() throws {
        let (defaults, _) = try SiteConfigParser.parse("")
        #expect(!defaults.faqStructuredData)
        #expect(defaults.search)
        let (config, warnings) = try SiteConfigParser.parse("search: false\nstructured_data:\n  faq: true\n  howto: true\n")
        #expect(config.faqStructuredData)
        #expect(!config.search)
        #expect(warnings.map(\.description) == [
            "site.yml:4:10: warning: unknown key 'structured_data.howto' is ignored\n    hint: structured_data has `faq`; Article and BreadcrumbList are always written",
        ])
        #expect(throws: DiagnosticsError.self) { try SiteConfigParser.parse("structured_data: yes\n") }
    }
}
