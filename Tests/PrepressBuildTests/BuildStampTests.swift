import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent
import PrepressTestSupport

@Suite struct XXHash64Tests {
    /// Values from the reference C implementation (python-xxhash 3, `xxhash.xxh64(data, seed).intdigest()`),
    /// covering the short path, the 4- and 8-byte tails and the 32-byte stripes.
    @Test func matchesTheReferenceImplementation() {
        let long = Array((0..<3).flatMap { _ in (0...255).map(UInt8.init) }) + Array("xyz1234".utf8)
        let cases: [(bytes: [UInt8], plain: UInt64, seeded: UInt64)] = [
            ([], 0xef46db3751d8e999, 0xac75fda2929b17ef),
            (Array("a".utf8), 0xd24ec4f1a98c6e5b, 0x393da8b78992279b),
            (Array("abc".utf8), 0x44bc2cf5ad770999, 0x1318df30094a85fd),
            (Array("Nobody inspects the spammish repetition".utf8), 0xfbcea83c8a378bf1, 0x56db22dd5b051147),
            (long, 0x559ea82afe8f46c9, 0x1d9173213d4b3d8f),
        ]
        for (bytes, plain, seeded) in cases {
            #expect(XXHash64.hash(bytes) == plain, "\(bytes.count) bytes")
            #expect(XXHash64.hash(bytes, seed: 2_654_435_761) == seeded, "\(bytes.count) bytes, seeded")
        }
    }
}

@Suite struct BuildStampTests {
    static let guide = "---\nterm: \"Good Guide\"\npubDate: 2025-01-14\ntags: [SQL]\n---\n## Hello\n\nSome text.\n"

    func makeSite() throws -> TemporarySite {
        try TemporarySite([
            "content/good.md": Self.guide,
            "content/other.md": "---\nterm: \"Other Guide\"\npubDate: 2025-02-01\ntags: [SQL, Python]\n---\nMore text.\n",
        ])
    }

    /// Builds with the stamp. Every input's time is first set a minute back, as if saved well before: an input
    /// saved within `BuildStamp.clockSlack` of a build keeps the next build from being skipped (tested below).
    func build(_ site: TemporarySite, settled: Bool = true, _ configure: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        if settled { try settle(site) }
        var options = site.options()
        options.stamp = .recordAndSkip
        configure(&options)
        return try SiteBuilder(options: options).build()
    }

    /// What a build without any stamp writes for the site as it is now.
    func coldBuild(_ site: TemporarySite, _ configure: (inout BuildOptions) -> Void = { _ in }) throws -> [String: Data] {
        var options = site.options()
        configure(&options)
        let sink = MemoryOutputSink()
        _ = try SiteBuilder(options: options).build(into: sink)
        return sink.files.mapValues { Data($0) }
    }

