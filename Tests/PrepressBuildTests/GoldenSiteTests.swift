import Foundation
import Testing
import PrepressBuild
import PrepressContent

/// Builds each fixture under Fixtures/sites/<name>/input and compares every file with <name>/expected.
/// `UPDATE_GOLDENS=1 swift test` rewrites the expected trees; review the change with `git diff`.
@Suite struct GoldenSiteTests {
    static let sites = ["basic", "taxonomies"]

    @Test(arguments: sites)
    func siteMatchesItsGoldenTree(name: String) throws {
        let root = fixturesDirectory + "/sites/" + name
        var options = BuildOptions(siteDirectory: root + "/input", now: fixedNow)
        options.generator = "Prepress test"
        let sink = MemoryOutputSink()
        _ = try SiteBuilder(options: options).build(into: sink)
        let built = sink.files.mapValues { Data($0) }
        let expectedRoot = root + "/expected"

        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedRoot)
            for (path, data) in built {
                let full = expectedRoot + "/" + path
                try FileManager.default.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: full))
            }
            return
        }

        let expected = try readTree(expectedRoot)
        #expect(!expected.isEmpty, "no golden tree at \(expectedRoot): run UPDATE_GOLDENS=1 swift test")
        let missing = Set(expected.keys).subtracting(built.keys).sorted()
        let extra = Set(built.keys).subtracting(expected.keys).sorted()
        #expect(missing.isEmpty, "files the build no longer writes: \(missing)")
        #expect(extra.isEmpty, "files the build writes that the golden tree lacks: \(extra)")
        for path in Set(expected.keys).intersection(built.keys).sorted() where expected[path] != built[path] {
            let want = String(decoding: expected[path]!, as: UTF8.self)
            let got = String(decoding: built[path]!, as: UTF8.self)
            let wantLines = want.split(separator: "\n", omittingEmptySubsequences: false)
            let gotLines = got.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(wantLines.count, gotLines.count)).first { wantLines[$0] != gotLines[$0] } ?? min(wantLines.count, gotLines.count)
            let wantLine = first < wantLines.count ? String(wantLines[first]) : "<end of file>"
            let gotLine = first < gotLines.count ? String(gotLines[first]) : "<end of file>"
            Issue.record("\(path) differs at line \(first + 1):\n  expected: \(wantLine)\n  built:    \(gotLine)")
        }
    }
}
