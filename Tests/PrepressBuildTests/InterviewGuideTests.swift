import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent
import PrepressMarkdown
import PrepressTestSupport

@Suite struct InterviewGuideTests {
    /// The JSON-LD object of a page, parsed by Foundation's JSON parser.
    func jsonLD(in html: String) throws -> [String: Any] {
        let opening = "<script type=\"application/ld+json\">"
        let start = try #require(html.range(of: opening))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    func graphNode(_ type: String, in object: [String: Any]) throws -> [String: Any] {
        let graph = try #require(object["@graph"] as? [[String: Any]])
        return try #require(graph.first { $0["@type"] as? String == type })
    }

    func demoFiles() throws -> [String: String] {
        let sink = MemoryOutputSink()
        _ = try SiteBuilder(options: BuildOptions(siteDirectory: repositoryRoot, now: fixedNow)).build(into: sink)
        return sink.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The sample guide in the demo site, with the demo's site.yml and `extra` after it.
    func sampleGuidePage(siteYML extra: String) throws -> String {
        let sample = try String(contentsOfFile: repositoryRoot + "/content/medical-equipment-account-manager.md", encoding: .utf8)
        let siteYML = try String(contentsOfFile: repositoryRoot + "/site.yml", encoding: .utf8) + extra
        let site = try TemporarySite(["content/medical-equipment-account-manager.md": sample, "site.yml": siteYML])
        return try #require(try site.buildInMemory().files["guides/medical-equipment-account-manager-interview-guide/index.html"])
    }

    @Test func theFAQPageIsLeftOutUnlessTheSiteAsksForIt() throws {
        let page = try #require(try demoFiles()["guides/medical-equipment-account-manager-interview-guide/index.html"])
        let data = try jsonLD(in: page)
        let graph = try #require(data["@graph"] as? [[String: Any]])
        #expect(graph.compactMap { $0["@type"] as? String } == ["Article", "BreadcrumbList"])
        #expect(!(try sampleGuidePage(siteYML: "structured_data: {faq: false}\n")).contains("FAQPage"))
    }

    @Test func theSampleGuideCarriesArticleBreadcrumbsAndAnFAQPageOfFourQuestions() throws {
        let page = try sampleGuidePage(siteYML: "structured_data:\n  faq: true\n")
        let data = try jsonLD(in: page)
        #expect(data["@context"] as? String == "https://schema.org")

        let article = try graphNode("Article", in: data)
        #expect(article["headline"] as? String == "Medical Equipment Account Manager Interview Guide")
        #expect((article["description"] as? String)?.hasPrefix("The Medical Equipment Account Manager Interview Guide provides") == true)
        #expect(article["datePublished"] as? String == "2025-01-14T00:00:00Z")
        #expect(article["dateModified"] as? String == "2025-01-14T00:00:00Z")
        #expect((article["author"] as? [String: Any])?["name"] as? String == "Will Gordon")
        #expect(article["image"] as? String == "https://example.org/images/software-engineering-interview.jpg")

        let breadcrumbs = try graphNode("BreadcrumbList", in: data)
        let items = try #require(breadcrumbs["itemListElement"] as? [[String: Any]])
        #expect(items.map { $0["name"] as? String } == ["Home", "Sales", "Medical Equipment Account Manager Interview Guide"])
        #expect(items.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(items[1]["item"] as? String == "https://example.org/categories/sales/")

        let faq = try graphNode("FAQPage", in: data)
        let questions = try #require(faq["mainEntity"] as? [[String: Any]])
        #expect(questions.count == 4)
        #expect(questions.allSatisfy { $0["@type"] as? String == "Question" })
        #expect(questions.first?["name"] as? String
            == "What is your experience with medical equipment sales, and how do you stay informed about the latest industry trends?")
        for question in questions {
            let answer = try #require(question["acceptedAnswer"] as? [String: Any])
            #expect(answer["@type"] as? String == "Answer")
            let text = try #require(answer["text"] as? String)
            #expect(text.count > 100 && !text.contains("<"), "the accepted answer is plain text")
        }

        for meta in [
            "<meta property=\"og:type\" content=\"article\">",
            "<meta property=\"og:image\" content=\"https://example.org/images/software-engineering-interview.jpg\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<link rel=\"canonical\" href=\"https://example.org/guides/medical-equipment-account-manager-interview-guide/\">",
            "<h2 id=\"question-index-title\">4 questions · 1 technical · 1 behavioral · 1 situational · 1 problem-solving</h2>",
            "<details class=\"answer\">\n<summary>Show answer</summary>",
        ] {
            #expect(page.contains(meta), "missing: \(meta)")
        }
        #expect(page.components(separatedBy: "<details class=\"answer\">").count - 1 == 4)
    }

