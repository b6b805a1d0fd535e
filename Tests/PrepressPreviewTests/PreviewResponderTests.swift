import Foundation
import Testing
@testable import PrepressPreview
import PrepressBuild
import PrepressContent
import PrepressTestSupport

/// A small site for the preview's tests: its folder (removed when the value goes away) and its state.
struct PreviewSite {
    let folder: TemporaryFolder
    let state: SiteState
    var path: String { folder.path }
}

/// A small site built in memory for the preview's tests.
func previewSite(_ extra: [String: String] = [:]) throws -> PreviewSite {
    var files = [
        "content/guide.md": "---\nterm: Nurse Manager\ncategory: Healthcare\ntags: [Leadership]\npubDate: 2025-01-14\n---\n## Technical Questions\n\n### Question 1: Why?\n\nBecause.\n",
        "content/images/me.png": "not really a png",
        "content/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ]
    files.merge(extra) { _, new in new }
    let folder = try TemporaryFolder(files, prefix: "prepress-preview")
    var options = BuildOptions(siteDirectory: folder.path, now: fixedNow)
    options.baseURL = "http://127.0.0.1:8080/"
    return PreviewSite(folder: folder, state: try SiteBuilder(options: options).makeState())
}

@Suite struct PreviewResponderTests {
    func get(_ path: String, head: Bool = false, ifNoneMatch: String? = nil, errors: [Diagnostic] = [], state: SiteState) -> PreviewResponse {
        PreviewResponder.respond(path: path, head: head, ifNoneMatch: ifNoneMatch, state: state, errors: errors, generation: 3)
    }

    @Test(arguments: [
        ("/", "index.html"),
        ("/guides/nurse-manager/", "guides/nurse-manager/index.html"),
        ("/images/me.png", "images/me.png"),
        ("/tags/%E9%9D%A2/", "tags/面/index.html"),
        ("//etc/passwd", nil),
        ("/../etc/passwd", nil),
        ("/guides/../../etc/passwd", nil),
        ("/%2e%2e/%2e%2e/etc/passwd", nil),
        ("/..%2f..%2fetc%2fpasswd", nil),
        ("/images%2fme.png", nil),
        ("/images%5cme.png", nil),
        ("/images\\me.png", nil),
        ("/a%00b", nil),
        ("/%zz", nil),
        ("relative", nil),
    ] as [(String, String?)])
    func requestPathsNeverLeaveTheSite(path: String, file: String?) {
        let target = PreviewResponder.target(path)
        #expect(target == (file.map { .file($0) } ?? .refused), "\(path)")
    }

    @Test func filesAreServedWithTheirTypeAndHTMLGetsTheLiveReloadScript() throws {
        let site = try previewSite()
        let home = get("/", state: site.state)
        #expect(home.status == 200)
        #expect(home.headers["Content-Type"] == "text/html; charset=utf-8")
        let html = String(decoding: home.body, as: UTF8.self)
        #expect(html.contains("<script src=\"/__prepress/live.js\" data-generation=\"3\"></script>\n</body>"))
        for (path, type) in [
            ("/assets/style.css", "text/css; charset=utf-8"), ("/images/logo.svg", "image/svg+xml"),
            ("/images/me.png", "image/png"), ("/feed.xml", "application/xml; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"), ("/sitemap.xml", "application/xml; charset=utf-8"),
        ] {
            let response = get(path, state: site.state)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["Content-Type"] == type, "\(path)")
            #expect(!String(decoding: response.body, as: UTF8.self).contains("__prepress"), "\(path)")
        }
    }

    @Test func foldersRedirectToTheirSlashAndMissingPagesGetThe404Page() throws {
        let site = try previewSite()
        let folder = get("/guides/nurse-manager", state: site.state)
        #expect(folder.status == 301)
        #expect(folder.headers["Location"] == "/guides/nurse-manager/")
        let missing = get("/no/such/page/", state: site.state)
        #expect(missing.status == 404)
        let page = String(decoding: missing.body, as: UTF8.self)
        #expect(page.contains("<h1 id=\"intro-title\">Page not found</h1>"))
        #expect(page.contains("/__prepress/live.js"), "the 404 page keeps listening for rebuilds")
        #expect(get("/../etc/passwd", state: site.state).status == 400)
    }

    @Test func headAndConditionalRequests() throws {
        let site = try previewSite()
        let full = get("/assets/style.css", state: site.state)
        let head = get("/assets/style.css", head: true, state: site.state)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["Content-Length"] == String(full.body.count))
        let etag = try #require(full.headers["ETag"])
        let again = get("/assets/style.css", ifNoneMatch: etag, state: site.state)
        #expect(again.status == 304 && again.body.isEmpty)
        #expect(get("/assets/style.css", ifNoneMatch: "\"other\"", state: site.state).status == 200)
    }

    @Test func errorsShowInAnOverlayOnEveryPageEscaped() throws {
        let site = try previewSite()
        let error = Diagnostic.error(at: SourceLocation(file: "content/x.md", line: 3, column: 7), "bad <script>alert(1)</script> value")
        let page = String(decoding: get("/", errors: [error], state: site.state).body, as: UTF8.self)
        #expect(page.contains("id=\"prepress-error-overlay\""))
        #expect(page.contains("content/x.md:3:7: error: bad &lt;script&gt;alert(1)&lt;/script&gt; value"))
        #expect(!page.contains("<script>alert(1)"))
        let noSite = PreviewResponder.respond(path: "/", state: nil, errors: [error], generation: 1)
        #expect(noSite.status == 500)
        #expect(String(decoding: noSite.body, as: UTF8.self).contains("content/x.md:3:7"))
    }

    @Test func theBuiltSiteNeverCarriesTheLiveReloadScript() throws {
        let site = try previewSite()
        let sink = MemoryOutputSink()
        _ = try SiteBuilder(options: BuildOptions(siteDirectory: site.path)).build(into: sink)
        #expect(!sink.files.isEmpty)
        for (file, bytes) in sink.files {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("__prepress"), "\(file)")
        }
    }
}