    func settle(_ site: TemporarySite) throws {
        let past = Date(timeIntervalSinceNow: -60)
        for path in try readTree(site.path).keys where !path.hasPrefix("output/") && !path.hasPrefix(".prepress-cache/") {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: site.path + "/" + path)
        }
    }

    func write(_ site: TemporarySite, _ path: String, _ text: String) throws {
        try site.folder.write(text, to: path)
    }

    func edit(_ site: TemporarySite, _ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: site.path + "/" + path, encoding: .utf8)
        try write(site, path, change(text))
    }

    /// Each file's inode and modification time: a skipped build must not even rewrite a file.
    func identities(_ root: String) throws -> [String: String] {
        try readTree(root).keys.reduce(into: [:]) { result, path in
            let attributes = try FileManager.default.attributesOfItem(atPath: root + "/" + path)
            result[path] = "\(attributes[.systemFileNumber] ?? 0) \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        }
    }

    @Test func aBuildWithNothingChangedIsSkippedAndTouchesNoFile() throws {
        let site = try makeSite()
        let first = try build(site)
        #expect(!first.upToDate)
        let before = try identities(site.output)

        let second = try build(site)
        #expect(second.upToDate)
        #expect((second.guideCount, second.pageCount, second.fileCount) == (first.guideCount, first.pageCount, first.fileCount))
        #expect(try identities(site.output) == before)
        #expect(try readTree(site.output).keys.allSatisfy { !$0.contains("prepress-cache") && !$0.hasSuffix("last-build.json") },
                "nothing of the stamp is published")
        #expect(FileManager.default.fileExists(atPath: BuildStamp.path(for: site.options())))
    }

    @Test func everyKindOfInputChangeBuildsAgainAndMatchesAColdBuild() throws {
        let site = try makeSite()
        _ = try build(site)
        let changes: [(String, () throws -> Void)] = [
            ("a body edit of the same length", { try edit(site, "content/good.md") { $0.replacingOccurrences(of: "Some text.", with: "Some test.") } }),
            ("a front matter edit", { try edit(site, "content/good.md") { $0.replacingOccurrences(of: "[SQL]", with: "[SQL, Go]") } }),
            ("a new guide", { try write(site, "content/roles/new.md", "---\nterm: New Guide\npubDate: 2025-03-01\n---\nNew.\n") }),
            ("a renamed guide", { try FileManager.default.moveItem(atPath: site.path + "/content/roles/new.md", toPath: site.path + "/content/roles/newer.md") }),
            ("a deleted guide", { try FileManager.default.removeItem(atPath: site.path + "/content/other.md") }),
            ("a new static file", { try write(site, "content/images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>") }),
            ("an edited static file", { try write(site, "content/images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>") }),
            ("a template override", { try write(site, "templates/partials/footer.mustache", "<footer>Our footer</footer>\n") }),
            ("a template edit", { try write(site, "templates/partials/footer.mustache", "<footer>Their footer</footer>\n") }),
            ("a new site.yml", { try write(site, "site.yml", "title: Renamed Site\n") }),
            ("an edited site.yml", { try write(site, "site.yml", "title: Renamed Again\n") }),
            ("a deleted template override", { try FileManager.default.removeItem(atPath: site.path + "/templates") }),
        ]
        for (name, change) in changes {
            try change()
            let report = try build(site)
            #expect(!report.upToDate, "\(name) must build again")
            #expect(try readTree(site.output) == coldBuild(site), "after \(name), the output is what a cold build writes")
            #expect(try build(site).upToDate, "after \(name), the next build is skipped")
        }
    }

    @Test func touchingAFileWithoutChangingItIsNoChange() throws {
        let site = try makeSite()
        _ = try build(site)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)],
                                              ofItemAtPath: site.path + "/content/good.md")
        #expect(try build(site, settled: false).upToDate)
    }

    @Test func aFileChangedWhileTheLastBuildRanBuildsAgain() throws {
        let site = try makeSite()
        _ = try build(site)
        let stamp = try #require(BuildStamp.read(for: site.options()))
        // Edited during the build and edited back: the bytes are as they were, but which did the build read?
        let during = Date(timeIntervalSince1970: Double(stamp.readFrom + (stamp.finishedAt - stamp.readFrom) / 2) / 1e9)
        try FileManager.default.setAttributes([.modificationDate: during], ofItemAtPath: site.path + "/content/good.md")
        #expect(!(try build(site, settled: false).upToDate))
        #expect(try build(site).upToDate)

        // Saved a moment before the build began, on a file system whose clock lags or rounds down.
        let latest = try #require(BuildStamp.read(for: site.options()))
        let justBefore = Date(timeIntervalSince1970: Double(latest.readFrom) / 1e9 - 1)
        try FileManager.default.setAttributes([.modificationDate: justBefore], ofItemAtPath: site.path + "/content/good.md")
        #expect(!(try build(site, settled: false).upToDate))
        // Saved well before, or after the build finished, with the same bytes: nothing to do.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)],
                                              ofItemAtPath: site.path + "/content/good.md")
        #expect(try build(site, settled: false).upToDate)
    }

    @Test func anOutputFolderChangedByHandIsBuiltAgain() throws {
        let site = try makeSite()
        _ = try build(site)
        let cold = try coldBuild(site)
        let changes: [(String, () throws -> Void)] = [
            ("an edited page", { try edit(site, "output/index.html") { $0.replacingOccurrences(of: "<html", with: "<HTML") } }),
            ("a deleted page", { try FileManager.default.removeItem(atPath: site.output + "/feed.xml") }),
            ("a stray file", { try write(site, "output/guides/stray.html", "stray") }),
            ("an empty folder", { try FileManager.default.createDirectory(atPath: site.output + "/empty", withIntermediateDirectories: false) }),
            ("a deleted output folder", { try FileManager.default.removeItem(atPath: site.output) }),
        ]
        for (name, change) in changes {
            try change()
            #expect(!(try build(site).upToDate), "\(name) must build again")
            #expect(try readTree(site.output) == cold, "after \(name), the output is whole again")
        }
        // Dot entries at the top of the output are the user's (a `.git` folder, `.nojekyll`): no reason to build.
        try write(site, "output/.nojekyll", "")
        #expect(try build(site).upToDate)
    }

    @Test func otherOptionsBuildAgain() throws {
        let site = try makeSite()
        try write(site, "content/draft.md", "---\nterm: Draft\npubDate: 2025-01-01\ndraft: true\n---\n")
        _ = try build(site)
        #expect(!(try build(site) { $0.includeDrafts = true }).upToDate)
        #expect(try build(site) { $0.includeDrafts = true }.upToDate)
        #expect(!(try build(site) { $0.baseURL = "https://example.org/guides/" }).upToDate)
        #expect(!(try build(site) { $0.generator = "Prepress next" }).upToDate)
        #expect(!(try build(site) { $0.outputDirectory = site.path + "/elsewhere" }).upToDate)
        #expect(!(try build(site)).upToDate, "the stamp describes the last output folder only")
    }

    @Test func aFutureGuideComingDueBuildsAgain() throws {
        let site = try makeSite()
        try write(site, "content/soon.md", "---\nterm: Soon\npubDate: 2026-01-02\n---\nSoon.\n")
        let first = try build(site)
        #expect(first.guideCount == 2)
        #expect(first.nextDue == 1_767_312_000)
        #expect(try build(site) { $0.now = Date(timeIntervalSince1970: 1_767_311_999) }.upToDate, "one second before")
        let due = try build(site) { $0.now = Date(timeIntervalSince1970: 1_767_312_000) }
        #expect(!due.upToDate)
        #expect(due.guideCount == 3)
        #expect(FileManager.default.fileExists(atPath: site.output + "/guides/soon/index.html"))
    }

    @Test func forceBuildsAnywayAndRecordsTheStamp() throws {
        let site = try makeSite()
        _ = try build(site)
        let forced = try build(site) { $0.stamp = .record }
        #expect(!forced.upToDate)
        #expect(try build(site).upToDate)
        let unrecorded = try build(site) { $0.stamp = .off }
        #expect(!unrecorded.upToDate)
        #expect(!(try build(site).upToDate), "a build without a stamp leaves no stamp that vouches for its output")
    }

    /// A `--force` build fingerprints content/ after building, from the bytes its loader read: its stamp holds
    /// the digest a build that fingerprints first would (guides, static files, templates, site.yml), so the
    /// next build is skipped, and it still builds again after an edit.
    @Test func aForcedBuildsFingerprintIsWhatReadingTheInputsGives() throws {
        let site = try makeSite()
        try write(site, "content/images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try write(site, "templates/partials/footer.mustache", "<footer>Our footer</footer>\n")
        _ = try build(site) { $0.stamp = .record }
        let forced = try #require(BuildStamp.read(for: site.options()))
        let read = try #require(BuildFingerprint.inputs(of: site.options()))
        #expect(forced.inputs == read.digest)
        #expect(try build(site).upToDate)
        try edit(site, "content/good.md") { $0.replacingOccurrences(of: "Some text.", with: "Some test.") }
        _ = try build(site) { $0.stamp = .record }
        #expect(BuildStamp.read(for: site.options())?.inputs == BuildFingerprint.inputs(of: site.options())?.digest)
        #expect(try build(site).upToDate)
    }

    @Test func theLastBuildsWarningsAreReportedAgain() throws {
        let site = try makeSite()
        try edit(site, "content/good.md") { $0 + "\nSee [the other one](missing.md).\n" }
        let first = try build(site)
        #expect(first.warnings.count == 1)
        let second = try build(site)
        #expect(second.upToDate)
        #expect(second.warnings == first.warnings)
    }

    @Test func aFailedBuildLeavesAStampThatStillDescribesTheOutput() throws {
        let site = try makeSite()
        _ = try build(site)
        let original = try String(contentsOfFile: site.path + "/content/good.md", encoding: .utf8)
        try write(site, "content/good.md", "---\nterm: [broken]\n---\n")
        #expect(throws: DiagnosticsError.self) { try build(site) }
        try write(site, "content/good.md", original)
        #expect(try build(site).upToDate, "the output in place was built from exactly these files")
    }
}