    @Test func jsonLDStaysValidWhateverTheFrontMatterHolds() throws {
        let nasty = "Quote \\\" and </script><script>alert(1)</script> ünïcödé end"
        let site = try TemporarySite([
            "content/nasty.md": """
            ---
            term: "\(nasty)"
            description: |
              Line one
              Line "two" & <b>three</b>
            author: {name: "Zoë </script>", url: "/about/?a=1&b=2"}
            image: {url: "/images/x.png", alt: "x"}
            pubDate: 2025-01-14T09:30:00+02:00
            ---
            ## Technical Questions

            ### Question 1: Is `</script>` safe\u{2028}here?

            Yes: "it is" -- and <also> this.
            """,
            "site.yml": "structured_data: {faq: true}\n",
        ])
        let page = try #require(try site.buildInMemory().files["guides/quote-and-lt-script-gt-lt-script-gt-alert-1-lt-script-gt-unicode-end/index.html"])
        let data = try jsonLD(in: page)
        let article = try graphNode("Article", in: data)
        #expect(article["headline"] as? String == "Quote \" and </script><script>alert(1)</script> ünïcödé end")
        #expect(article["description"] as? String == "Line one\nLine \"two\" & <b>three</b>")
        #expect((article["author"] as? [String: Any])?["name"] as? String == "Zoë </script>")
        #expect(article["datePublished"] as? String == "2025-01-14T09:30:00+02:00")
        let faq = try graphNode("FAQPage", in: data)
        let question = try #require((faq["mainEntity"] as? [[String: Any]])?.first)
        #expect(question["name"] as? String == "Is </script> safe\u{2028}here?")
        // Only the one script element of the page's own: nothing from the content ended it early.
        let scripts = page.components(separatedBy: "<script").count - 1
        #expect(scripts == 3, "the search script, the JSON-LD script and the practice-mode script")
    }

    /// Small and large tag pools, few and many tags a guide: both ways of counting a tag (its bitset, its list)
    /// and counts that need several bit planes.
    @Test(arguments: [(seed: 7, guideCount: 400, tagCount: 40, maxTags: 6), (seed: 3, guideCount: 700, tagCount: 25, maxTags: 13)])
    func relatedGuidesMatchAComparisonOfEveryPair(seed: UInt64, guideCount: Int, tagCount: Int, maxTags: Int) throws {
        var random = SeededRandom(state: seed)
        let pool = (0..<tagCount).map { "Tag \($0)" }
        var guides: [Guide] = []
        for index in 0..<guideCount {
            var tags: [String] = []
            for _ in 0..<Int.random(in: 0...maxTags, using: &random) {
                // A skewed pool: low-numbered tags are far more common, like real sites' "Interview Prep".
                let pick = Int(Double(pool.count) * pow(Double.random(in: 0..<1, using: &random), 3))
                tags.append(pool[pick])
            }
            var matter = FrontMatter(term: "Guide \(index)")
            matter.tags = tags
            matter.category = ["Sales", "Engineering", "Operations", nil].randomElement(using: &random)!
            matter.pubDate = GuideDate(year: 2025, month: 1 + index % 12, day: 1 + index % 28)
            let source = GuideSource(relativePath: "g\(index).md", displayPath: "content/g\(index).md",
                                     parsed: ParsedGuide(frontMatter: matter, body: "", bodyStartLine: 1, warnings: []))
            guides.append(Guide(source: source, slug: "guide-\(index)", path: "guides/guide-\(index)/",
                                rendered: RenderedMarkdown(html: "", headings: [], wordCount: 0, links: [])))
        }
        guides.sort(by: Guide.newestFirst)
        let finder = RelatedGuideFinder(guides: guides)
        let tagSets = guides.map { Set($0.frontMatter.tags.map(Slug.make)) }
        for index in guides.indices {
            let expected = guides.indices.filter { $0 != index && !tagSets[$0].isDisjoint(with: tagSets[index]) }
                .map { (other: $0, shared: tagSets[$0].intersection(tagSets[index]).count,
                        same: guides[index].frontMatter.category != nil && guides[$0].frontMatter.category == guides[index].frontMatter.category) }
                .sorted { ($0.shared, $0.same ? 1 : 0, -$0.other) > ($1.shared, $1.same ? 1 : 0, -$1.other) }
                .prefix(5).map(\.other)
            #expect(finder.related(to: index) == Array(expected), "guide \(index) with tags \(tagSets[index].sorted())")
        }
    }

