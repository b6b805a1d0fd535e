import Foundation
import Testing
@testable import PrepressBuild
import PrepressTestSupport

/// A one-shot command leaves the site's model for the process's exit to reclaim (`KeptUntilExit`); what it
/// builds is the same either way.
@Suite struct KeptUntilExitTests {
    private final class Watched {
        let freed: Flag
        init(_ freed: Flag) { self.freed = freed }
        deinit { freed.set() }
    }

    private final class Flag: @unchecked Sendable {
        private(set) var isSet = false
        func set() { isSet = true }
    }

    @Test func aKeptValueIsNeverFreed() {
        let kept = Flag()
        let dropped = Flag()
        do {
            KeptUntilExit.keep(Watched(kept))
            _ = Watched(dropped)
        }
        #expect(!kept.isSet)
        #expect(dropped.isSet)
    }

    @Test func aBuildThatKeepsItsModelWritesTheSameOutput() throws {
        let site = try TemporarySite(RebuildTests.files)
        var options = site.options()
        options.stamp = .record
        _ = try SiteBuilder(options: options).build()
        let freeing = try readTree(site.output)
        options.keepsModelUntilExit = true
        let report = try SiteBuilder(options: options).build()
        #expect(report.guideCount == 3)
        #expect(try readTree(site.output) == freeing)
        #expect(!freeing.isEmpty)
    }
}