@Suite struct BuildStampEncodingTests {
    private func stamp(validUntil: Int?, warnings: [Diagnostic]) -> BuildStamp {
        BuildStamp(tool: "55458392 1796180845.657822499", options: "output=/tmp/o\nbase-url=\ndrafts=false", inputs: "26fc5db4b620db4b",
                   readFrom: 1_796_181_356_467_997_794, finishedAt: 1_796_181_359_842_263_603, validUntil: validUntil,
                   output: "f6534031a7142d8b", guideCount: 10, pageCount: 16, fileCount: 18,
                   warnings: warnings.map(BuildStamp.StoredDiagnostic.init))
    }

    /// The stamp is written by hand (JSONWriter) and read by JSONDecoder: every field must come back.
    @Test func anEncodedStampDecodesToItself() throws {
        let warnings = [
            Diagnostic.warning(at: SourceLocation(file: "content/a \"b\".md", line: 3, column: 7), "a <link> & \"quote\"\nover two lines",
                               hint: "add `slug: x` — or not"),
            Diagnostic.warning(at: SourceLocation(file: "content/日本.md", line: 1, column: 1), "no hint here"),
            Diagnostic.error(at: SourceLocation(file: "content/c.md"), "an error\u{2028}separated"),
        ]
        for original in [stamp(validUntil: 1_800_000_000, warnings: warnings), stamp(validUntil: nil, warnings: []), stamp(validUntil: nil, warnings: warnings)] {
            let decoded = try JSONDecoder().decode(BuildStamp.self, from: Data(original.encoded()))
            #expect(decoded == original)
            #expect(decoded.skippedBuildReport.warnings == original.warnings.map(\.diagnostic))
        }
    }
}

