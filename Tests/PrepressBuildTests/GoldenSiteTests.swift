import Foundation
import Testing
import PrepressBuild
import PrepressContent
import PrepressTestSupport

/// Builds each fixture under Fixtures/sites/<name>/input and compares every file with <name>/expected.
/// `UPDATE_GOLDENS=1 swift test` records the expected trees and fails, saying so; review them with `git diff`.
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
        for problem in try GoldenTree.compare(built, with: root + "/expected") { Issue.record(Comment(rawValue: problem)) }
    }
}
