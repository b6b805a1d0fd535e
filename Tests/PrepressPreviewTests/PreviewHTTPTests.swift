import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import PrepressPreview
import PrepressBuild
import PrepressContent
import PrepressTestSupport

/// The preview's routes, run in-process through Hummingbird's test client.
@Suite struct PreviewHTTPTests {
    /// The preview's router over a small site; the site's folder goes when the returned `PreviewSite` does.
    func application() async throws -> (Application<RouterResponder<BasicRequestContext>>, PreviewStore, PreviewSite) {
        let site = try previewSite()
        var options = BuildOptions(siteDirectory: site.path, now: fixedNow)
        options.baseURL = "http://127.0.0.1:8080/"
        let store = PreviewStore(options: options)
        await store.buildAll()
        let app = Application(router: PreviewServer.makeRouter(store: store))
        return (app, store, site)
    }

    @Test func pagesRedirectsAnd404sOverHTTP() async throws {
        let (app, _, site) = try await application()
        defer { withExtendedLifetime(site) {} }
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("/__prepress/live.js"))
            }
            try await client.execute(uri: "/tags", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/tags/")
            }
            try await client.execute(uri: "/missing/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Page not found"))
            }
            try await client.execute(uri: "/assets/style.css", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
            let etag = try await client.execute(uri: "/images/logo.svg", method: .get) { $0.headers[.eTag] }
            try await client.execute(uri: "/images/logo.svg", method: .get, headers: [.ifNoneMatch: try #require(etag)]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/__prepress/live.js", method: .get) { response in
                #expect(String(buffer: response.body).contains("EventSource"))
            }
        }
    }

    @Test func pathsOutsideTheSiteAreRefusedOverHTTP() async throws {
        let (app, _, site) = try await application()
        defer { withExtendedLifetime(site) {} }
        try await app.test(.router) { client in
            for path in ["/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/images%2f..%2f..%2fsite.yml", "/a%00b"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .badRequest, "\(path)")
                }
            }
        }
    }

    @Test func aBrokenEditShowsTheOverlayAndTheFixRemovesIt() async throws {
        let (app, store, site) = try await application()
        defer { withExtendedLifetime(site) {} }
        let guide = site.path + "/content/guide.md"
        let good = try String(contentsOfFile: guide, encoding: .utf8)
        try Data("---\nterm: [unclosed\n---\n".utf8).write(to: URL(fileURLWithPath: guide))
        if case .built = await store.apply(SiteChanges(guides: ["guide.md"])) { Issue.record("a broken guide built") }
        try await app.test(.router) { client in
            try await client.execute(uri: "/guides/nurse-manager/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(response.status == .ok, "the last good page is still served")
                #expect(page.contains("prepress-error-overlay"))
                #expect(page.contains("/content/guide.md:3:1: error: invalid YAML"))
            }
        }
        try Data(good.utf8).write(to: URL(fileURLWithPath: guide))
        if case .failed(let errors) = await store.apply(SiteChanges(guides: ["guide.md"])) { Issue.record("\(errors)") }
        try await app.test(.router) { client in
            try await client.execute(uri: "/guides/nurse-manager/", method: .get) { response in
                #expect(!String(buffer: response.body).contains("prepress-error-overlay"))
            }
        }
    }

    @Test func aMisspelledTemplateKeyShowsInTheOverlayWithItsPlace() async throws {
        let (app, store, site) = try await application()
        defer { withExtendedLifetime(site) {} }
        try site.folder.write("<footer>{{site.titel}}</footer>\n", to: "templates/partials/footer.mustache")
        if case .built = await store.apply(SiteChanges(templates: true)) { Issue.record("a misspelled key built") }
        try await app.test(.router) { client in
            try await client.execute(uri: "/guides/nurse-manager/", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("prepress-error-overlay"))
                #expect(page.contains("/templates/partials/footer.mustache:1:16: error: &#39;titel&#39; is not a key of the site; did you mean &#39;title&#39;?"))
            }
        }
    }

    @Test func listenersHearEveryRebuildAndStopOnShutdown() async throws {
        let (_, store, site) = try await application()
        defer { withExtendedLifetime(site) {} }
        let (stream, current) = await store.listen()
        #expect(current == 1)
        _ = await store.apply(SiteChanges(staticFiles: true))
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == 2)
        await store.closeListeners()
        #expect(await iterator.next() == nil)
    }
}

@Suite struct FileWatcherTests {
    @Test func newEditedDeletedFilesAndNewFoldersAreReported() async throws {
        let folder = try TemporaryFolder(prefix: "prepress-watch")
        let root = folder.path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        // A quiet window far longer than the preview's: this test is about which paths a batch names, and on a
        // busy machine a write's events can come more than 20 ms apart and split into two batches.
        let watcher = FileWatcher(root: root, quiet: 0.3, longest: 3)
        // Starts watching and waits until the folders are watched: a fixed sleep loses the first write when
        // the machine is busy.
        let (ready, readySignal) = AsyncStream<Void>.makeStream()
        let changes = watcher.changes(onReady: { readySignal.yield(); readySignal.finish() })
        defer { watcher.stop() }
        for await _ in ready { break }

        var iterator = changes.makeAsyncIterator()
        func nextBatch(after action: () throws -> Void) async throws -> Set<String> {
            try action()
            let batch = await iterator.next() ?? []
            return Set(batch.map(\.path))
        }
        #expect(try await nextBatch { try Data("a".utf8).write(to: URL(fileURLWithPath: root + "/content/a.md")) } == ["content/a.md"])
        #expect(try await nextBatch {
            try FileManager.default.createDirectory(atPath: root + "/content/roles", withIntermediateDirectories: true)
        } == ["content/roles"])
        // No wait needed: the watcher watches a new folder before it reports the batch that has it.
        #expect(try await nextBatch { try Data("b".utf8).write(to: URL(fileURLWithPath: root + "/content/roles/b.md")) } == ["content/roles/b.md"])
        #expect(try await nextBatch {
            try FileManager.default.moveItem(atPath: root + "/content/a.md", toPath: root + "/content/c.md")
        } == ["content/a.md", "content/c.md"])
        #expect(try await nextBatch { try FileManager.default.removeItem(atPath: root + "/content/c.md") } == ["content/c.md"])
        #expect(try await nextBatch { try Data("x: 1".utf8).write(to: URL(fileURLWithPath: root + "/site.yml")) } == ["site.yml"])
    }
}
