import Foundation
import Testing
import PrepressBuild
import PrepressContent
import PrepressTestSupport

/// Sites written for other generators build with the URLs they had (#17).
@Suite struct MigrationTests {
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aNestedSlugMakesNestedFolders() throws {
        let site = try TemporarySite([
            "content/arrays.md": "---\nterm: Arrays\nslug: coding/arrays\npubDate: 2025-01-14\n---\nSee [trees](trees.md).\n",
            "content/trees.md": "---\ntitle: Trees\nslug: coding/data-structures/trees\ndate: 2025-01-15\n---\nSee [arrays](arrays.md#top).\n",
            "content/coding.md": "---\nterm: Coding\nslug: coding\npubDate: 2025-01-16\n---\nBody\n",
        ])
        _ = try SiteBuilder(options: site.options()).build()
        #expect(exists(site.output + "/guides/coding/arrays/index.html"))
        #expect(exists(site.output + "/guides/coding/data-structures/trees/index.html"))
        #expect(exists(site.output + "/guides/coding/index.html"))
        #expect(try read(site.output + "/guides/coding/arrays/index.html").contains("href=\"/guides/coding/data-structures/trees/\""))
        #expect(try read(site.output + "/guides/coding/data-structures/trees/index.html").contains("href=\"/guides/coding/arrays/#top\""))
        #expect(try read(site.output + "/sitemap.xml").contains("/guides/coding/data-structures/trees/</loc>"))
    }

    @Test func aNestedSlugThatLeavesItsFolderIsAnErrorAtItsLine() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nterm: A\nslug: /coding/a\n---\n",
            "content/b.md": "---\nterm: B\nslug: coding//b\n---\n",
            "content/c.md": "---\nterm: C\nslug: coding/../../c\n---\n",
        ])
        let prefix = site.path + "/content/"
        let errors = site.buildErrors().map { $0.replacingOccurrences(of: prefix, with: "content/") }
        #expect(errors == [
            "content/a.md:3:7: error: 'slug' must not start with '/': it is a path under the guides' folder\n    hint: use lowercase letters, digits and hyphens, segments separated by '/', e.g. `slug: coding/a`",
            "content/b.md:3:7: error: 'slug' has an empty segment: write segments separated by one '/'\n    hint: use lowercase letters, digits and hyphens, segments separated by '/', e.g. `slug: coding/b`",
            "content/c.md:3:7: error: 'slug' must not contain '..' or '.' as a segment\n    hint: use lowercase letters, digits and hyphens, segments separated by '/', e.g. `slug: coding/c`",
        ])
    }
}

/// `permalinks: {guide: …}` in site.yml (#17, item 4).
@Suite struct PermalinkTests {
    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aHugoTreeKeepsItsURLs() throws {
        let site = try TemporarySite([
            "site.yml": "permalinks:\n  guide: /:folder/:filename/\n",
            "content/functions/len.md": "---\ntitle: len\ndate: 2025-01-14\ntags: [builtins]\n---\nSee [the method](../methods/len.md).\n",
            "content/methods/len.md": "---\ntitle: len\ndate: 2025-01-15\ntags: [builtins]\n---\nBody\n",
            "content/top.md": "---\ntitle: Top\ndate: 2025-01-16\n---\nBody\n",
        ])
        let built = try site.buildInMemory()
        let guides = Set(built.files.keys.filter { $0.hasSuffix("index.html") })
        #expect(guides.isSuperset(of: ["functions/len/index.html", "methods/len/index.html", "top/index.html"]))
        #expect(!guides.contains { $0.hasPrefix("guides/") })
        // Links, term pages, feeds and the sitemap follow.
        #expect((built.files["functions/len/index.html"] ?? "").contains("href=\"/methods/len/\""))
        #expect((built.files["tags/builtins/index.html"] ?? "").contains("href=\"/functions/len/\""))
        #expect((built.files["tags/builtins/feed.xml"] ?? "").contains("/methods/len/"))
        #expect((built.files["sitemap.xml"] ?? "").contains("<loc>http://localhost:8080/top/</loc>"))
        #expect(built.report.warnings.isEmpty, "\(built.report.warnings)")
    }

