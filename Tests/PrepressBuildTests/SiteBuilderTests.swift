import Foundation
import Testing
import PrepressBuild
import PrepressContent
import PrepressTestSupport

@Suite struct SiteBuilderTests {
    let guide = "---\nterm: \"Good Guide\"\npubDate: 2025-01-14\n---\n## Hello\n"

    @Test func everyErrorOfEveryFileIsReportedAtOnce() throws {
        let site = try TemporarySite([
            "content/good.md": guide,
            "content/no-front-matter.md": "# Just Markdown\n",
            "content/unterminated.md": "---\nterm: T\n",
            "content/tab.md": "---\nterm: T\n\tcategory: C\n---\n",
            "content/quote.md": "---\nterm: \"T\npubDate: 2025-01-01\n---\n",
            "content/no-term.md": "---\ndescription: D\npubDate: 2025-01-01\n---\n",
            "content/bad-date.md": "---\nterm: T\npubDate: 2025-13-45\n---\n",
            "content/list.md": "---\nterm: T\ncategory: [a, b]\npubDate: 2025-01-01\n---\n",
            "content/latin1.md": "---\nterm: T\npubDate: 2025-01-01\n---\nCaf\u{FFFD}\n",
        ])
        // Replace the placeholder with a real Latin-1 byte, which is not UTF-8.
        var bytes = Array("---\nterm: T\npubDate: 2025-01-01\n---\nCaf".utf8)
        bytes.append(0xE9)
        bytes.append(10)
        try Data(bytes).write(to: URL(fileURLWithPath: site.path + "/content/latin1.md"))

        let prefix = site.path + "/content/"
        let errors = site.buildErrors().map { $0.replacingOccurrences(of: prefix, with: "content/") }
        #expect(errors == [
            "content/bad-date.md:3:10: error: 'pubDate' is not a valid date: month 13 does not exist\n    hint: write a date as YYYY-MM-DD (2025-01-14) or a date-time as 2025-01-14T09:30:00+01:00",
            "content/latin1.md:5:4: error: the file is not UTF-8 text (byte 0xE9)\n    hint: save the file as UTF-8 in your editor",
            "content/list.md:3:11: error: 'category' must be a text, not a list\n    hint: write one value, e.g. `category: \"…\"`",
            "content/no-front-matter.md:1:1: error: no front matter: a guide starts with a '---' line\n    hint: begin the file with:\n    ---\n    term: \"Your Guide Title\"\n    pubDate: 2025-01-14\n    ---",
            "content/no-term.md:1:1: error: missing 'term': every guide needs a title\n    hint: add `term: \"Your Guide Title\"` (or `title:`) to the front matter",
            "content/quote.md:2:7: error: invalid YAML: this quoted text is never closed\n    hint: close the quote on the same line, or use a block scalar (|) for text over several lines",
            "content/tab.md:3:1: error: invalid YAML: found a tab character that violates indentation while scanning a plain scalar (started at line 2, column 7)\n    hint: indent with spaces: YAML does not allow tabs",
            "content/unterminated.md:1:1: error: front matter is not closed: no '---' line after it\n    hint: add a line holding only '---' after the last front-matter key",
        ])
    }

    @Test func aFailedBuildLeavesTheOutputFolderAsItWas() throws {
        let site = try TemporarySite(["content/good.md": guide])
        _ = try SiteBuilder(options: site.options()).build()
        try Data("kept".utf8).write(to: URL(fileURLWithPath: site.output + "/marker.txt"))
        let before = try readTree(site.output)

        try Data("---\nterm: [broken]\n---\n".utf8).write(to: URL(fileURLWithPath: site.path + "/content/bad.md"))
        #expect(throws: DiagnosticsError.self) { try SiteBuilder(options: site.options()).build() }

        #expect(try readTree(site.output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.path)
        #expect(siblings.sorted() == ["content", "output"], "no staging folder is left behind")
    }

    @Test func aSuccessfulBuildReplacesTheOutputButKeepsDotFiles() throws {
        let site = try TemporarySite(["content/good.md": guide])
        try FileManager.default.createDirectory(atPath: site.output + "/stale", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: site.output + "/stale/index.html"))
        try Data().write(to: URL(fileURLWithPath: site.output + "/.gitkeep"))

        let report = try SiteBuilder(options: site.options()).build()

        let files = try readTree(site.output).keys.sorted()
        #expect(files.filter { !$0.hasPrefix("search/t/") } == [
            ".gitkeep", "404.html", "assets/favicon.svg", "assets/search.css", "assets/search.js", "assets/style.css", "categories/index.html", "feed.xml",
            "guides/good-guide/index.html", "index.html", "robots.txt", "search/d/0.json", "search/facets.bin", "search/index.html",
            "search/index.json", "sitemap.xml", "tags/index.html", "verticals/index.html",
        ])
        let shards = files.filter { $0.hasPrefix("search/t/") }.count
        #expect(shards > 0)
        #expect(report.guideCount == 1)
        #expect(report.pageCount == 7)
        #expect(report.fileCount == 17 + shards, "all but .gitkeep")
    }

    @Test func rebuildingGivesByteIdenticalOutput() throws {
        let demo = BuildOptions(siteDirectory: repositoryRoot, now: fixedNow)
        let first = MemoryOutputSink()
        let second = MemoryOutputSink()
        _ = try SiteBuilder(options: demo).build(into: first)
        _ = try SiteBuilder(options: demo).build(into: second)
        #expect(first.files.count > 10)
        #expect(first.files == second.files)
    }

    @Test func guidesWhoseTermsMakeOneSlugFallBackToTheirFileNames() throws {
        let site = try TemporarySite([
            "content/store-manager.md": "---\nterm: \"Store Manager\"\npubDate: 2025-01-14\n---\n",
            "content/store-manager-2.md": "---\nterm: \"Store Manager\"\npubDate: 2025-01-15\n---\n",
            "content/c-sharp.md": "---\nterm: \"C# Developer\"\npubDate: 2025-01-14\n---\n",
            "content/c-plus-plus.md": "---\nterm: \"C++ Developer\"\npubDate: 2025-01-14\n---\n",
        ])
        let built = try site.buildInMemory()
        let guides = built.files.keys.filter { $0.hasPrefix("guides/") }.sorted()
        #expect(guides == [
            "guides/c-plus-plus-developer/index.html", "guides/c-sharp-developer/index.html",
            "guides/store-manager-2/index.html", "guides/store-manager/index.html",
        ])
        // Not silent: each guide moved to its file name's URL is told which.
        let prefix = site.path + "/"
        #expect(built.report.warnings.map { $0.description.replacingOccurrences(of: prefix, with: "") } == [
            "content/store-manager-2.md:2:7: warning: this guide's term makes the URL /guides/store-manager/, which the terms of content/store-manager.md make too; it is at /guides/store-manager-2/ instead, from its file name\n    hint: give it a `slug:` to choose its URL",
        ])
    }

    @Test func twoGuidesThatStillShareAURLAreAnErrorNamingBoth() throws {
        let site = try TemporarySite([
            "content/a/guide.md": "---\nterm: \"Nurse\"\npubDate: 2025-01-14\n---\n",
            "content/b/guide.md": "---\ntitle: \"Nurse\"\npubDate: 2025-01-14\n---\n",
            "content/c.md": "---\nterm: Other\nslug: taken\npubDate: 2025-01-14\n---\n",
            "content/d.md": "---\nterm: Another\nslug: taken\npubDate: 2025-01-14\n---\n",
        ])
        let errors = site.relativeBuildErrors()
        #expect(errors == [
            "content/a/guide.md:2:7: warning: this guide's term makes the URL /guides/nurse/, which the terms of content/b/guide.md make too; it is at /guides/guide/ instead, from its file name\n    hint: give it a `slug:` to choose its URL",
            "content/b/guide.md:2:8: error: this guide's URL /guides/guide/ is already taken by content/a/guide.md\n    hint: give one of them a different `slug:`",
            "content/d.md:3:7: error: this guide's URL /guides/taken/ is already taken by content/c.md\n    hint: give one of them a different `slug:`",
        ])
    }

    @Test func draftsAndFutureGuidesAreLeftOutUnlessAskedFor() throws {
        let site = try TemporarySite([
            "content/now.md": guide,
            "content/draft.md": "---\nterm: Draft\npubDate: 2025-01-01\ndraft: true\n---\n",
            "content/future.md": "---\nterm: Future\npubDate: 2026-01-02\n---\n",
        ])
        #expect(try site.buildInMemory().report.guideCount == 1)
        #expect(try site.buildInMemory { $0.includeDrafts = true }.report.guideCount == 2)
        #expect(try site.buildInMemory { $0.includeFuture = true }.report.guideCount == 2)
        let all = try site.buildInMemory { $0.includeDrafts = true; $0.includeFuture = true }
        #expect(all.files.keys.contains("guides/future/index.html"))
    }

    @Test func theHomePageIsPaginatedNewestFirst() throws {
        var files = ["site.yml": "paginate: 2\n"]
        for day in 1...5 {
            files["content/g\(day).md"] = "---\nterm: Guide \(day)\npubDate: 2025-01-0\(day)\n---\n"
        }
        let site = try TemporarySite(files)
        let built = try site.buildInMemory().files
        #expect(built.keys.filter { $0 == "index.html" || $0.hasPrefix("page/") }.sorted()
            == ["index.html", "page/2/index.html", "page/3/index.html"])
        let home = try #require(built["index.html"])
        let five = try #require(home.range(of: "Guide 5"))
        let four = try #require(home.range(of: "Guide 4"))
        #expect(five.lowerBound < four.lowerBound)
        #expect(!home.contains("Guide 3"))
        #expect(home.contains("rel=\"next\" href=\"/page/2/\""))
        #expect(built["page/3/index.html"]?.contains("rel=\"prev\" href=\"/page/2/\"") == true)
    }

    @Test func aSiteTemplateOverridesTheBuiltInOneFileByFile() throws {
        let site = try TemporarySite([
            "content/good.md": guide,
            "templates/partials/footer.mustache": "<footer>Custom footer for {{site.title}}</footer>\n",
        ])
        let built = try site.buildInMemory().files
        #expect(built["index.html"]?.contains("<footer>Custom footer for Interview Guides</footer>") == true)
        #expect(built["guides/good-guide/index.html"]?.contains("<h1>Good Guide</h1>") == true)
    }

    @Test func aBrokenTemplateIsReportedWithItsPosition() throws {
        let site = try TemporarySite([
            "content/good.md": guide,
            "templates/guide.mustache": "<h1>{{guide.term}}</h1>\n{{#guide}}\n",
        ])
        let errors = site.relativeBuildErrors()
        #expect(errors == [
            "templates/guide.mustache:2:4: error: template does not parse: 'guide' is opened here and never closed\n    hint: close it with {{/guide}}",
        ])
    }

    @Test func aMisspelledKeyInATemplateOverrideIsAnErrorWithASuggestion() throws {
        let site = try TemporarySite([
            "content/good.md": guide,
            "templates/guide.mustache": "{{<base}}{{$main}}\n<h1>{{guide.titel}}</h1>\n{{#guide}}{{descripton}}{{/guide}}\n{{/main}}{{/base}}\n",
        ])
        let errors = site.relativeBuildErrors()
        #expect(errors.count == 2)
        #expect(errors.first?.hasPrefix("templates/guide.mustache:2:13: error: 'titel' is not a key of a guide; did you mean 'title'?") == true)
        #expect(errors.last?.hasPrefix("templates/guide.mustache:3:13: error: 'descripton' is not a key of a guide; did you mean 'description'?") == true)
    }

    @Test func keysArePairedWithTheContextTheyAreUsedIn() throws {
        // A partial is checked where it is included; a block's replacement where the parent expands it.
        let site = try TemporarySite([
            "content/good.md": guide,
            "templates/partials/footer.mustache": "<footer>{{site.title}} {{site.nmae}}</footer>\n",
            "templates/404.mustache": "{{<base}}{{$main}}{{page.titel}}{{/main}}{{$mian}}x{{/mian}}{{/base}}\n",
        ])
        let errors = site.relativeBuildErrors()
        #expect(errors.contains { $0.hasPrefix("templates/404.mustache:1:26: error: 'titel' is not a key of the page; did you mean 'title'?") })
        #expect(errors.contains { $0.hasPrefix("templates/404.mustache:1:45: error: 'mian' is not a block of 'base'; did you mean 'main'?") })
        #expect(errors.contains { $0.hasPrefix("templates/partials/footer.mustache:1:31: error: 'nmae' is not a key of the site") })
    }

    @Test func freeFormParamsAreNotChecked() throws {
        let site = try TemporarySite([
            "content/good.md": guide,
            "templates/partials/footer.mustache": "<footer>{{site.params.anything}}{{#site.params}}{{whatever.deep}}{{/site.params}}</footer>\n",
        ])
        #expect(site.buildErrors().isEmpty)
    }

    @Test func aMissingPartialIsAnError() throws {
        let site = try TemporarySite([
            "content/good.md": guide,
            "templates/404.mustache": "{{>partials/heade}}\n",
        ])
        let errors = site.relativeBuildErrors()
        #expect(errors.first?.hasPrefix("templates/404.mustache:1:4: error: there is no template 'partials/heade'; did you mean 'partials/header'?") == true)
    }

    @Test func theSampleGuideShowsAllItsFrontMatterAndQuestionSections() throws {
        let sink = MemoryOutputSink()
        let report = try SiteBuilder(options: BuildOptions(siteDirectory: repositoryRoot, now: fixedNow)).build(into: sink)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let page = String(decoding: try #require(sink.files["guides/medical-equipment-account-manager-interview-guide/index.html"]), as: UTF8.self)
        for expected in [
            "<h1>Medical Equipment Account Manager Interview Guide</h1>",
            "<p class=\"lede\">The Medical Equipment Account Manager Interview Guide provides",
            "<a class=\"chip\" href=\"/categories/sales/\">Sales</a>",
            "<a class=\"chip chip-quiet\" href=\"/verticals/medical-device/\">Medical Device</a>",
            "<img class=\"avatar\" src=\"/images/me.png\" alt=\"Will Gordon\"",
            "<p class=\"author\">By <a href=\"/authors/will-gordon/\" rel=\"author\">Will Gordon</a></p>",
            "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">",
            "<li><a href=\"/categories/sales/\">Sales</a></li>",
            "<time datetime=\"2025-01-14\">January 14, 2025</time>",
            "<img src=\"/images/software-engineering-interview.jpg\" alt=\"Software Engineering Interview\">",
            "<a href=\"/tags/b2b-sales/\" rel=\"tag\">B2B Sales</a>",
            "<a href=\"/tags/hospital-procurement/\" rel=\"tag\">Hospital Procurement</a>",
            "<h3 id=\"technical-questions\">Technical Questions</h3>",
            "<h3 id=\"behavioral-questions\">Behavioral Questions</h3>",
            "<h3 id=\"situational-questions\">Situational Questions</h3>",
            "<h3 id=\"problem-solving-questions\">Problem-Solving Questions</h3>",
            "<h4 id=\"question-1-what-is-your-experience-with-medical-equipment-sales-and-how-do-you-stay-informed-about-the-latest-industry-trends\">",
        ] {
            #expect(page.contains(expected), "missing: \(expected)")
        }
        #expect(sink.files["images/me.png"] != nil)
        #expect(sink.files["images/software-engineering-interview.jpg"] != nil)
    }
}
