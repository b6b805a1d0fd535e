import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent
import PrepressTestSupport

/// A rebuild writes only the files whose bytes changed, deletes the files that are gone and leaves the rest of
/// the output folder alone — and ends byte for byte where a cold build of the same inputs ends, after every kind
/// of change and after a commit stopped at any step.
@Suite struct RebuildTests {
    static let files: [String: String] = [
        "content/sql.md": """
            ---
            term: "SQL Analyst"
            category: Data
            pubDate: 2025-01-14
            tags: [SQL, Reporting]
            ---
            ## Technical questions

            ### What is a join?

            It combines rows -- "joins" them.

            <div class="note">Rawword inside HTML.</div>

            ### What is an index?

            A lookup structure.
            """,
        "content/python.md": "---\nterm: \"Python Developer\"\ncategory: Engineering\npubDate: 2025-02-01\ntags: [Python]\n---\nSome text. See [the SQL guide](sql.md).\n",
        "content/roles/manager.md": "---\nterm: \"Engineering Manager\"\ncategory: Engineering\npubDate: 2025-03-01\ntags: [Leadership]\n---\nLead.\n",
        "content/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ]

    /// A build into the site's output folder as `prepress build` runs it (stamp kept, unchanged builds skipped).
    func build(_ site: TemporarySite, now: Date = fixedNow, _ configure: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        var options = site.options()
        options.now = now
        options.stamp = .recordAndSkip
        configure(&options)
        return try SiteBuilder(options: options).build()
    }

    /// What a cold build (no stamp, no manifest, into memory) writes for the site as it is now.
    func coldBuild(_ site: TemporarySite, now: Date = fixedNow) throws -> [String: Data] {
        var options = site.options()
        options.now = now
        let sink = MemoryOutputSink()
        _ = try SiteBuilder(options: options).build(into: sink)
        return sink.files.mapValues { Data($0) }
    }

    func write(_ site: TemporarySite, _ path: String, _ text: String) throws {
        try site.folder.write(text, to: path)
    }

    func edit(_ site: TemporarySite, _ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: site.path + "/" + path, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changes it")
        try write(site, path, changed)
    }

    /// Each file's inode and time: a file a rebuild leaves alone keeps both.
    func identities(_ root: String) throws -> [String: String] {
        try readTree(root).keys.reduce(into: [:]) { result, path in
            var info = stat()
            stat(root + "/" + path, &info)
            result[path] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
    }

    /// The index of the last build's inputs made as if that build had begun a minute later: every input's
    /// status then vouches for its bytes (`InputIndex.digest`), as it does for files saved well before a
    /// build, so that the next build reads only the files whose status changed.
    func ageInputIndex(_ site: TemporarySite) throws {
        var index = try #require(InputIndex.read(for: site.options()))
        index.recordedAt += 60_000_000_000
        index.write(for: site.options())
    }

    /// With `trustingStatus`, each build reads only the inputs whose status changed since the last build
    /// (`ageInputIndex`), and loads the other guides without reading their files.
    @Test(arguments: [false, true]) func everyKindOfChangeRebuildsToWhatAColdBuildWrites(trustingStatus: Bool) throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        if trustingStatus { try ageInputIndex(site) }
        let changes: [(String, () throws -> Void)] = [
            ("a body edit", { try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Some more text.") } }),
            ("a description added", { try edit(site, "content/python.md") { $0.replacingOccurrences(of: "category: Engineering", with: "category: Engineering\ndescription: \"Questions for Python roles.\"") } }),
            ("a modDate added", { try edit(site, "content/python.md") { $0.replacingOccurrences(of: "pubDate: 2025-02-01", with: "pubDate: 2025-02-01\nmodDate: 2025-06-01") } }),
            ("a tag renamed on one guide", { try edit(site, "content/sql.md") { $0.replacingOccurrences(of: "Reporting", with: "Dashboards") } }),
            ("a guide moved to another category", { try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Engineering", with: "Data") } }),
            ("a question added", { try edit(site, "content/sql.md") { $0 + "\n### What is a view?\n\nA stored query.\n" } }),
            ("a question removed", { try edit(site, "content/sql.md") { $0.replacingOccurrences(of: "### What is an index?\n\nA lookup structure.\n", with: "") } }),
            ("a guide added", { try write(site, "content/roles/designer.md", "---\nterm: Designer\npubDate: 2025-04-01\n---\nDesign.\n") }),
            ("a guide renamed", { try FileManager.default.moveItem(atPath: site.path + "/content/roles/designer.md", toPath: site.path + "/content/roles/product-designer.md") }),
            ("a guide deleted", { try FileManager.default.removeItem(atPath: site.path + "/content/roles/manager.md") }),
            ("a static file changed", { try write(site, "content/images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>") }),
            ("a static file deleted", { try FileManager.default.removeItem(atPath: site.path + "/content/images/logo.svg") }),
            ("a template override", { try write(site, "templates/partials/footer.mustache", "<footer>Our footer</footer>\n") }),
            ("a site.yml edit", { try write(site, "site.yml", "title: Renamed Site\n") }),
            ("a linked guide's URL changed", { try edit(site, "content/sql.md") { $0.replacingOccurrences(of: "term: \"SQL Analyst\"", with: "term: \"SQL Data Analyst\"") } }),
            ("a Markdown option changed", { try write(site, "site.yml", "title: Renamed Site\nmarkdown:\n  smart_punctuation: false\n") }),
            ("raw HTML turned off", { try write(site, "site.yml", "title: Renamed Site\nmarkdown:\n  unsafe_html: false\n") }),
            ("a guide that turns into a draft", { try edit(site, "content/sql.md") { $0.replacingOccurrences(of: "category: Data", with: "category: Data\ndraft: true") } }),
            ("a guide that takes a page's folder", { try write(site, "content/tags.md", "---\nterm: Tags\npubDate: 2025-05-01\nslug: data\n---\nA guide at /guides/data/.\n") }),
        ]
        for (name, change) in changes {
            try change()
            let report = try build(site)
            if trustingStatus { try ageInputIndex(site) }
            #expect(!report.upToDate, "\(name) builds again")
            #expect(try readTree(site.output) == coldBuild(site), "after \(name), the output is what a cold build writes")
            #expect(try stampNamesTheOutputFolderAsItIs(site), "after \(name), the stamp's listing is the folder's")
            if let written = report.filesWritten {
                #expect(written < report.fileCount, "after \(name), only what changed is written (\(written) of \(report.fileCount))")
            }
        }
    }

    /// Guides that share tags, so that a tag changed on one changes the related guides of others.
    static let relatedFiles: [String: String] = [
        "content/a.md": "---\nterm: Alpha\ncategory: Data\npubDate: 2025-01-01\ntags: [SQL, Python]\n---\nA.\n",
        "content/b.md": "---\nterm: Beta\ncategory: Data\npubDate: 2025-01-02\ntags: [SQL, Spark]\n---\nB.\n",
        "content/c.md": "---\nterm: Gamma\ncategory: Engineering\npubDate: 2025-01-03\ntags: [Python, Go]\n---\nC.\n",
        "content/d.md": "---\nterm: Delta\ncategory: Engineering\npubDate: 2025-01-04\ntags: [Go, Rust]\n---\nD.\n",
        "content/e.md": "---\nterm: Epsilon\ncategory: Design\npubDate: 2025-01-05\ntags: [Figma]\n---\nE.\n",
    ]

    /// A change that moves a guide in the site's lists (here its tags) renders the pages whose digests
    /// changed, not every page — and, with the built-in theme or one that reads more (related guides of
    /// related guides, deeper still, every taxonomy's term count in the footer), ends where a cold build ends.
    @Test(arguments: ["", "related of related", "deeper than the digests go", "term counts in the footer"])
    func aTagChangeRendersOnlyThePagesItShowsOn(theme: String) throws {
        let site = try TemporarySite(Self.relatedFiles)
        switch theme {
        case "related of related":
            try write(site, "templates/guide.mustache",
                      "<p>{{guide.term}}</p>{{#guide.related}}<p>{{term}}: {{#related}}{{term}}, {{/related}}</p>{{/guide.related}}\n")
        case "deeper than the digests go":
            try write(site, "templates/guide.mustache",
                      "<p>{{guide.term}}</p>{{#guide.related}}<p>{{term}}: {{#related}}{{term}} {{#related}}{{term}},{{/related}};{{/related}}</p>{{/guide.related}}\n")
        case "term counts in the footer":
            try write(site, "templates/partials/footer.mustache", "<footer>{{#site.taxonomies}}{{title}} {{term_count}} {{/site.taxonomies}}</footer>\n")
        default:
            break
        }
        _ = try build(site)
        let changes: [(name: String, path: String, old: String, new: String)] = [
            ("a tag renamed", "content/e.md", "Figma]", "Sketch]"),
            ("shared tags added", "content/e.md", "Sketch]", "Sketch, Go, SQL]"),
            ("a shared tag removed", "content/c.md", "Python, Go]", "Go]"),
            ("a category changed", "content/d.md", "category: Engineering", "category: Data"),
            ("a new tag", "content/e.md", "SQL]", "SQL, Kotlin]"),
        ]
        for change in changes {
            try edit(site, change.path) { $0.replacingOccurrences(of: change.old, with: change.new) }
            let report = try build(site)
            #expect(try readTree(site.output) == coldBuild(site), "after \(change.name) (\(theme)), the output is what a cold build writes")
            // (`pagesRendered` is nil when no page was kept.) Guides read deeper than `TemplateReads.nestingLimit`
            // leave the page record to its shape: every page is rendered. A new term changes the count that every
            // themed page of the last theme shows: all of those are rendered too.
            if theme == "deeper than the digests go" {
                #expect(report.pagesRendered == nil, "after \(change.name) (\(theme)), every page is rendered")
            } else if theme == "term counts in the footer" && change.name == "a new tag" {
                // Every page with the footer; the feeds, which have none, are kept.
                #expect((report.pagesRendered ?? .max) >= report.pageCount, "after \(change.name) (\(theme)), every page is rendered")
            } else {
                #expect(report.pagesRendered != nil, "after \(change.name) (\(theme)), some pages are kept")
            }
        }
    }

    /// A page that shows the site's question count and no guide (here the not-found page) is rendered again
    /// when a question comes, and the guide pages, whose template does not show the count, are not.
    @Test func aPageShowingTheQuestionCountFollowsIt() throws {
        let site = try TemporarySite(Self.files)
        try write(site, "templates/404.mustache", "<p>{{site.question_count}} questions</p>\n")
        _ = try build(site)
        try edit(site, "content/sql.md") { $0 + "\n### What is a view?\n\nA stored query.\n" }
        let report = try build(site)
        #expect(try readTree(site.output) == coldBuild(site))
        #expect(try String(contentsOfFile: site.output + "/404.html", encoding: .utf8).contains("3 questions"))
        #expect(report.pagesRendered != nil, "the guide pages that do not show the question are kept")
    }

    /// The manifest is not flushed to the disk (`OutputManifest.write`): a crash may leave an older one, or
    /// none. Either way the next build must end where a cold build ends, writing more rather than less.
    @Test func aStaleOrLostManifestOnlyMakesTheNextBuildWriteMore() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        let manifestPath = OutputManifest.path(for: site.options())
        let stale = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Other text, edited.") }
        _ = try build(site)
        // The edit's output is in place, but the manifest is the one from before it.
        try stale.write(to: URL(fileURLWithPath: manifestPath))
        try edit(site, "content/sql.md") { $0.replacingOccurrences(of: "A lookup structure.", with: "A sorted lookup structure.") }
        _ = try build(site)
        #expect(try readTree(site.output) == coldBuild(site), "after a stale manifest")
        // No manifest at all.
        try FileManager.default.removeItem(atPath: manifestPath)
        try edit(site, "content/sql.md") { $0.replacingOccurrences(of: "sorted", with: "balanced") }
        _ = try build(site)
        #expect(try readTree(site.output) == coldBuild(site), "after a lost manifest")
    }

    @Test func aRebuildReadsOnlyTheGuideFilesWhoseStatusChanged() throws {
        let site = try TemporarySite(Self.files)
        let first = try build(site)
        #expect(first.guideFilesRead == 3)
        // Saved just before the last build began: their status does not vouch for their bytes yet.
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Other text.") }
        let unsettled = try build(site)
        #expect(unsettled.guideFilesRead == 3, "\(String(describing: unsettled.guideFilesRead))")
        try ageInputIndex(site)
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Other text.", with: "Other words.") }
        let edited = try build(site)
        #expect(edited.guidesParsed == 1 && edited.guideFilesRead == 1, "the edited guide alone is read")
        #expect(try readTree(site.output) == coldBuild(site))
        // The linked guide's URL changes: python.md, loaded without its file, is read to render its link again.
        try ageInputIndex(site)
        try edit(site, "content/sql.md") { $0.replacingOccurrences(of: "term: \"SQL Analyst\"", with: "term: \"SQL Lead\"") }
        let moved = try build(site)
        #expect(moved.guideFilesRead == 1)
        #expect(try readTree(site.output) == coldBuild(site), "the link leads to the guide's new URL")
        // Written back with its size and times as they were: its change time still moved, so it is read.
        try ageInputIndex(site)
        let path = site.path + "/content/roles/manager.md"
        let before = try #require(FileIdentity.of(path))
        try write(site, "content/roles/manager.md", try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "Lead.", with: "Bead."))
        var times = [timespec(tv_sec: Int(before.modified / 1_000_000_000), tv_nsec: Int(before.modified % 1_000_000_000)),
                     timespec(tv_sec: Int(before.modified / 1_000_000_000), tv_nsec: Int(before.modified % 1_000_000_000))]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let restored = try #require(FileIdentity.of(path))
        #expect(restored.size == before.size && restored.modified == before.modified && restored.changed != before.changed)
        let rewritten = try build(site)
        #expect(rewritten.guidesParsed == 1 && rewritten.guideFilesRead == 1)
        #expect(try readTree(site.output) == coldBuild(site))
    }

    @Test func aGuideLoadedWithoutItsFileIsAnErrorWhenTheFileChangesBeforeItsBodyIsRead() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        let options = site.options()
        let cache = GuideCache(folder: GuideCache.folder(for: options), identity: BuildStamp.toolIdentity())
        cache.reusedRenderKey = GuideRenderer.renderKey(of: GuideRenderer.markdownRenderer(for: SiteConfig()))
        cache.contentFolder = site.path + "/content"
        let path = site.path + "/content/python.md"
        cache.knownContent = ["python.md": .init(hash: try Data(contentsOf: URL(fileURLWithPath: path)).withUnsafeBytes { XXHash64.hash($0) }, unread: false)]
        let parsed = try #require(cache.parsedGuide(unread: "python.md", displayPath: options.displayPath("content/python.md")))
        #expect(parsed.body.isEmpty && parsed.frontMatter.term == "Python Developer")
        #expect(cache.parsedGuide(unread: "sql.md", displayPath: options.displayPath("content/sql.md")) == nil, "bytes not known: read")
        guard case .success(let body) = cache.unreadBody(of: options.displayPath("content/python.md")) else {
            Issue.record("the body is read from the file")
            return
        }
        #expect(body == "Some text. See [the SQL guide](sql.md).\n")
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Some other text.") }
        guard case .failure = cache.unreadBody(of: options.displayPath("content/python.md")) else {
            Issue.record("bytes other than those the guide was loaded by are not its body")
            return
        }
    }

    /// The same site named two ways (`--site .` inside it, `--site site` beside it, or its absolute path): the
    /// guide cache is found by each guide's path under content/, not by the path messages show, so a rebuild
    /// under another name parses only what changed, and its warnings — cached ones among them — name the
    /// files as this build shows them, as a cold build's do.
    @Test func aSiteNamedAnotherWayStillUsesItsCacheAndNamesFilesItsWay() throws {
        var files = Self.files
        files["content/authored.md"] = "---\nterm: Authored\nauthor:\n  name: Ann\n  mail: ann@example.com\n---\nText.\n"
        let site = try TemporarySite(files)
        let first = try build(site)
        #expect(first.warnings.contains { $0.location.file == site.path + "/content/authored.md" && $0.message.contains("author.mail") })
        // The same folder by a path relative to the current one.
        let here = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: here) + site.path.dropFirst()
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Other text.") }
        let renamed = try build(site) { $0.siteDirectory = relative }
        #expect(renamed.guidesParsed == 1, "only the edited guide is parsed again")
        #expect(renamed.warnings.contains { $0.location.file == relative + "/content/authored.md" && $0.message.contains("author.mail") })
        #expect(!renamed.warnings.contains { $0.location.file.hasPrefix(site.path) }, "no message names the other spelling")
        var options = site.options()
        options.siteDirectory = relative
        options.now = fixedNow
        let cold = MemoryOutputSink()
        let coldReport = try SiteBuilder(options: options).build(into: cold)
        #expect(renamed.warnings == coldReport.warnings)
        #expect(try readTree(site.output) == coldBuild(site))
        // And back: the entries kept the name they were parsed under, and are shown under this one.
        let back = try build(site)
        #expect(back.guidesParsed == 0 || back.upToDate)
    }

    /// The related guides and the URLs a rebuild takes from the last build (`RelatedListCache`,
    /// `PlacementCache`), over forty guides whose terms collide (so placing warns) and a series of changes of
    /// tags, categories, dates (which move guides in the list), terms and bodies, with the two files damaged
    /// on the way: each rebuild writes what a cold build writes, with the same warnings.
    @Test func relatedGuidesAndURLsKeptFromTheLastBuildFollowEveryChange() throws {
        let names = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta"]
        struct Shape: Equatable { var tags: Int, ops: Bool, day: Int, term: Int, body: Int }
        func text(_ shape: Shape) -> String {
            let tags = names.indices.filter { (shape.tags >> $0) & 1 == 1 }.map { "\"\(names[$0])\"" }.joined(separator: ", ")
            return "---\nterm: \"Guide \(shape.term)\"\npubDate: 2025-03-\(String(format: "%02d", shape.day))\n"
                + "category: \(shape.ops ? "Ops" : "Sales")\ntags: [\(tags)]\n---\nBody \(shape.body).\n"
        }
        var shapes: [Shape] = (0..<40).map { Shape(tags: $0 * 7 % 64, ops: $0 % 3 == 0, day: $0 % 28 + 1, term: $0 % 9, body: 0) }
        var files: [String: String] = ["site.yml": "paginate: 5\n"]
        for (number, shape) in shapes.enumerated() { files["content/g\(number).md"] = text(shape) }
        let site = try TemporarySite(files)
        _ = try build(site)
        let cacheFolder = (GuideCache.folder(for: site.options()) as NSString).deletingLastPathComponent
        var seed = 7
        for round in 0..<24 {
            seed = (seed * 1_103_515_245 + 12_345) & 0x7fff_ffff
            let number = seed % shapes.count
            var shape = shapes[number]
            switch round % 5 {
            case 0: shape.tags ^= 1 << ((seed >> 8) % names.count)
            case 1: shape.ops.toggle()
            case 2: shape.day = (seed >> 8) % 28 + 1
            case 3: shape.term = (seed >> 8) % 12
            default: shape.body += 1
            }
            if shape == shapes[number] { shape.body += 1 }
            shapes[number] = shape
            try write(site, "content/g\(number).md", text(shape))
            if round == 6 { try Data("damaged".utf8).write(to: URL(fileURLWithPath: cacheFolder + "/" + RelatedListCache.fileName)) }
            if round == 13 {
                let path = (cacheFolder as NSString).appendingPathComponent(PlacementCache.fileName)
                var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                bytes[bytes.count / 2] ^= 0x5A
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            }
            let report = try build(site)
            var options = site.options()
            options.now = fixedNow
            let cold = MemoryOutputSink()
            let coldReport = try SiteBuilder(options: options).build(into: cold)
            #expect(try readTree(site.output) == coldBuild(site), "round \(round): the output is what a cold build writes")
            #expect(report.warnings == coldReport.warnings, "round \(round): the warnings are a cold build's")
            #expect(!report.warnings.isEmpty)
        }
    }

    /// A rebuild takes the last placing and related guides when what they were made from is as it was: after
    /// a body edit neither file is written again (each write is a rename, a new inode); after a tag change
    /// only the related guides' is; a guide added writes both.
    @Test func placingAndRelatedGuidesAreTakenFromTheLastBuildWhenTheirInputsAreAsTheyWere() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        let folder = (GuideCache.folder(for: site.options()) as NSString).deletingLastPathComponent
        func inode(_ name: String) throws -> UInt64 {
            try #require((try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.systemFileNumber] as? NSNumber)?.uint64Value)
        }
        var placing = try inode(PlacementCache.fileName)
        var related = try inode(RelatedListCache.fileName)
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Other text.") }
        _ = try build(site)
        #expect(try inode(PlacementCache.fileName) == placing, "a body edit keeps the placing")
        #expect(try inode(RelatedListCache.fileName) == related, "a body edit keeps the related guides")
        try edit(site, "content/sql.md") { $0.replacingOccurrences(of: "Reporting", with: "Dashboards") }
        _ = try build(site)
        #expect(try inode(PlacementCache.fileName) == placing, "a tag change keeps the placing")
        #expect(try inode(RelatedListCache.fileName) != related, "a tag change finds the related guides again")
        related = try inode(RelatedListCache.fileName)
        placing = try inode(PlacementCache.fileName)
        try write(site, "content/roles/designer.md", "---\nterm: Designer\npubDate: 2025-04-01\ntags: [SQL]\n---\nDesign.\n")
        _ = try build(site)
        #expect(try inode(PlacementCache.fileName) != placing)
        #expect(try inode(RelatedListCache.fileName) != related)
        #expect(try readTree(site.output) == coldBuild(site))
    }