    @Test func categoryAndDatePlaceholders() throws {
        let site = try TemporarySite([
            "site.yml": "permalinks: {guide: \"/:category/:year/:month/:day/:slug/\"}\n",
            "content/a.md": "---\nterm: Nurse Manager\ncategory: Health Care\npubDate: 2024-06-01T23:30-07:00\n---\n",
            "content/b.md": "---\nterm: Plain\npubDate: 2025-02-03\n---\n",
        ])
        let files = try site.buildInMemory().files.keys
        // The author's calendar day, and no empty segment for a guide without a category.
        #expect(files.contains("health-care/2024/06/01/nurse-manager/index.html"))
        #expect(files.contains("2025/02/03/plain/index.html"))
    }

    @Test func patternErrorsAreReportedInSiteYml() throws {
        let cases = [
            "permalinks: {guide: /guides/:slug}\n": "site.yml:1:21: error: 'permalinks.guide' must start and end with '/'",
            "permalinks: {guide: /guides/:name/}\n": "site.yml:1:21: error: 'permalinks.guide' has an unknown placeholder ':name'",
            "permalinks: {guide: /:category/}\n": "site.yml:1:21: error: 'permalinks.guide' needs :slug or :filename, so that each guide has a URL of its own",
            "permalinks: {guide: \"/a b/:slug/\"}\n": "site.yml:1:21: error: 'permalinks.guide' contains ' ', which is not safe in a URL path",
            "permalinks: /guides/\n": "site.yml:1:13: error: 'permalinks' must be a mapping",
        ]
        for (yaml, message) in cases {
            let site = try TemporarySite(["site.yml": yaml, "content/a.md": "---\nterm: A\npubDate: 2025-01-14\n---\n"])
            let errors = site.relativeBuildErrors()
            #expect(errors.map { String($0.split(separator: "\n")[0]) } == [message], "\(yaml)")
        }
    }

    @Test func guidesOnOneURLOrOnTheSitesOwnPagesAreErrors() throws {
        let site = try TemporarySite([
            "site.yml": "permalinks: {guide: \"/:slug/\"}\n",
            "content/a.md": "---\nterm: Same\npubDate: 2025-01-14\nslug: same\n---\n",
            "content/b.md": "---\nterm: Other\npubDate: 2025-01-14\nslug: same\n---\n",
            "content/c.md": "---\nterm: Tags\npubDate: 2025-01-14\n---\n",
            "content/d.md": "---\nterm: Dated\n---\n",
        ])
        let errors = site.relativeBuildErrors().filter { $0.contains(": error: ") }
        #expect(errors == [
            "content/b.md:4:7: error: this guide's URL /same/ is already taken by content/a.md\n    hint: give one of them a different `slug:`",
            "content/c.md:2:7: error: this guide's URL /tags/ lies in /tags/, which the site's own pages use\n    hint: give it another `slug:`, or put guides under a folder of their own in `permalinks.guide`",
        ])
        let dated = try TemporarySite([
            "site.yml": "permalinks: {guide: \"/:year/:slug/\"}\n",
            "content/d.md": "---\nterm: Dated\n---\n",
        ])
        #expect(dated.relativeBuildErrors().filter { $0.contains(": error: ") } == [
            "content/d.md:2:7: error: this guide has no pubDate, which the permalink pattern /:year/:slug/ needs\n    hint: add `pubDate: 2025-01-14` to its front matter",
        ])
    }
}

