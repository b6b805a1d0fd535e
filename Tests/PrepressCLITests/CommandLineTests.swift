import ArgumentParser
import Foundation
import Testing
import PrepressBuild
import PrepressContent
import PrepressTestSupport
@testable import PrepressCLI

@Suite struct CommandLineTests {
    @Test func buildHelpNamesEveryOption() {
        let help = PrepressCommand.helpMessage(for: BuildCommand.self)
        for option in ["--site <dir>", "--output <dir>", "--base-url <url>", "--drafts", "--future", "--verbose"] {
            #expect(help.contains(option), "help lacks \(option)")
        }
    }

    @Test func badUsageExitsWith64() {
        for arguments in [["build", "--base-url", "ftp://example.org/"], ["build", "--no-such-flag"], ["nonsense"]] {
            do {
                let command = try PrepressCommand.parseAsRoot(arguments)
                Issue.record("\(arguments) parsed as \(command)")
            } catch {
                #expect(PrepressCommand.exitCode(for: error).rawValue == 64, "\(arguments)")
            }
        }
    }

    @Test func contentErrorsExitWith1() throws {
        let folder = try TemporaryFolder(prefix: "prepress-cli")
        let site = folder.path + "/site"
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        try Data("no front matter\n".utf8).write(to: URL(fileURLWithPath: site + "/content/bad.md"))
        var command = try PrepressCommand.parseAsRoot(["build", "--site", site])
        #expect(throws: ExitCode(1)) { try command.run() }
        #expect(!FileManager.default.fileExists(atPath: site + "/output"))
    }

    @Test func theSummaryLineCountsWhatWasBuilt() {
        var report = BuildReportStub.make(guides: 1, pages: 2, files: 5)
        #expect(BuildCommand.summary(report, output: "./output") == "Built 1 guide: 2 pages, 5 files in 0.00 s → output/")
        report.warnings = [.warning(at: .init(file: "content/a.md"), "w")]
        #expect(BuildCommand.summary(report, output: "site/output") == "Built 1 guide: 2 pages, 5 files in 0.00 s, 1 warning → site/output/")
        report.upToDate = true
        #expect(BuildCommand.summary(report, output: "./output")
            == "Up to date: nothing changed since the last build of 1 guide (2 pages, 5 files, 1 warning); checked in 0.00 s, output/ left as it is (--force builds anyway)")
    }
}

@Suite struct VerboseTests {
    @Test func verbosePrintsWallAndProcessorTimePerStage() {
        var report = BuildReport()
        report.stages = [("render markdown", 1.2, 2.35), ("render and write pages", 2.0, 3.9)]
        report.details = [("of which writing files, all threads", 0.68)]
        #expect(BuildCommand.stageLines(report) == [
            "render markdown            1.200 s    2.350 s CPU",
            "render and write pages     2.000 s    3.900 s CPU",
            "  (of which writing files, all threads: 0.680 s)",
        ])
    }

    @Test func aBuildReportsProcessorTimeForEveryStage() throws {
        let folder = try TemporaryFolder(prefix: "prepress-verbose")
        let site = folder.path + "/site"
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        try Data("---\nterm: One\ntags: [a]\n---\n## Notes\n\nText.\n".utf8).write(to: URL(fileURLWithPath: site + "/content/one.md"))
        let report = try SiteBuilder(options: BuildOptions(siteDirectory: site)).build()
        #expect(report.stages.map(\.name) == ["load site.yml", "load and parse content", "load templates", "place guides",
                                             "render markdown", "index taxonomies", "find related guides", "index questions",
                                             "render cards", "check old URLs", "list pages", "index for search",
                                             "render and write pages", "swap in output"])
        #expect(report.stages.allSatisfy { $0.cpuSeconds >= 0 && $0.seconds >= 0 })
        #expect(report.stages.reduce(0) { $0 + $1.cpuSeconds } > 0)
    }
}

enum BuildReportStub {
    static func make(guides: Int, pages: Int, files: Int) -> BuildReport {
        var report = BuildReport()
        report.guideCount = guides
        report.pageCount = pages
        report.fileCount = files
        return report
    }
}

/// The full `--help` of every command, kept as text under Tests/Fixtures/help/: a change to an option or its
/// help shows in review (`UPDATE_GOLDENS=1 swift test` records them, and fails until they are reviewed).
@Suite struct HelpTextTests {
    @Test func everyCommandsHelpMatchesItsSnapshot() throws {
        var texts: [String: Data] = ["prepress.txt": Data(PrepressCommand.helpMessage(columns: 100).utf8)]
        for command in PrepressCommand.configuration.subcommands {
            let name = try #require(command.configuration.commandName)
            texts["prepress-\(name).txt"] = Data(PrepressCommand.helpMessage(for: command, columns: 100).utf8)
        }
        #expect(texts.count == PrepressCommand.configuration.subcommands.count + 1)
        for problem in try GoldenTree.compare(texts, with: fixturesDirectory + "/help") { Issue.record(Comment(rawValue: problem)) }
    }
}

@Suite struct ShownWarningsTests {
    /// `serve` prints a rebuild's warnings only when they are new: the same list again prints nothing.
    @Test func onlyWarningsNotShownBeforeAreNew() {
        let shown = ShownWarnings()
        let first = Diagnostic.warning(at: SourceLocation(file: "content/a.md", line: 2, column: 1), "no description")
        let second = Diagnostic.warning(at: SourceLocation(file: "content/b.md", line: 2, column: 1), "no tags")
        #expect(shown.replace(with: [first]) == [first])
        #expect(shown.replace(with: [first]).isEmpty)
        #expect(shown.replace(with: [first, second]) == [second])
        #expect(shown.replace(with: [second]).isEmpty)
        #expect(shown.replace(with: [first, second]) == [first])
    }
}
