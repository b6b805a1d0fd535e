import ArgumentParser
import Foundation
import PrepressBuild
import PrepressContent

/// `prepress check`: validates the site and its links without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site — front matter, Markdown, templates and every link — without writing output.",
        discussion: """
        Builds in memory, so it finds everything `build` would, then checks every internal link and #anchor \
        of every page (those written in guides and those the theme emits) and every image and asset. Links \
        written in a guide are reported at their file:line:column. Warnings: no description, no tags, modDate \
        before pubDate, a category, vertical or tag spelled close to a more common one, a guide with no \
        questions. Exits 1 on errors; --strict makes warnings errors too.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var site = "."

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let printer = DiagnosticPrinter()
        do {
            var options = BuildOptions(siteDirectory: site)
            options.keepsModelUntilExit = true
            let report = try SiteChecker(options: options).check()
            var diagnostics = report.diagnostics
            if strict {
                diagnostics = diagnostics.map { Diagnostic(.error, at: $0.location, $0.message, hint: $0.hint) }
            }
            printer.print(diagnostics)
            let errors = diagnostics.filter(\.isError).count
            let warnings = diagnostics.count - errors
            print("Checked \(report.guideCount) guides, \(report.pageCount) pages and \(report.linkCount) links: "
                  + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
            if errors > 0 { throw ExitCode(1) }
        } catch let error as DiagnosticsError {
            printer.print(error.diagnostics)
            printer.note("Check failed: the site does not build.")
            throw ExitCode(1)
        }
    }
}
