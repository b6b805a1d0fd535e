import Foundation
import PrepressContent
import PrepressMarkdown
import PrepressTemplates
#if canImport(Glibc)
import Glibc
#endif

/// What the last build's pages were made from, in `<site>/.prepress-cache/pages`, so that a rebuild renders
/// only the pages that show something that changed.
///
/// Three parts: a digest of everything any page may show about the site (the theme's files, site.yml, the
/// options, prepress itself, the content files' paths), a digest of the site's shape (every guide's place —
/// path, title, dates, draft, taxonomies, author, params —, its questions' groups and counts, and its related
/// guides), and per guide a digest of its rendered body and one of its front matter. When the first two are
/// the last build's, a page is rendered only if it shows the body or front matter of a guide whose digest
/// changed (`PageRenderer.showsBody` / `showsFrontMatter`, the rules the preview drops pages by); every other
/// page's file is left as the last build wrote it, when it still is (`OutputSink.keep`). Otherwise every page
/// is rendered (and still only changed files written).
///
/// Where the templates tell how deep they read guides (`PageDigests`), the record also holds a digest of each
/// page, by its path: then a page is rendered exactly when its digest differs from the last build's, whether or
/// not the shape changed — a tag renamed on one guide renders its page, its terms' pages, and the pages that
/// show it, not every page.
struct PageRecord: Equatable, Sendable {
    static let fileName = "pages"
    static let magic = "prepress page record 2"

    var site: UInt64
    var shape: UInt64
    /// By guide, its path under content/: the digest of its rendered body, and of its front matter.
    var bodies: [String: UInt64]
    var frontMatters: [String: UInt64]
    /// By the XXH64 of a page's path under the output folder, the digest of what it is made from (`PageDigests`);
    /// empty when the templates' reads are not known.
    var pages: [UInt64: UInt64] = [:]

    static func path(for options: BuildOptions) -> String {
        (options.siteDirectory as NSString).appendingPathComponent(BuildStamp.folderName + "/" + fileName)
    }

    /// The record of the site about to be rendered, whose pages are `jobs` (`renderer.jobs()`).
    static func make(context: SiteContext, site: BuildStages.Loaded, options: BuildOptions, renderer: PageRenderer,
                     jobs: [PageRenderer.Job]) -> PageRecord {
        var siteWriter = CacheWriter()
        siteWriter.string(BuildStamp.toolIdentity())
        siteWriter.string(BuildStamp.optionsText(options))
        let configPath = (options.siteDirectory as NSString).appendingPathComponent("site.yml")
        siteWriter.string(FileManager.default.contents(atPath: configPath).map { String(decoding: $0, as: UTF8.self) } ?? "")
        for file in site.theme.files.sorted(by: { $0.path < $1.path }) {
            siteWriter.string(file.path)
            siteWriter.number(file.contents.withUnsafeBytes { XXHash64.hash($0) })
        }
        siteWriter.array(site.staticFiles.map(\.relativePath).sorted()) { $0.string($1) }

        let guides = context.guides
        let related = context.related
        let perGuide: [(path: String, shape: UInt64, body: UInt64, frontMatter: UInt64)] = Array(guides.indices).parallelMap { index in
            // Read in place, and written field by field: copying the front matter (and making a second one of
            // the fields that place the guide) retained each of its strings, on both threads at once.
            let guide = UnsafePointer(guides.pointer(at: index))
            var shape = CacheWriter(capacity: 512)
            shape.string(guide.pointee.source.relativePath)
            shape.string(guide.pointee.path)
            shape.place(of: guide.pointee.frontMatter)
            shape.array(guide.pointee.rendered.questionGroups) { $0.string($1.name); $0.number(UInt64($1.questions.count)) }
            shape.array(related[index]) { $0.number(UInt64($1)) }
            var frontMatter = CacheWriter(capacity: 512)
            frontMatter.frontMatter(guide.pointee.frontMatter, withLocations: false)
            // A rendering from the build cache knows its digest without making its HTML.
            let body = guide.pointee.rendered.bodyDigest
            return (guide.pointee.source.relativePath, shape.bytes.withUnsafeBytes { XXHash64.hash($0) },
                    body, frontMatter.bytes.withUnsafeBytes { XXHash64.hash($0) })
        }
        var shapeWriter = CacheWriter(capacity: perGuide.count * 16)
        for guide in perGuide { shapeWriter.number(guide.shape) }
        let siteDigest = siteWriter.bytes.withUnsafeBytes { XXHash64.hash($0) }
        var pages: [UInt64: UInt64] = [:]
        if let digests = PageDigests(context: context, reads: renderer.templates.reads, siteDigest: siteDigest,
                                     bodies: perGuide.map(\.body), frontMatters: perGuide.map(\.frontMatter)) {
            let keyed: [(UInt64, UInt64)] = jobs.parallelMap { job in
                (pathKey(renderer.path(of: job)), digests.digest(of: job, renderer: renderer))
            }
            pages = Dictionary(keyed, uniquingKeysWith: { first, _ in first })
        }
        return PageRecord(
            site: siteDigest,
            shape: shapeWriter.bytes.withUnsafeBytes { XXHash64.hash($0) },
            bodies: Dictionary(perGuide.map { ($0.path, $0.body) }, uniquingKeysWith: { first, _ in first }),
            frontMatters: Dictionary(perGuide.map { ($0.path, $0.frontMatter) }, uniquingKeysWith: { first, _ in first }),
            pages: pages)
    }

