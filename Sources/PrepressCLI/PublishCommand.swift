import ArgumentParser
import Foundation
import PrepressBuild
import PrepressContent

/// `prepress publish`: a checked production build, into a folder or onto a git branch.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Check, build for production and publish the site into a folder or onto a git branch.",
        discussion: """
        Runs `check` first and stops on errors. Drafts and future guides are left out; URLs use base_url \
        (or --base-url). --to DIR replaces DIR's content in one step: at any moment DIR holds the old site \
        or the new one. --git REMOTE adds one commit holding exactly the built site to --branch (gh-pages by \
        default, created if missing, history kept) and pushes it, never touching your working tree or \
        current branch. Publishing again with no change writes nothing and adds no commit.
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var site = "."

    @Option(name: .long, help: ArgumentHelp("Publish into this folder.", valueName: "dir"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Publish to this git remote (a URL or a path).", valueName: "remote"))
    var git: String?

    @Option(name: .long, help: ArgumentHelp("The branch for --git.", valueName: "branch"))
    var branch = "gh-pages"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The URL the site is published at, replacing base_url.", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        guard (to == nil) != (git == nil) else { throw ValidationError("give exactly one of --to DIR and --git REMOTE") }
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL")
        }
    }

    func run() throws {
        let printer = DiagnosticPrinter()
        var options = BuildOptions(siteDirectory: site)
        options.baseURL = baseURL
        let report: SiteChecker.Report
        do {
            report = try SiteChecker(options: options).check(keepingSite: true)
        } catch {
            printer.print(error.diagnostics)
            printer.note("Not published: the site does not build.")
            throw ExitCode(1)
        }
        printer.print(report.diagnostics)
        let errors = report.diagnostics.filter(\.isError).count
        guard errors == 0 else {
            printer.note("Not published: check found \(errors) error\(errors == 1 ? "" : "s").")
            throw ExitCode(1)
        }
        let files = report.state?.allFiles ?? [:]
        do {
            if let to {
                switch try FolderPublisher(destination: to).publish(files) {
                case .published(let count): print("Published \(report.guideCount) guides, \(count) files into \(to).")
                case .unchanged: print("Nothing changed: \(to) already holds this site.")
                }
            } else if let git {
                let folder = NSTemporaryDirectory() + "prepress-site-" + UUID().uuidString
                defer { try? FileManager.default.removeItem(atPath: folder) }
                let sink = try DirectoryOutputSink(outputPath: folder)
                for (path, bytes) in files { try sink.write(bytes, to: path) }
                try sink.commit()
                switch try GitPublisher(remote: git, branch: branch, siteDirectory: site).publish(folder: folder) {
                case .published(let commit): print("Published \(report.guideCount) guides to \(git) \(branch) as \(commit.prefix(12)).")
                case .unchanged: print("Nothing changed: \(branch) on \(git) already holds this site.")
                }
            }
        } catch {
            printer.error("not published: \(error)")
            throw ExitCode(1)
        }
    }
}
