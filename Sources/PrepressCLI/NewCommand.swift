import ArgumentParser
import Foundation
import PrepressBuild
import PrepressContent
import PrepressTemplates

/// `prepress new`: starts a guide with complete front matter and the interview-guide skeleton.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new guide in content/ with its front matter and the question skeleton.",
        discussion: """
        Writes content/<slug>.md with today's date and the author from site.yml, an overview section and the \
        four question-type sections with a numbered question each. It never overwrites a file. When \
        templates/archetypes/guide.md exists it is the skeleton instead: a Mustache template receiving term, \
        slug, category, vertical, tags (a list), date and author.
        """
    )

    @Argument(help: ArgumentHelp("The guide's title, e.g. \"Senior Data Engineer Interview Guide\".", valueName: "term"))
    var term: String

    @Option(name: .long, help: "The guide's category.")
    var category: String?

    @Option(name: .long, help: "The guide's vertical (industry).")
    var vertical: String?

    @Option(name: .long, help: ArgumentHelp("Comma-separated tags, e.g. \"Interview Prep,SQL\".", valueName: "a,b"))
    var tags: String?

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var site = "."

    func validate() throws {
        if term.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the term must not be empty") }
    }

    func run() throws {
        let slug = Slug.make(term)
        let relative = "content/\(slug).md"
        let path = (site as NSString).appendingPathComponent(relative)
        let printer = DiagnosticPrinter()
        guard !FileManager.default.fileExists(atPath: path) else {
            printer.print([.error(at: SourceLocation(file: relative), "already exists", hint: "choose another term, or edit that file")])
            throw ExitCode(1)
        }
        let author = siteAuthor(printer: printer)
        let skeleton = GuideSkeleton(
            term: term, slug: slug, category: category, vertical: vertical,
            tags: (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
            date: GuideSkeleton.today(), author: author)
        let archetype = (site as NSString).appendingPathComponent("templates/archetypes/guide.md")
        let text: String
        if FileManager.default.fileExists(atPath: archetype) {
            guard let data = FileManager.default.contents(atPath: archetype), let template = String(data: data, encoding: .utf8) else {
                printer.print([.error(at: SourceLocation(file: "templates/archetypes/guide.md"), "cannot be read as UTF-8 text",
                                      hint: "save the archetype as UTF-8, or delete it to use the built-in one")])
                throw ExitCode(1)
            }
            do {
                text = try skeleton.render(archetype: template, displayPath: "templates/archetypes/guide.md")
            } catch {
                printer.print(error.diagnostics)
                throw ExitCode(1)
            }
        } else {
            text = skeleton.defaultText
        }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        print("Created \(relative)")
    }

    /// The site's `author` from site.yml, for the new guide's front matter. A site.yml that does not read is
    /// said (its problems, as a build would print them) and the guide gets no author; none is nothing to say.
    private func siteAuthor(printer: DiagnosticPrinter) -> String? {
        let path = (site as NSString).appendingPathComponent("site.yml")
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let text = String(data: data, encoding: .utf8) else {
            printer.print([.warning(at: SourceLocation(file: "site.yml"), "is not UTF-8 text: the new guide gets no author from it")])
            return nil
        }
        do {
            let (config, _) = try SiteConfigParser.parse(text)
            return config.author
        } catch {
            printer.print(error.diagnostics)
            printer.note("The new guide gets no author from site.yml until it reads.")
            return nil
        }
    }
}