    /// The key of a page's path in `pages`.
    static func pathKey(_ path: String) -> UInt64 { XXHash64.hash(utf8Of: path) }

    /// Whether a page's digest is the last build's (both records having page digests).
    func samePage(_ path: String, as last: PageRecord) -> Bool {
        let key = Self.pathKey(path)
        guard let digest = pages[key] else { return false }
        return last.pages[key] == digest
    }

    /// The guides (positions in `context`) whose body, and whose front matter, differ from `last`'s; nil when
    /// the site or its shape differ (then every page is rendered).
    func changes(since last: PageRecord, context: SiteContext) -> (bodies: Set<Int>, frontMatters: Set<Int>)? {
        guard site == last.site, shape == last.shape else { return nil }
        var bodies: Set<Int> = []
        var frontMatters: Set<Int> = []
        for index in context.guides.indices {
            let path = context.guides.pointer(at: index).pointee.source.relativePath
            if self.bodies[path] != last.bodies[path] { bodies.insert(index) }
            if self.frontMatters[path] != last.frontMatters[path] { frontMatters.insert(index) }
        }
        return (bodies, frontMatters)
    }

    static func read(for options: BuildOptions) -> PageRecord? {
        guard let data = FileManager.default.contents(atPath: path(for: options)) else { return nil }
        var reader = CacheReader([UInt8](data))
        guard reader.string() == magic else { return nil }
        let site = reader.number()
        let shape = reader.number()
        var bodies: [String: UInt64] = [:]
        var frontMatters: [String: UInt64] = [:]
        for _ in 0..<reader.count() where !reader.failed {
            let path = reader.string()
            bodies[path] = reader.number()
            frontMatters[path] = reader.number()
        }
        var pages: [UInt64: UInt64] = [:]
        let pageCount = reader.count()
        pages.reserveCapacity(pageCount)
        for _ in 0..<pageCount where !reader.failed {
            let key = reader.number()
            pages[key] = reader.number()
        }
        guard !reader.failed, reader.isAtEnd else { return nil }
        return PageRecord(site: site, shape: shape, bodies: bodies, frontMatters: frontMatters, pages: pages)
    }

    func write(for options: BuildOptions) {
        var writer = CacheWriter(capacity: 64 + bodies.count * 48 + pages.count * 20)
        writer.string(Self.magic)
        writer.number(site)
        writer.number(shape)
        writer.array(bodies.keys.sorted()) { writer, path in
            writer.string(path)
            writer.number(bodies[path] ?? 0)
            writer.number(frontMatters[path] ?? 0)
        }
        writer.array(pages.keys.sorted()) { writer, key in
            writer.number(key)
            writer.number(pages[key] ?? 0)
        }
        AtomicFile.write(writer.bytes, to: Self.path(for: options), flush: false)
    }

    static func remove(for options: BuildOptions) {
        unlink(path(for: options))
    }
}
