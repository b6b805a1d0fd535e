import ArgumentParser
import Foundation
import PrepressBuild
import PrepressContent

/// `prepress build`: writes the site into the output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
        Every guide is checked before anything is written: problems are printed as \
        file:line:column, and a build with errors exits 1 and leaves the output folder as it was.

        When nothing has changed since the last build (the bytes of site.yml, content/ and templates/, the \
        options, prepress itself, and the output folder, which nobody has touched since) and no future-dated \
        guide has come due, the build writes nothing and says so. Otherwise it writes only the files whose \
        bytes changed and deletes those that are gone. What the last build read and wrote is kept in \
        <site>/.prepress-cache/ (deleting it is always safe); --force builds the whole output folder anew.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and optionally site.yml and templates/.", valueName: "dir"))
    var site = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <site>/output).", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The URL the site is published at, replacing base_url from site.yml.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Include guides marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Include guides whose pubDate is in the future.")
    var future = false

    @Flag(name: .long, help: "Print each build stage's wall-clock and processor time.")
    var verbose = false

    @Flag(name: .long, help: "Build and write every file, even when nothing has changed since the last build.")
    var force = false

    /// The one line a successful build prints.
    static func summary(_ report: BuildReport, output: String) -> String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let seconds = String(format: "%.2f", report.seconds)
        let folder = output.hasPrefix("./") ? String(output.dropFirst(2)) : output
        let warnings = report.warnings.isEmpty ? "" : ", " + count(report.warnings.count, "warning")
        if report.upToDate {
            return "Up to date: nothing changed since the last build of \(count(report.guideCount, "guide")) "
                + "(\(count(report.pageCount, "page")), \(count(report.fileCount, "file"))\(warnings)); checked in "
                + "\(seconds) s, \(folder)/ left as it is (--force builds anyway)"
        }
        var files = count(report.fileCount, "file")
        if let written = report.filesWritten, written < report.fileCount || report.filesDeleted > 0 {
            // A rebuild: only what changed was written.
            files += " (\(written) written, \(report.filesDeleted) deleted, \(report.filesUnchanged) unchanged)"
        }
        var guides = count(report.guideCount, "guide")
        var done: [String] = []
        if let parsed = report.guidesParsed, parsed < report.guideCount { done.append("\(parsed) parsed") }
        if let rendered = report.pagesRendered { done.append("\(count(rendered, "page")) rendered") }
        if !done.isEmpty { guides += " (" + done.joined(separator: ", ") + ")" }
        return "Built \(guides): \(count(report.pageCount, "page")), "
            + "\(files) in \(seconds) s\(warnings) → \(folder)/"
    }

    /// What `--verbose` prints: a line per stage, wall-clock then processor seconds (all threads), then the
    /// measurements inside stages.
    static func stageLines(_ report: BuildReport) -> [String] {
        report.stages.map { stage in
            stage.name.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(format: "%8.3f s %8.3f s CPU", stage.seconds, stage.cpuSeconds)
        } + report.details.map { "  (\($0.name): " + String(format: "%.3f s)", $0.seconds) }
    }

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL, such as https://example.org/guides/")
        }
    }

    func run() throws {
        var options = BuildOptions(siteDirectory: site)
        options.outputDirectory = output
        options.baseURL = baseURL
        options.includeDrafts = drafts
        options.includeFuture = future
        options.generator = "Prepress \(PrepressCommand.version)"
        options.stamp = force ? .record : .recordAndSkip
        options.keepsModelUntilExit = true
        let printer = DiagnosticPrinter()
        do {
            let report = try SiteBuilder(options: options).build()
            printer.print(report.warnings)
            if verbose {
                for line in Self.stageLines(report) { printer.note(line) }
            }
            print(Self.summary(report, output: options.resolvedOutputDirectory))
        } catch {
            printer.print(error.diagnostics)
            printer.failure(error.diagnostics, output: options.resolvedOutputDirectory)
            throw ExitCode(1)
        }
    }
}
