import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent
import PrepressTestSupport

@Suite struct SiteCheckerTests {
    @Test func theCheckFixtureGivesExactlyThisReport() throws {
        let report = try SiteChecker(options: BuildOptions(siteDirectory: fixturesDirectory + "/sites/check/input", now: fixedNow)).check()
        let prefix = fixturesDirectory + "/sites/check/input/"
        let lines = report.diagnostics.map { $0.description.replacingOccurrences(of: prefix, with: "") }
        #expect(lines == [
            "content/a.md:12:3: warning: link to 'missing.md' matches no guide: its text is kept, without the link\n    hint: links to guides name their file relative to this one, e.g. other-guide.md",
            "content/a.md:12:34: error: link 'b.md#nope' points to #nope, which is no id on /guides/beta-guide/index.html",
            "content/a.md:13:3: error: image '/images/none.png' points to no page or file of the site",
            "content/a.md:15:4: error: link '/guides/no-such-guide/' points to no page or file of the site",
            "content/b.md:4:11: warning: category 'Medical Devices' is spelled close to 'Medical Device' (3 guides): did you mean 'Medical Device'?",
            "content/c.md:1:1: warning: no 'description': cards, search results and feeds show nothing\n    hint: add `description: \"One or two sentences about the guide.\"`",
            "content/c.md:1:1: warning: no 'tags': the guide is on no tag page and has no related guides\n    hint: add `tags: [\"Interview Prep\"]`",
            "content/c.md:1:1: warning: the guide has no questions\n    hint: questions are headings like `#### Question 1: …?` under a `### Technical Questions` section (docs/questions.md)",
            "content/c.md:5:10: warning: 'modDate' 2025-01-02 is before 'pubDate' 2025-01-12",
            "content/d.md:7:8: error: image '/images/missing-hero.jpg' points to no page or file of the site",
        ])
        #expect(report.guideCount == 4)
    }

    @Test func theDemoSiteHasNoBrokenLinkAndNoWarning() throws {
        let report = try SiteChecker(options: BuildOptions(siteDirectory: repositoryRoot, now: fixedNow)).check()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.linkCount > 1000)
    }

    @Test func brokenThemeLinksAreReportedOncePerTarget() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nterm: A\ndescription: D\ntags: [T]\npubDate: 2025-01-14\n---\n## Technical Questions\n\n### Why?\n\nBecause.\n",
            "templates/partials/footer.mustache": "<footer><a href=\"{{site.base_path}}about/\">About</a></footer>\n",
        ])
        let report = try SiteChecker(options: site.options()).check()
        let errors = report.diagnostics.filter(\.isError).map(\.message)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("link '/about/' points to no page or file of the site (and ") == true)
    }

    @Test func aContentFileAtAGeneratedPagesPathIsTheErrorABuildGives() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nterm: A\ndescription: D\ntags: [T]\npubDate: 2025-01-14\n---\n## Technical Questions\n\n### Why?\n\nBecause.\n",
            "content/index.html": "<p>mine</p>\n",
            "content/robots.txt": "User-agent: *\n",
        ])
        for keepingSite in [false, true] {
            let errors = try SiteChecker(options: site.options()).check(keepingSite: keepingSite).diagnostics.filter(\.isError)
            #expect(errors.map(\.message) == ["this file would overwrite the generated page /index.html"])
            #expect(errors.first?.location.file.hasSuffix("content/index.html") == true)
        }
        #expect(throws: DiagnosticsError.self) { try site.buildInMemory() }
    }

    @Test func plainLinksTakeTheShortPathAndEverythingElseTheGeneralRules() {
        #expect(SiteChecker.plainSitePath("/prep/tags/c-plus-plus/", basePath: "/prep/")?.file == "tags/c-plus-plus/index.html")
        #expect(SiteChecker.plainSitePath("/prep/", basePath: "/prep/")?.file == "index.html")
        #expect(SiteChecker.plainSitePath("/prep/guides/x/#q-1", basePath: "/prep/")?.fragment == "q-1")
        for link in ["/other/x/", "/prep/a/../b/", "/prep/./a/", "/prep//a/", "/prep/a%20b/", "/prep/a/?q=1", "/prep/assets/style.css",
                     "/prep/.git/"] {
            #expect(SiteChecker.plainSitePath(link, basePath: "/prep/") == nil, "\(link)")
        }
    }

    @Test func theScannerFindsIDsAndLinksAndNothingElse() {
        let html = """
        <a href="/a/?x=1&amp;y=2" id="top">x = "y"</a><div data-id="no" class="c"><img alt="a=b" src="/i.png">
        <p>id="not-an-attribute" and data-href="no" =</p><h2 id="caf\u{E9}">Café</h2><a href="#caf\u{E9}"></a> <a href="unterminated
        """
        let found = HTMLScanner.idsAndLinks(in: html)
        #expect(found.ids == ["top", "caf\u{E9}"])
        #expect(found.links == ["/a/?x=1&y=2", "/i.png", "#caf\u{E9}", "unterminated"])
    }

    @Test(arguments: [
        ("Medical Device", "Medical Devices", true), ("B2B Sales", "B2B Sale", true), ("Leadership", "Leadershp", true),
        ("C", "C#", false), ("SQL", "SQLs", false), ("Sales", "Legal", false), ("Interview Prep", "Interview Tips", false),
    ])
    func closeSpellings(left: String, right: String, close: Bool) {
        #expect(SiteChecker.close(SiteChecker.comparable(left), SiteChecker.comparable(right)) == close)
    }
}