    @Test func theQuestionBankListsEveryQuestionAndLinksToItsAnchor() throws {
        let files = try demoFiles()
        let bank = try #require(files["questions/index.html"])
        #expect(bank.contains("<h1 id=\"intro-title\">Question bank</h1>"))
        for type in ["technical", "behavioral", "situational", "problem-solving"] {
            #expect(files["questions/\(type)/index.html"] != nil, "\(type)")
        }
        let links = bank.matches(of: /<li><a href="\/guides\/([^\/]+)\/#([^"]+)">/).map { (String($0.output.1), String($0.output.2)) }
        #expect(links.count == 9 * 4, "four questions in each of the nine demo guides")
        for (slug, anchor) in links {
            let guide = try #require(files["guides/\(slug)/index.html"])
            #expect(guide.contains("id=\"\(anchor)\""), "\(slug)#\(anchor)")
        }
        #expect(try #require(files["index.html"]).contains("href=\"/questions/\""))
    }

    /// The summary counts questions by type, each type's name lowercased, ASCII or not.
    @Test func theQuestionSummaryLowercasesEveryTypeName() throws {
        let body = """
        ### SQL-Heavy Questions

        #### Question 1: Which join?

        **Answer:** An inner join.

        ### Ética Questions

        #### Question 1: Would you?

        **Answer:** No.

        #### Question 2: And then?

        **Answer:** Still no.
        """
        let site = try TemporarySite(["content/typed.md": "---\nterm: Typed\npubDate: 2025-01-14\n---\n" + body + "\n"])
        let page = try #require(try site.buildInMemory().files["guides/typed/index.html"])
        #expect(page.contains("<h2 id=\"question-index-title\">3 questions · 1 sql-heavy · 2 ética</h2>"), "\(page)")
        let single = try TemporarySite(["content/one.md": "---\nterm: One\n---\n### Technical Questions\n\n#### Question 1: Why?\n\n**Answer:** Because.\n"])
        let onePage = try #require(try single.buildInMemory().files["guides/one/index.html"])
        #expect(onePage.contains("<h2 id=\"question-index-title\">1 question · 1 technical</h2>"))
    }

    @Test func aGuideWithoutQuestionsHasNoFAQAndNoQuestionIndex() throws {
        let site = try TemporarySite(["content/plain.md": "---\nterm: Plain\npubDate: 2025-01-14\n---\n## Notes\n\nNothing to ask?\n"])
        let files = try site.buildInMemory().files
        let page = try #require(files["guides/plain/index.html"])
        #expect(!page.contains("FAQPage"))
        #expect(!page.contains("question-index"))
        #expect(!page.contains("<details"))
        #expect(try graphNode("Article", in: try jsonLD(in: page))["headline"] as? String == "Plain")
        #expect(files["questions/index.html"] == nil)
    }

    /// List order with keys made once per guide is the order of the plain comparison: newest first by instant,
    /// then exact form, undated last, then slug; on many ties of day, time and offset.
    @Test func listOrderWithCachedKeysIsThePlainComparison() {
        var random = SeededRandom(state: 11)
        let dates: [GuideDate?] = [
            nil, GuideDate(year: 2025, month: 1, day: 14), GuideDate(year: 2025, month: 1, day: 14, hour: 0),
            GuideDate(year: 2025, month: 1, day: 14, hour: 9, offsetMinutes: 60), GuideDate(year: 2025, month: 1, day: 14, hour: 8, offsetMinutes: 0),
            GuideDate(year: 2024, month: 12, day: 31, hour: 23, minute: 59), GuideDate(year: 2025, month: 3, day: 1),
        ]
        var guides: [Guide] = []
        for index in 0..<300 {
            var matter = FrontMatter(term: "Guide \(index)")
            matter.pubDate = dates.randomElement(using: &random)!
            let source = GuideSource(relativePath: "g\(index).md", displayPath: "content/g\(index).md",
                                     parsed: ParsedGuide(frontMatter: matter, body: "", bodyStartLine: 1, warnings: []))
            guides.append(Guide(source: source, slug: "guide-\(Int.random(in: 0..<1_000_000, using: &random))-\(index)",
                                path: "guides/g\(index)/", rendered: RenderedMarkdown(html: "", headings: [], wordCount: 0, links: [])))
        }
        func plain(_ lhs: Guide, _ rhs: Guide) -> Bool {
            switch (lhs.frontMatter.pubDate, rhs.frontMatter.pubDate) {
            case let (left?, right?) where left != right: return left > right
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.slug < rhs.slug
            }
        }
        #expect(Guide.inListOrder(guides).map(\.slug) == guides.sorted(by: plain).map(\.slug))
    }
}

/// SplitMix64, so that the random corpus is the same on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