/// `aliases` (Hugo) and `redirect_from` (Jekyll): redirect pages and `_redirects` (#17, item 5).
@Suite struct RedirectTests {
    @Test func oldURLsRedirectToTheGuide() throws {
        let site = try TemporarySite([
            "site.yml": "base_url: https://example.org/prep/\n",
            "content/arrays.md": "---\nterm: \"Arrays & Lists\"\npubDate: 2025-01-14\naliases: [/old/arrays/, /posts/arrays, /arrays.html]\n---\nBody\n",
            "content/trees.md": "---\nterm: Trees\npubDate: 2025-01-15\nredirect_from: /blog/trees/\n---\nBody\n",
        ])
        let built = try site.buildInMemory()
        let page = try #require(built.files["old/arrays/index.html"])
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/prep/guides/arrays-and-lists/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/prep/guides/arrays-and-lists/\">"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<a href=\"/prep/guides/arrays-and-lists/\">Arrays &amp; Lists</a>"))
        #expect(built.files["posts/arrays/index.html"] != nil, "a path without a file extension is a folder")
        #expect(built.files["arrays.html"] != nil)
        #expect(built.files["blog/trees/index.html"]?.contains("url=/prep/guides/trees/") == true)
        #expect(built.files["_redirects"] == """
        # Old URLs of guides (their aliases), written by Prepress
        /prep/arrays.html /prep/guides/arrays-and-lists/ 301
        /prep/blog/trees/ /prep/guides/trees/ 301
        /prep/old/arrays/ /prep/guides/arrays-and-lists/ 301
        /prep/posts/arrays/ /prep/guides/arrays-and-lists/ 301

        """)
        // Redirect pages are no pages to list.
        #expect(built.files["sitemap.xml"]?.contains("old/arrays") == false)
        // `check` follows each redirect's link to its guide.
        let report = try SiteChecker(options: site.options()).check()
        #expect(report.diagnostics.filter(\.isError).isEmpty, "\(report.diagnostics)")
    }

    @Test func aSitesOwnRedirectsFileComesFirst() throws {
        let site = try TemporarySite([
            "content/_redirects": "/shop https://shop.example.org 302",
            "content/_headers": "/*\n  X-Frame-Options: DENY\n",
            "content/notes/_draft.txt": "skipped",
            "content/a.md": "---\nterm: A\npubDate: 2025-01-14\naliases: [/old-a/]\n---\n",
        ])
        let built = try site.buildInMemory()
        // The host's files at the top are copied; other names starting with `_` are not.
        #expect(built.files["_headers"] == "/*\n  X-Frame-Options: DENY\n")
        #expect(built.files["notes/_draft.txt"] == nil)
        #expect(built.files["_redirects"] == "/shop https://shop.example.org 302\n# Old URLs of guides (their aliases), written by Prepress\n/old-a/ /guides/a/ 301\n")
        #expect(try SiteChecker(options: site.options()).check().diagnostics.filter(\.isError).isEmpty)
    }

    @Test func aliasesThatCollideAreErrorsNamingBothFiles() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nterm: A\npubDate: 2025-01-14\naliases: [/guides/b/, /old/, /guides/a/, /x/, /x]\n---\n",
            "content/b.md": "---\nterm: B\npubDate: 2025-01-14\nredirect_from: [/old/, /tags/, /assets/x/]\ntags: [t]\n---\n",
        ])
        let errors = site.relativeBuildErrors()
        #expect(errors == [
            "content/a.md:4:11: error: the alias /guides/b/ is the URL of the page of content/b.md\n    hint: remove it: a redirect page there would replace it",
            "content/a.md:4:30: error: the alias /guides/a/ is this guide's own URL\n    hint: remove it: a redirect page there would replace it",
            "content/a.md:4:47: error: the alias /x/ is given twice in this guide (line 4 too)\n    hint: an old URL can redirect to one guide only; keep one of them",
            "content/b.md:4:17: error: the alias /old/ is also an alias of content/a.md (line 4)\n    hint: an old URL can redirect to one guide only; keep one of them",
            "content/b.md:4:24: error: the alias /tags/ is the URL of the site's page /tags/index.html\n    hint: remove it: a redirect page there would replace it",
            "content/b.md:4:32: error: the alias /assets/x/ lies in /assets/, which the site's own files use",
        ])
    }

    @Test func anAliasMustBeAPathOfTheSite() throws {
        let cases = [
            "old/": "'aliases' path 'old/' must be a path from the site's root, starting with '/'",
            "https://example.org/old/": "'aliases' path 'https://example.org/old/' must be a path on this site, not a URL",
            "/old/?page=2": "'aliases' path '/old/?page=2' contains '?', which a redirect's path cannot hold",
            "/a//b/": "'aliases' path '/a//b/' has an empty segment ('//')",
            "/a/../b/": "'aliases' path '/a/../b/' must not contain '.' or '..' as a segment",
            "/": "'aliases' path '/' is the home page, which cannot redirect",
        ]
        for (alias, message) in cases {
            let site = try TemporarySite(["content/a.md": "---\nterm: A\npubDate: 2025-01-14\naliases: [\"\(alias)\"]\n---\n"])
            let errors = site.relativeBuildErrors()
            #expect(errors.map { String($0.split(separator: "\n")[0]) } == ["content/a.md:4:11: error: " + message], "\(alias)")
        }
    }
}

/// Choices made for the user are said (#17, item 6).
@Suite struct NothingSilentTests {
    @Test func aLinkToAMarkdownFileThatIsNoGuideKeepsItsTextWithoutTheLink() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nterm: A\npubDate: 2025-01-14\n---\nSee [the *old* notes](notes/old.md#top), [b](b.md) and ![plan](plan.md).\n",
            "content/b.md": "---\nterm: B\npubDate: 2025-01-14\ndraft: true\n---\n",
        ])
        let built = try site.buildInMemory()
        let page = try #require(built.files["guides/a/index.html"])
        #expect(page.contains("<p>See the <em>old</em> notes, b and plan.</p>"))
        #expect(!page.contains(".md"))
        let prefix = site.path + "/"
        #expect(built.report.warnings.map { String($0.description.replacingOccurrences(of: prefix, with: "").split(separator: "\n")[0]) } == [
            "content/a.md:5:5: warning: link to 'notes/old.md#top' matches no guide: its text is kept, without the link",
            "content/a.md:5:42: warning: link to 'b.md' is a draft or future guide left out of this build: its text is kept, without the link",
            "content/a.md:5:56: warning: link to 'plan.md' matches no guide: its text is kept, without the link",
        ])
    }

    @Test func aKeyThatIsAListOrAMappingIsAnErrorAtItsLine() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nterm: A\n[x, y]: 1\n? {k: v}\n: 2\n---\n",
        ])
        let errors = site.relativeBuildErrors()
        #expect(errors.map { String($0.split(separator: "\n")[0]) } == [
            "content/a.md:3:1: error: a key must be a text, not a list",
            "content/a.md:4:3: error: a key must be a text, not a mapping",
        ])
    }
}

/// Small sites shaped as Hugo, Docusaurus and Zola write them (Tests/Fixtures/sites/migration-*) build with no
/// error, at the URLs they had.
@Suite struct MigratedSiteTests {
    func build(_ name: String) throws -> (files: [String: String], warnings: [String]) {
        let root = fixturesDirectory + "/sites/migration-" + name + "/input"
        let sink = MemoryOutputSink()
        let report = try SiteBuilder(options: BuildOptions(siteDirectory: root, now: fixedNow)).build(into: sink)
        let warnings = report.warnings.map { String($0.description.replacingOccurrences(of: root + "/", with: "").split(separator: "\n")[0]) }
        return (sink.files.mapValues { String(decoding: $0, as: UTF8.self) }, warnings)
    }

    func check(_ name: String) throws -> [String] {
        let root = fixturesDirectory + "/sites/migration-" + name + "/input"
        return try SiteChecker(options: BuildOptions(siteDirectory: root, now: fixedNow)).check().diagnostics.filter(\.isError).map(\.description)
    }

    @Test func hugo() throws {
        let site = try build("hugo")
        #expect(site.warnings == [])
        // Sections as folders, one title in two of them; Hugo's _index.md is no guide.
        for page in ["functions/len/index.html", "methods/len/index.html", "posts/goroutines/index.html"] {
            #expect(site.files[page] != nil, "\(page)")
        }
        #expect(!site.files.keys.contains { $0.hasPrefix("guides/") || $0.contains("_index") })
        let len = try #require(site.files["functions/len/index.html"])
        #expect(len.contains("href=\"/methods/len/\""))
        // categories: the first is the category, the rest tags; summary is the description.
        #expect(site.files["categories/go/index.html"]?.contains("href=\"/functions/len/\"") == true)
        #expect(site.files["tags/built-ins/index.html"]?.contains("href=\"/functions/len/\"") == true)
        #expect(len.contains("The built-in len function and the questions interviewers ask about it."))
        #expect(site.files["tags/concurrency/index.html"]?.contains("href=\"/posts/goroutines/\"") == true)
        // Old URLs redirect, on the page and in _redirects.
        #expect(site.files["builtins/len/index.html"]?.contains("url=/functions/len/") == true)
        #expect(site.files["post/goroutines.html"]?.contains("url=/posts/goroutines/") == true)
        #expect(site.files["_redirects"]?.contains("/builtins/len/ /functions/len/ 301") == true)
        #expect(try check("hugo") == [])
    }

    @Test func docusaurus() throws {
        let site = try build("docusaurus")
        #expect(site.warnings == [])
        #expect(site.files["guides/coding/arrays/index.html"]?.contains("href=\"/docs/guides/coding/data-structures/trees/\"") == true)
        #expect(site.files["guides/coding/data-structures/trees/index.html"]?.contains("href=\"/docs/guides/coding/arrays/\"") == true)
        #expect(site.files["guides/behavioral/conflict/index.html"] != nil)
        // keywords are tags; last_update.date is the modified date.
        #expect(site.files["tags/two-pointers/index.html"]?.contains("guides/coding/arrays/") == true)
        #expect(site.files["guides/coding/arrays/index.html"]?.contains("2024-07-15") == true)
        #expect(site.files["coding/_category_.json"] == nil, "names starting with _ are skipped")
        #expect(try check("docusaurus") == [])
    }

    @Test func zola() throws {
        let site = try build("zola")
        #expect(site.warnings == [])
        // A blank line before +++; [taxonomies] gives tags and the category; updated is the modified date.
        let caching = try #require(site.files["backend/caching/index.html"])
        #expect(caching.contains("href=\"/frontend/rendering/\""))
        #expect(caching.contains("2024-02-20"))
        #expect(site.files["categories/backend/index.html"]?.contains("href=\"/backend/caching/\"") == true)
        #expect(site.files["tags/performance/index.html"]?.contains("href=\"/frontend/rendering/\"") == true)
        #expect(site.files["2024/02/caching/index.html"]?.contains("url=/backend/caching/") == true)
        #expect(try check("zola") == [])
    }
}

/// The template engine's limits end a build with an error, not a page cut short (found by `make fuzz`).
@Suite struct TemplateLimitTests {
    @Test func aPartialThatIncludesItselfWithoutEndFailsTheBuildAndTheCheck() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nterm: A\npubDate: 2025-01-14\n---\n",
            "templates/404.mustache": "{{>partials/loop}}",
            "templates/partials/loop.mustache": "x{{>partials/loop}}{{>partials/loop}}",
        ])
        let message = "templates/404.mustache:1:1: error: its pages stop: partials nest more than 64 deep, are included more than 100000 times or write more than 16 MB"
        let errors = site.relativeBuildErrors().map { String($0.split(separator: "\n")[0]) }
        #expect(errors == [message])
        let checked = try SiteChecker(options: site.options()).check().diagnostics.filter(\.isError)
        #expect(checked.map { String($0.description.replacingOccurrences(of: site.path + "/", with: "").split(separator: "\n")[0]) } == [message])
    }
}
