import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent
import PrepressTestSupport

@Suite struct TaxonomyTests {
    /// The taxonomy fixture, built in memory once per test.
    func buildFixture() throws -> [String: String] {
        var options = BuildOptions(siteDirectory: fixturesDirectory + "/sites/taxonomies/input", now: fixedNow)
        options.generator = "Prepress test"
        let sink = MemoryOutputSink()
        _ = try SiteBuilder(options: options).build(into: sink)
        return sink.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func namesWithOneSlugAreOneTermSpelledAsMostGuidesDo() throws {
        let files = try buildFixture()
        let page = try #require(files["tags/b2b-sales/index.html"])
        #expect(page.contains("<h1 id=\"intro-title\">B2B Sales</h1>"))
        #expect(page.contains("3 interview guides"))
        #expect(files["tags/b2b-sales-2/index.html"] == nil)
        #expect(try #require(files["tags/cafe-ops/index.html"]).contains("2 interview guides"))
        #expect(try #require(files["tags/r-and-d/index.html"]).contains("2 interview guides"))
        #expect(try #require(files["categories/sales-marketing/index.html"]).contains("<h1 id=\"intro-title\">Sales/Marketing</h1>"))
    }

    @Test func symbolsKeepDifferentNamesApartAndOtherScriptsGetReadableURLs() throws {
        let files = try buildFixture()
        for path in ["tags/c/", "tags/c-plus-plus/", "tags/c-sharp/", "tags/q-a/", "tags/面接対策/", "tags/rocket/"] {
            #expect(files[path + "index.html"] != nil, "\(path)")
            #expect(files[path + "feed.xml"] != nil, "\(path)")
        }
        #expect(try #require(files["tags/index.html"]).contains("href=\"/prep/tags/%E9%9D%A2%E6%8E%A5%E5%AF%BE%E7%AD%96/\""))
    }

    @Test func aTermOf45GuidesIsPaginatedWithPreviousNextAndNumbers() throws {
        let files = try buildFixture()
        #expect(files["tags/common/page/3/index.html"] != nil)
        #expect(files["tags/common/page/4/index.html"] == nil)
        let middle = try #require(files["tags/common/page/2/index.html"])
        #expect(middle.contains("rel=\"prev\" href=\"/prep/tags/common/\""))
        #expect(middle.contains("rel=\"next\" href=\"/prep/tags/common/page/3/\""))
        #expect(middle.contains("<span aria-current=\"page\">2</span>"))
        #expect(middle.contains("Fixture Guide 25"), "page 2 starts with the 21st newest guide")
        #expect(!middle.contains("Fixture Guide 26"))
    }

    @Test func feedsHoldTheNewestDatedGuidesUpToTheLimit() throws {
        let files = try buildFixture()
        let feed = try #require(files["feed.xml"])
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 5)
        #expect(feed.contains("<id>https://example.org/prep/guides/fixture-guide-45/</id>"))
        #expect(feed.contains("<updated>2025-02-15T00:00:00Z</updated>"))
        #expect(!feed.contains("Undated"))
        #expect(files["tags/lonely-tag/feed.xml"] == nil, "a term with no dated guide has no feed")
    }

    @Test func guidePagesLinkTheirNeighboursInTheCategory() throws {
        let files = try buildFixture()
        let page = try #require(files["guides/fixture-guide-02/index.html"])
        #expect(page.contains("<a rel=\"prev\" href=\"/prep/guides/fixture-guide-03/\">Fixture Guide 03</a>"))
        #expect(page.contains("<a rel=\"next\" href=\"/prep/guides/fixture-guide-01/\">Fixture Guide 01</a>"))
        #expect(page.contains("<a href=\"/prep/\">Home</a> › <a href=\"/prep/categories/engineering/\">Engineering</a> › <span aria-current=\"page\">Fixture Guide 02</span>"))
    }

    @Test func sitemapSwitchesToAnIndexAboveTheLimit() {
        let urls = SiteURLs(config: { var config = SiteConfig(); config.baseURL = "https://example.org/prep/"; return config }())
        let entries = (1...5).map { SitemapEntry(path: "guides/g\($0)/", lastModified: GuideDate(year: 2025, month: 1, day: $0)) }
        let files = SitemapRenderer(urls: urls, limit: 2).render(entries)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(files[0].xml.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(files[0].xml.contains("<sitemap><loc>https://example.org/prep/sitemap-3.xml</loc><lastmod>2025-01-05</lastmod></sitemap>"))
        #expect(files[3].xml.contains("<url><loc>https://example.org/prep/guides/g5/</loc><lastmod>2025-01-05</lastmod></url>"))
        let single = SitemapRenderer(urls: urls).render(entries)
        #expect(single.map(\.path) == ["sitemap.xml"])
    }

    @Test func authoredURLsBecomeAbsoluteUnlessTheyHaveASchemeOrHost() {
        let urls = SiteURLs(config: { var config = SiteConfig(); config.baseURL = "https://example.org/prep/"; return config }())
        let cases: [(String, String)] = [
            ("https://cdn.example.com/a.png", "https://cdn.example.com/a.png"),
            ("//cdn.example.com/a.png", "//cdn.example.com/a.png"),
            ("/images/a.png", "https://example.org/prep/images/a.png"),
            ("images/a.png", "https://example.org/prep/images/a.png"),
            ("images/a:b//c.png", "https://example.org/prep/images/a:b//c.png"),
            ("images/a:/b/c.png", "https://example.org/prep/images/a:/b/c.png"),
            ("x::///y", "x::///y"),
            ("résumé/ü://x", "résumé/ü://x"),
        ]
        for (authored, absolute) in cases {
            #expect(urls.absoluteAuthored(authored) == absolute, "\(authored)")
        }
    }

    @Test func xmlEscapingDropsWhatXMLCannotHold() {
        #expect(xmlEscaped("a<b>&\"c'\u{1}\u{FFFE}é") == "a&lt;b&gt;&amp;&quot;c&apos;é")
        #expect(xmlEscaped("Plain text, résumé € 日本") == "Plain text, résumé € 日本")
        #expect(xmlEscaped("\u{FFFF}a\tb\u{FFFD}\u{E000}") == "a\tb\u{FFFD}\u{E000}")
    }

    @Test func taxonomiesAreConfigurable() throws {
        let (config, warnings) = try SiteConfigParser.parse("taxonomies:\n  author: authors\n  tags: false\n  vertical: {path: industries, title: Industries}\n")
        #expect(warnings.isEmpty)
        #expect(config.taxonomies == [
            TaxonomyConfig(key: "category", path: "categories", title: "Categories"),
            TaxonomyConfig(key: "vertical", path: "industries", title: "Industries"),
            TaxonomyConfig(key: "author", path: "authors", title: "Authors"),
        ])
        #expect(throws: DiagnosticsError.self) { try SiteConfigParser.parse("taxonomies:\n  level: guides\n") }
        #expect(throws: DiagnosticsError.self) { try SiteConfigParser.parse("taxonomies:\n  level: ../up\n") }
        #expect(throws: DiagnosticsError.self) { try SiteConfigParser.parse("taxonomies:\n  level: tags\n") }
    }
}
