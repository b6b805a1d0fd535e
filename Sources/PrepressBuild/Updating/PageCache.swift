import Foundation
import PrepressContent

/// The preview's pages: each rendered when a browser first asks for it, then kept until something it shows
/// changes (`SiteUpdater` hands the pages still valid to the next site's cache). The bytes are those a build
/// writes: the same renderer, the same jobs.
final class PageCache: @unchecked Sendable {
    let renderer: PageRenderer
    /// Every page the site has, in the build's order, and each one's position by path.
    let jobs: [PageRenderer.Job]
    private let positions: [String: Int]
    private let lock = NSLock()
    /// Rendered pages by job position; a feed with no dated guide renders as nil.
    private var rendered: [Int: RenderedPage?]
    /// The sitemap and robots.txt, made from every page's sitemap entry when first asked for.
    private var closing: [String: RenderedPage]?

    /// A cache for `renderer`'s site, every page to be rendered.
    init(renderer: PageRenderer) {
        self.renderer = renderer
        jobs = renderer.jobs()
        var positions: [String: Int] = [:]
        positions.reserveCapacity(jobs.count)
        for (position, job) in jobs.enumerated() {
            let path = renderer.path(of: job)
            if positions[path] == nil { positions[path] = position }
        }
        self.positions = positions
        rendered = [:]
    }

    /// A cache for the site after an update that kept every page at its path (the same pages in the same
    /// order: `jobs`, or the last cache's), keeping the pages already rendered that are still right, by job
    /// position, and the sitemap when it still is.
    init(updating last: PageCache, renderer: PageRenderer, jobs: [PageRenderer.Job]? = nil,
         keeping rendered: [Int: RenderedPage?], closing: [String: RenderedPage]?) {
        self.renderer = renderer
        self.jobs = jobs ?? last.jobs
        positions = last.positions
        self.rendered = rendered
        self.closing = closing
    }

    /// The page at `path` (`guides/x/index.html`, `sitemap.xml`), rendered now if it was not yet.
    func page(at path: String) -> RenderedPage? {
        if let position = positions[path] { return page(position) }
        return closingFiles()[path]
    }

    /// Whether the site has a generated file at `path`.
    func hasPage(at path: String) -> Bool {
        if let position = positions[path] { return page(position) != nil }
        return closingFiles()[path] != nil
    }

    /// The page of a job, rendered now if it was not yet.
    func page(_ position: Int) -> RenderedPage? {
        lock.lock()
        if let known = rendered[position] {
            lock.unlock()
            return known
        }
        lock.unlock()
        // Rendered outside the lock: two requests for one page may both render it, to the same bytes.
        let page = renderer.render(jobs[position])
        lock.lock()
        rendered[position] = page
        lock.unlock()
        return page
    }

    /// Every generated file, rendered on all cores where not yet rendered, by path.
    var allPages: [String: RenderedPage] {
        let pages = Array(jobs.indices).parallelMap { self.page($0) }.compactMap { $0 }
        var byPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for (path, file) in closingFiles() { byPath[path] = file }
        return byPath
    }

    /// Every generated path, without rendering a page (a feed with no dated guide counts: it answers 404).
    var paths: [String] {
        Array(positions.keys) + Array(closingFiles().keys)
    }

    /// Pages rendered so far, by job position (for the next site's cache).
    var renderedPages: [Int: RenderedPage?] {
        lock.lock()
        defer { lock.unlock() }
        return rendered
    }

    /// The sitemap and robots.txt as they are (nil until first asked for).
    var renderedClosingFiles: [String: RenderedPage]? {
        lock.lock()
        defer { lock.unlock() }
        return closing
    }

    private func closingFiles() -> [String: RenderedPage] {
        lock.lock()
        if let closing {
            lock.unlock()
            return closing
        }
        lock.unlock()
        let entries = jobs.compactMap(renderer.sitemapEntry)
        let files = Dictionary(renderer.closingFiles(sitemapEntries: entries).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        lock.lock()
        closing = files
        lock.unlock()
        return files
    }
}