    @Test func aSiteReachedThroughALinkKeepsItsOutputFolder() throws {
        let site = try TemporarySite(Self.files)
        let link = site.path + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: site.path)
        defer { try? FileManager.default.removeItem(atPath: link) }
        _ = try build(site)
        // Nothing changed: by the link, nothing is written again (the stamp's messages name the files the other
        // way, so it is a rebuild that keeps every file rather than a skip).
        let throughLink = try build(site) { $0.siteDirectory = link }
        #expect(throughLink.upToDate || (throughLink.filesWritten == 0 && throughLink.filesUnchanged == throughLink.fileCount),
                "the manifest names the output folder by its real path")
        // An edit, by the link: only what changed is written, the output folder the last build left is kept.
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Other text.") }
        let edited = try build(site) { $0.siteDirectory = link }
        #expect(edited.guidesParsed == 1)
        #expect(edited.filesUnchanged > edited.fileCount / 2, "a rebuild into the folder the last build left, not a whole build")
        #expect(try readTree(site.output) == coldBuild(site))
    }

    @Test func aRebuildParsesOnlyTheGuidesThatChangedAndADamagedCacheIsNoCache() throws {
        let site = try TemporarySite(Self.files)
        let first = try build(site)
        #expect(first.guidesParsed == 3)
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Other text.") }
        let second = try build(site)
        #expect(second.guidesParsed == 1, "only the edited guide is parsed and rendered again")
        #expect(try readTree(site.output) == coldBuild(site))
        // Every shard of the cache damaged: the next build parses everything and still writes the right site.
        let folder = GuideCache.folder(for: site.options())
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!shards.isEmpty)
        for (number, name) in shards.enumerated() {
            let path = folder + "/" + name
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            switch number % 3 {
            case 0: bytes = Array(bytes.prefix(bytes.count / 2))
            case 1: for index in stride(from: bytes.count / 3, to: bytes.count, by: 7) { bytes[index] ^= 0x5A }
            default: bytes = []
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Other text.", with: "Third text.") }
        let third = try build(site)
        #expect(try readTree(site.output) == coldBuild(site), "a damaged cache changes nothing in the output")
        #expect((third.guidesParsed ?? 0) >= 1)
        // Deleting the cache is always safe.
        try FileManager.default.removeItem(atPath: site.path + "/.prepress-cache")
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Third text.", with: "Fourth text.") }
        let fourth = try build(site)
        #expect(fourth.guidesParsed == 3)
        #expect(try readTree(site.output) == coldBuild(site))
    }

    /// A shard's LZ4 block ends in literal bytes (the block format's last sequence is literals only), so a
    /// changed last byte still decompresses — to other bytes; the block's checksum must refuse it.
    @Test func aShardWhoseBlockStillDecompressesToOtherBytesIsNoCache() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        let folder = GuideCache.folder(for: site.options())
        let shards = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "index.bin" }
        #expect(!shards.isEmpty)
        for name in shards {
            let url = URL(fileURLWithPath: folder + "/" + name)
            var bytes = [UInt8](try Data(contentsOf: url))
            bytes[bytes.count - 1] ^= 0x01
            try Data(bytes).write(to: url)
        }
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Other text.") }
        let rebuilt = try build(site)
        #expect(rebuilt.guidesParsed == 3, "no entry of a damaged shard is used")
        #expect(try readTree(site.output) == coldBuild(site))
    }

    @Test func aCachedGuideIsLoadedWithoutItsBodyOnlyWhenItsRenderingWillBeUsedAsItIs() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        let key = GuideRenderer.renderKey(of: GuideRenderer.markdownRenderer(for: SiteConfig()))
        func body(_ path: String, key: String?) throws -> String? {
            let cache = GuideCache(folder: GuideCache.folder(for: site.options()), identity: BuildStamp.toolIdentity())
            cache.reusedRenderKey = key
            let text = try String(contentsOfFile: site.path + "/" + path, encoding: .utf8)
            let file = try #require(FileIdentity.of(site.path + "/" + path))
            return cache.parsedGuide(text: text, file: file, relativePath: String(path.dropFirst("content/".count)),
                                     displayPath: site.options().displayPath(path))?.body
        }
        // Rendered with the same options and without links: nothing will read the body.
        #expect(try body("content/roles/manager.md", key: key) == "")
        // A link's destination is checked again by the Markdown stage, which renders again when it moved.
        #expect(try body("content/python.md", key: key) == "Some text. See [the SQL guide](sql.md).\n")
        // Other options, or none known: the guide will be rendered again.
        #expect(try body("content/roles/manager.md", key: key + "x") == "Lead.\n")
        #expect(try body("content/roles/manager.md", key: nil) == "Lead.\n")
    }

    @Test func aBodyEditWritesOnlyTheFilesItChangesAndLeavesTheRestAlone() throws {
        let site = try TemporarySite(Self.files)
        let first = try build(site)
        let before = try identities(site.output)
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Other text.") }
        let report = try build(site)
        let after = try identities(site.output)
        let rewritten = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(rewritten.contains("guides/python-developer/index.html"))
        #expect(report.filesWritten == rewritten.count)
        #expect(report.filesUnchanged == first.fileCount - rewritten.count)
        #expect(report.filesDeleted == Set(before.keys).subtracting(after.keys).count)
        #expect(!rewritten.contains("guides/engineering-manager/index.html"), "a page the edit does not show is not written")
        #expect(!rewritten.contains("images/logo.svg"))
    }

    /// The search's display files (`search/d/<n>.json`, eight guides each) of guides a rebuild does not change
    /// are kept, not made again — the new manifest still has no digest for them, as a file the rebuild made
    /// and compared would — while the file of the edited guide is made, and the output is a cold build's.
    /// A change of tags keeps them all; a term that moves guides in the index's order makes each file whose
    /// guides moved.
    @Test func aRebuildKeepsTheSearchDisplayFilesOfGuidesThatDidNotChange() throws {
        var files: [String: String] = [:]
        for number in 0..<20 {
            files[String(format: "content/guide-%02d.md", number)] =
                "---\nterm: \"Guide \(String(format: "%02d", number))\"\ncategory: Data\npubDate: 2025-01-14\n---\nText of guide \(number).\n"
        }
        let site = try TemporarySite(files)
        _ = try build(site)
        let manifestPath = OutputManifest.path(for: site.options())
        let folder = URL(fileURLWithPath: site.output).standardizedFileURL.path
        func digests() throws -> [String: UInt64?] {
            try #require(OutputManifest.read(from: manifestPath, outputFolder: folder)).files
                .filter { $0.key.hasPrefix("search/d/") }.mapValues(\.digest)
        }
        #expect(try digests().keys.sorted() == ["search/d/0.json", "search/d/1.json", "search/d/2.json"])
        // Guides are in the index by term: guide 09 is the tenth, in the second file.
        try edit(site, "content/guide-09.md") { $0.replacingOccurrences(of: "Text of guide 9.", with: "Other text of guide 9.") }
        _ = try build(site)
        #expect(try readTree(site.output) == coldBuild(site))
        var after = try digests()
        #expect(after["search/d/0.json"] == .some(nil), "the first file is kept")
        #expect(after["search/d/2.json"] == .some(nil), "the third file is kept")
        #expect(after["search/d/1.json"] != .some(nil), "the edited guide's file is made and compared")
        // A new tag on one guide: the display files do not show tags (`facets.bin` does), so none changes and
        // all are kept, though the new tag renumbers the tags after it.
        try edit(site, "content/guide-03.md") { $0.replacingOccurrences(of: "category: Data\n", with: "category: Data\ntags: [Aardvark, Zebra]\n") }
        _ = try build(site)
        #expect(try readTree(site.output) == coldBuild(site))
        #expect(try digests() == after, "a change of tags keeps every display file")
        // A term changed: the order may change, so every file is made again (and compared with the last).
        try edit(site, "content/guide-19.md") { $0.replacingOccurrences(of: "Guide 19", with: "A guide 19") }
        _ = try build(site)
        #expect(try readTree(site.output) == coldBuild(site))
        after = try digests()
        #expect(after.values.allSatisfy { $0 != nil }, "after a change of shape, each display file is made")
    }

    /// A cold build records no digests (`OutputManifest.Entry`): the rebuild after it compares a page it renders
    /// again with the file's bytes. An edit that keeps the page's size still rewrites it; a page whose bytes are
    /// the same is left alone, before and after the rebuild has taken its digest.
    @Test func aPageOfTheSameSizeIsComparedByItsBytesAfterAColdBuild() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        let manifestPath = OutputManifest.path(for: site.options())
        let folder = URL(fileURLWithPath: site.output).standardizedFileURL.path
        let page = "guides/python-developer/index.html"
        #expect(try #require(OutputManifest.read(from: manifestPath, outputFolder: folder)).files[page]?.digest == nil)
        let sizeBefore = try Data(contentsOf: URL(fileURLWithPath: site.output + "/" + page)).count
        var before = try identities(site.output)
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Some text.", with: "Same text.") }
        _ = try build(site)
        var after = try identities(site.output)
        #expect(try Data(contentsOf: URL(fileURLWithPath: site.output + "/" + page)).count == sizeBefore)
        #expect(after[page] != before[page], "the page, as long as before, is written")
        #expect(after["guides/engineering-manager/index.html"] == before["guides/engineering-manager/index.html"])
        #expect(try readTree(site.output) == coldBuild(site))
        #expect(try #require(OutputManifest.read(from: manifestPath, outputFolder: folder)).files[page]?.digest != nil,
                "the rebuild records the digest of what it wrote")
        // Back to the first text: compared by digest now.
        before = after
        try edit(site, "content/python.md") { $0.replacingOccurrences(of: "Same text.", with: "Some text.") }
        _ = try build(site)
        after = try identities(site.output)
        #expect(after[page] != before[page])
        #expect(try readTree(site.output) == coldBuild(site))
    }

    @Test func aFileThatHoldsTheBytesIsToldFromOneThatDoesNot() throws {
        let site = try TemporarySite(["a.txt": "abc", "empty.txt": ""])
        func holds(_ path: String, _ text: String) -> Bool {
            Array(text.utf8).withUnsafeBytes { UpdatingOutputSink.file(site.path + "/" + path, holds: $0) }
        }
        #expect(holds("a.txt", "abc"))
        #expect(!holds("a.txt", "abd"))
        #expect(!holds("a.txt", "ab"))
        #expect(!holds("a.txt", "abcd"))
        #expect(holds("empty.txt", ""))
        #expect(!holds("empty.txt", "a"))
        #expect(!holds("missing.txt", ""))
    }

    @Test func aFutureGuideComingDueRebuildsToWhatAColdBuildWrites() throws {
        let site = try TemporarySite(Self.files.merging(["content/soon.md": "---\nterm: Soon\npubDate: 2026-06-01\n---\nLater.\n"]) { $1 })
        _ = try build(site)
        #expect(try readTree(site.output).keys.allSatisfy { !$0.hasPrefix("guides/soon/") })
        let later = Date(timeIntervalSince1970: 1_790_000_000)
        let report = try build(site, now: later)
        #expect(!report.upToDate)
        #expect(try readTree(site.output) == coldBuild(site, now: later))
        #expect(try readTree(site.output).keys.contains("guides/soon/index.html"))
    }

    @Test func strayEditedAndDeletedOutputFilesAreSetRightAndDotEntriesStay() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        try write(site, "output/stray/page.html", "stray")
        try write(site, "output/.nojekyll", "")
        try edit(site, "output/index.html") { $0.replacingOccurrences(of: "<html", with: "<HTML") }
        try FileManager.default.removeItem(atPath: site.output + "/feed.xml")
        try edit(site, "content/python.md") { $0 + "\nMore.\n" }
        _ = try build(site)
        var expected = try coldBuild(site)
        expected[".nojekyll"] = Data()
        #expect(try readTree(site.output) == expected)
        #expect(!FileManager.default.fileExists(atPath: site.output + "/stray"))
        #expect(try stampNamesTheOutputFolderAsItIs(site))
        // An empty folder left in the output goes too, and a file of a new folder comes.
        try FileManager.default.createDirectory(atPath: site.output + "/empty/deeper", withIntermediateDirectories: true)
        try write(site, "content/images/new/icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        _ = try build(site)
        expected = try coldBuild(site)
        expected[".nojekyll"] = Data()
        #expect(try readTree(site.output) == expected)
        #expect(!FileManager.default.fileExists(atPath: site.output + "/empty"))
        #expect(try stampNamesTheOutputFolderAsItIs(site))
    }

    /// Whether the listing the last build's stamp recorded, worked out from the listing before its commit and
    /// what the commit changed, is the listing of the output folder read now.
    func stampNamesTheOutputFolderAsItIs(_ site: TemporarySite) throws -> Bool {
        let stamp = try #require(BuildStamp.data(for: site.options()).flatMap(BuildStamp.decode))
        return stamp.output == BuildFingerprint.output(at: site.output)
    }

    @Test func oneBuildOfASiteRunsAtATime() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        let held = try #require(try BuildLock.acquire(for: site.options()))
        try edit(site, "content/python.md") { $0 + "\nMore.\n" }
        do {
            _ = try build(site)
            Issue.record("a second build ran while the first held the lock")
        } catch let error as DiagnosticsError {
            #expect(error.diagnostics.map(\.message) == ["another prepress build of this site is running"])
        }
        withExtendedLifetime(held) {}
        _ = consume held
        #expect(!(try build(site)).upToDate, "once the lock is let go, the build runs")
        #expect(try readTree(site.output) == coldBuild(site))
    }

    @Test func aMissingOrCorruptManifestMeansAColdBuild() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        let manifest = OutputManifest.path(for: site.options())
        for damage in ["", "\(OutputManifest.header)\noutput /elsewhere\n", "\(OutputManifest.header)\nnot a manifest"] {
            try Data(damage.utf8).write(to: URL(fileURLWithPath: manifest))
            try edit(site, "content/python.md") { $0 + "\nMore.\n" }
            let report = try build(site)
            #expect(report.filesWritten == report.fileCount, "a cold build writes every file")
            #expect(try readTree(site.output) == coldBuild(site))
            #expect(OutputManifest.read(from: manifest, outputFolder: URL(fileURLWithPath: site.output).standardizedFileURL.path) != nil,
                    "the cold build leaves a manifest for the next")
        }
    }

    /// A rebuild stopped after each step of its commit (as a killed process stops), then a build: the output is
    /// what a cold build writes, whatever the step.
    @Test func aCommitStoppedAtAnyStepIsFinishedByTheNextBuild() throws {
        let site = try TemporarySite(Self.files)
        _ = try build(site)
        let journalPath = OutputJournal.path(for: site.options())
        var step = 0
        while true {
            // A change that writes, deletes and removes folders: a guide's term (so its URL) and another's body.
            let (from, to) = step % 2 == 0 ? ("Engineering Manager", "Engineering Lead") : ("Engineering Lead", "Engineering Manager")
            try edit(site, "content/roles/manager.md") { $0.replacingOccurrences(of: from, with: to) }
            try edit(site, "content/python.md") { $0 + "\nStep \(step).\n" }
            let before = try readTree(site.output)
            var stopped = true
            do {
                _ = try build(site) { $0.commitInterruption = step }
                stopped = false
            } catch {}
            if stopped, step == 1 {
                let journal = try #require(OutputJournal.read(from: journalPath))
                #expect(journal.deletions.count > 0 && journal.removedFolders.count > 0 && journal.moves.count > 0)
            }
            // The journal alone finishes the commit: once it is written, the output is the new site; before, the old.
            try OutputJournal.recover(for: site.options())
            #expect(try readTree(site.output) == (stopped && step == 0 ? before : coldBuild(site)),
                    "replaying the journal of a commit stopped at step \(step)")
            let report = try build(site)
            if stopped { #expect(!report.upToDate, "after a commit stopped at step \(step), the next build builds") }
            #expect(try readTree(site.output) == coldBuild(site), "after a commit stopped at step \(step)")
            #expect(!FileManager.default.fileExists(atPath: journalPath))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains(".output.") }
            #expect(leftovers.isEmpty, "no staging folder is left: \(leftovers)")
            // Past the last step, the build was not stopped at all.
            if !stopped { break }
            step += 1
        }
        #expect(step > 10, "the commit has a step per file deleted, folder removed and file moved")
    }
}