@Suite struct OutputListingDigestTests {
    /// The numbers of the listing and the manifest: as `"\(n)"` in decimal, padded hexadecimal for digests.
    @Test func numbersAreWrittenAsInterpolationWritesThem() {
        func written<N: BinaryInteger>(_ number: N, radix: Int = 10, width: Int = 1) -> String {
            var bytes: [UInt8] = Array("x".utf8)
            appendNumber(number, radix: radix, width: width, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        for number in [0, 7, 10, 99, 1_796_181_359, -1, -42, Int.max] { #expect(written(number) == "x\(number)") }
        #expect(written(Int64.min) == "x\(Int64.min)")
        #expect(written(UInt64.max) == "x\(UInt64.max)")
        #expect(written(UInt64(0xab), radix: 16, width: 16) == "x00000000000000ab")
        #expect(written(UInt64.max, radix: 16, width: 16) == "xffffffffffffffff")
        #expect(written(UInt64(0x9aa919ca612dd271), radix: 16, width: 16) == "x9aa919ca612dd271")
    }

    /// `addFile` writes a file's line as bytes; it must hash what `fileLine` writes, or a stamp made by a build
    /// would never match the listing read from the folder.
    @Test func aFileAddedAsBytesIsTheLineFileLineWrites() {
        let statuses = [
            OutputListing.FileStatus(size: 0, seconds: 0, nanoseconds: 0, inode: 0),
            OutputListing.FileStatus(size: 26_176, seconds: 1_796_181_359, nanoseconds: 685_844_811, inode: 31_428_166),
            OutputListing.FileStatus(size: Int64.max, seconds: -1, nanoseconds: 9, inode: UInt64.max),
            OutputListing.FileStatus(size: 10, seconds: Int64.min, nanoseconds: 100, inode: 1),
        ]
        for (position, status) in statuses.enumerated() {
            for path in ["index.html", "guides/日本/index.html", "a b/c.xml"] {
                var asBytes = BuildFingerprint.Listing()
                var asText = BuildFingerprint.Listing()
                asBytes.addFile(path, status)
                asText.add(BuildFingerprint.fileLine(path, status))
                #expect(asBytes.digest == asText.digest, "\(position) \(path)")
            }
        }
        var one = BuildFingerprint.Listing()
        var other = BuildFingerprint.Listing()
        one.addFile("a", statuses[1])
        other.addFile("a", statuses[0])
        #expect(one.digest != other.digest)
        // Folders too; and a line taken out leaves the digest of the listing without it.
        for path in ["guides", "guides/日本", "a b"] {
            var asBytes = BuildFingerprint.Listing()
            var asText = BuildFingerprint.Listing()
            asBytes.addFolder(path)
            asText.add(BuildFingerprint.folderLine(path))
            #expect(asBytes.digest == asText.digest, "\(path)")
        }
        var before = BuildFingerprint.Listing()
        before.addFolder("guides")
        let folderOnly = before.digest
        before.addFile("guides/x.html", statuses[1])
        before.addFolder("tags")
        before.removeFolder("tags")
        before.removeFile("guides/x.html", statuses[1])
        #expect(before.digest == folderOnly)
    }

    /// The listing a rebuild reads on another thread is the one read at once: the same files with the same
    /// statuses, the same folders, the dot entries at the top left out; and a missing folder lists empty.
    @Test func aListingReadOnAnotherThreadIsTheListingReadAtOnce() throws {
        let root = NSTemporaryDirectory() + "prepress-listing-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        for path in ["index.html", "guides/a/index.html", "guides/b/index.html", "tags/日本/index.html", ".git/HEAD", "empty/"] {
            let full = root + "/" + path
            if path.hasSuffix("/") {
                try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
                continue
            }
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(path.utf8).write(to: URL(fileURLWithPath: full))
        }
        let atOnce = try #require(OutputListing.read(at: root))
        let pending = OutputListing.Pending(at: root)
        pending.start()
        let later = try #require(pending.value)
        #expect(later.files == atOnce.files)
        #expect(later.folders == atOnce.folders)
        #expect(Set(later.files.keys) == ["index.html", "guides/a/index.html", "guides/b/index.html", "tags/日本/index.html"])
        #expect(later.folders == ["guides", "guides/a", "guides/b", "tags", "tags/日本", "empty"])
        // `value` starts a reading not yet begun.
        #expect(OutputListing.Pending(at: root + "/none").value.map { $0.files.isEmpty && $0.folders.isEmpty } == true)
    }
}
