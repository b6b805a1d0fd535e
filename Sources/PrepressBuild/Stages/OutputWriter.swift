import Dispatch
import Foundation
import PrepressContent
import PrepressTemplates

/// Renders every page and writes it at once, then the content files and theme assets, refusing two files at
/// one path. No page is held in memory after it is written: a large site's pages would take gigabytes.
struct OutputWriter {
    let sink: OutputSink
    let displayPath: (String) -> String

    /// What writing the site did.
    struct Result {
        var files = 0
        var htmlPages = 0
        /// Time spent in the sink's writes, summed over all threads.
        var writeSeconds = 0.0
        /// Pages (and feeds) left as the last build wrote them, and those rendered.
        var keptPages = 0
        var renderedPages = 0
    }

    /// `unchanged` names the pages that show nothing that changed since the last build: their files are
    /// kept as they are (`OutputSink.keep`) rather than rendered, where the sink can.
    /// `jobs` are the renderer's (`renderer.jobs()`), when the caller has them already.
    func write(site renderer: PageRenderer, jobs: [PageRenderer.Job]? = nil, searchFiles: [RenderedPage] = [], staticFiles: [StaticFile],
               assets: [Theme.File], unchanged: (@Sendable (PageRenderer.Job) -> Bool)? = nil) throws(DiagnosticsError) -> Result {
        // Content files by path, with the name errors show for them.
        let filesByPath = Dictionary(staticFiles.map { ($0.relativePath, displayPath("content/" + $0.relativePath)) },
                                     uniquingKeysWith: { first, _ in first })
        let sink = self.sink
        let writeNanoseconds = SharedTotal()
        let keptPages = SharedTotal()
        let renderedPages = SharedTotal()

        /// A page written, or left out for a content file of the same path, or in conflict with one.
        struct Outcome: Sendable {
            var path: String
            var sitemap: SitemapEntry?
            var written = false
            var problem: Diagnostic?
        }
        let ownFiles = Dictionary(staticFiles.map { ($0.relativePath, $0.absolutePath) }, uniquingKeysWith: { first, _ in first })
        @Sendable func emit(_ page: RenderedPage) -> Outcome {
            var outcome = Outcome(path: page.path, sitemap: page.sitemap)
            var page = page
            if page.extendsContentFile, let own = ownFiles[page.path] {
                // The site's own lines first (`_redirects`: the first rule that matches wins).
                guard let data = FileManager.default.contents(atPath: own) else {
                    outcome.problem = .error(at: SourceLocation(file: filesByPath[page.path] ?? own), "cannot read the file")
                    return outcome
                }
                var bytes = [UInt8](data)
                if let last = bytes.last, last != 10 { bytes.append(10) }
                page.bytes = bytes + page.bytes
            } else if let file = filesByPath[page.path] {
                // A site's own file replaces a default page (robots.txt); any other page it would overwrite is an error.
                if !page.replaceable {
                    outcome.problem = Self.overwriteProblem(file: file, page: page.path)
                }
                return outcome
            }
            if page.kept {
                outcome.written = true
                return outcome
            }
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try sink.write(page.bytes, to: page.path)
                outcome.written = true
            } catch {
                outcome.problem = .error(at: SourceLocation(file: page.path), "cannot write the file: \(error)")
            }
            writeNanoseconds.add(DispatchTime.now().uptimeNanoseconds - start)
            return outcome
        }

        var outcomes: [Outcome] = (jobs ?? renderer.jobs()).parallelMap { job in
            if let unchanged, unchanged(job) {
                let path = renderer.path(of: job)
                // A page a content file replaces is not the build's to keep.
                if filesByPath[path] == nil, sink.keep(path) {
                    keptPages.add(1)
                    return Outcome(path: path, sitemap: renderer.sitemapEntry(of: job), written: true)
                }
            }
            renderedPages.add(1)
            return renderer.render(job).map(emit)
        }.compactMap { $0 }
        outcomes += renderer.closingFiles(sitemapEntries: outcomes.compactMap(\.sitemap)).map(emit)
        outcomes += searchFiles.parallelMap(emit)
        var problems = outcomes.compactMap(\.problem) + renderer.stoppedProblems(displayPath: displayPath)

        // Content files, then the theme's assets where neither a page nor a content file took the path.
        var taken = Set(outcomes.filter(\.written).map(\.path))
        var copies: [(path: String, origin: CopySource)] = []
        for file in staticFiles.sorted(by: { $0.relativePath < $1.relativePath }) where !taken.contains(file.relativePath) {
            copies.append((file.relativePath, .file(file)))
            taken.insert(file.relativePath)
        }
        for asset in assets where !taken.contains(asset.path) {
            copies.append((asset.path, .asset(asset)))
            taken.insert(asset.path)
        }
        let copyProblems: [Diagnostic?] = copies.parallelMap { path, origin in
            do {
                switch origin {
                case .file(let file): try sink.copy(from: file.absolutePath, to: path)
                case .asset(let asset): try sink.write([UInt8](asset.contents), to: path)
                }
                return nil
            } catch {
                return .error(at: SourceLocation(file: path), "cannot write the file: \(error)")
            }
        }
        problems += copyProblems.compactMap { $0 }
        if !problems.isEmpty { throw DiagnosticsError(problems.sorted()) }
        let written = outcomes.filter(\.written)
        return Result(files: written.count + copies.count, htmlPages: written.filter { $0.path.hasSuffix(".html") }.count,
                      writeSeconds: Double(writeNanoseconds.total) / 1e9, keptPages: Int(keptPages.total), renderedPages: Int(renderedPages.total))
    }

    /// The error for a content file at the path of a generated page; `file` as shown to the user.
    static func overwriteProblem(file: String, page: String) -> Diagnostic {
        .error(at: SourceLocation(file: file), "this file would overwrite the generated page /\(page)", hint: "move or rename the file")
    }

    private enum CopySource: Sendable {
        case file(StaticFile)
        case asset(Theme.File)
    }
}

/// A sum added to from many threads (nanoseconds spent writing, pages kept).
final class SharedTotal: @unchecked Sendable {
    private let lock = NSLock()
    private var sum: UInt64 = 0

    func add(_ nanoseconds: UInt64) {
        lock.lock()
        sum += nanoseconds
        lock.unlock()
    }

    var total: UInt64 {
        lock.lock()
        defer { lock.unlock() }
        return sum
    }
}
