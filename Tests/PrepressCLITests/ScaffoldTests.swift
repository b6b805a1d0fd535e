import ArgumentParser
import Foundation
import Testing
@testable import PrepressCLI
import PrepressBuild
import PrepressContent
import PrepressTestSupport

@Suite struct ScaffoldTests {
    /// Where `init` makes a site: a folder not yet there, inside a temporary folder removed when the test ends.
    func siteLocation(in folder: TemporaryFolder) -> String { folder.path + "/site" }

    func run(_ arguments: [String]) throws {
        var command = try PrepressCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test func initThenNewGivesASiteThatBuilds() throws {
        let folder = try TemporaryFolder(prefix: "prepress-scaffold")
        let site = siteLocation(in: folder)
        try run(["init", site])
        try run(["new", "Senior Data Engineer Interview Guide", "--site", site, "--category", "Engineering",
                 "--vertical", "SaaS", "--tags", "Interview Prep, SQL"])
        let text = try String(contentsOfFile: site + "/content/senior-data-engineer-interview-guide.md", encoding: .utf8)
        let parsed = try GuideParser.parse(text, file: "content/senior-data-engineer-interview-guide.md")
        #expect(parsed.frontMatter.term == "Senior Data Engineer Interview Guide")
        #expect(parsed.frontMatter.category == "Engineering")
        #expect(parsed.frontMatter.vertical == "SaaS")
        #expect(parsed.frontMatter.tags == ["Interview Prep", "SQL"])
        #expect(parsed.frontMatter.pubDate != nil)

        let report = try SiteBuilder(options: BuildOptions(siteDirectory: site)).build()
        #expect(report.guideCount == 2)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let state = try SiteBuilder(options: BuildOptions(siteDirectory: site)).makeState()
        let page = String(decoding: try #require(state.file(at: "guides/senior-data-engineer-interview-guide/index.html")), as: UTF8.self)
        #expect(page.contains("4 questions · 1 technical · 1 behavioral · 1 situational · 1 problem-solving"))
        let ignored = try String(contentsOfFile: site + "/.gitignore", encoding: .utf8)
        #expect(ignored.contains("output/") && ignored.contains(".prepress-cache/"))
    }

    @Test func newNeverOverwritesAndInitRefusesAFolderWithFiles() throws {
        let folder = try TemporaryFolder(prefix: "prepress-scaffold")
        let site = siteLocation(in: folder)
        try run(["init", site])
        try run(["new", "Nurse Manager Interview Guide", "--site", site])
        let path = site + "/content/nurse-manager-interview-guide.md"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ExitCode(1)) { try run(["new", "Nurse Manager Interview Guide", "--site", site]) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine")
        #expect(throws: ExitCode(1)) { try run(["init", site]) }
    }

    @Test func initWithThemeCopiesTheBuiltInTheme() throws {
        let folder = try TemporaryFolder(prefix: "prepress-scaffold")
        let site = siteLocation(in: folder)
        try run(["init", site, "--theme"])
        #expect(FileManager.default.fileExists(atPath: site + "/templates/guide.mustache"))
        #expect(FileManager.default.fileExists(atPath: site + "/templates/partials/guide-card.mustache"))
        #expect(FileManager.default.fileExists(atPath: site + "/templates/assets/style.css"))
        _ = try SiteBuilder(options: BuildOptions(siteDirectory: site)).build()
    }

    @Test func anArchetypeInTheSiteIsTheSkeleton() throws {
        let folder = try TemporaryFolder(prefix: "prepress-scaffold")
        let site = siteLocation(in: folder)
        try run(["init", site])
        try FileManager.default.createDirectory(atPath: site + "/templates/archetypes", withIntermediateDirectories: true)
        try Data("{{{front_matter}}}\n# {{term}} in {{category}}\n{{#tags}}- {{.}}\n{{/tags}}".utf8)
            .write(to: URL(fileURLWithPath: site + "/templates/archetypes/guide.md"))
        try run(["new", "R&D Lead <Interview> Guide", "--site", site, "--category", "Research", "--tags", "C++,R&D"])
        let text = try String(contentsOfFile: site + "/content/r-and-d-lead-lt-interview-gt-guide.md", encoding: .utf8)
        #expect(text.hasSuffix("# R&D Lead <Interview> Guide in Research\n- C++\n- R&D\n"))
        #expect(text.hasPrefix("---\nterm: \"R&D Lead <Interview> Guide\"\n"))
    }

    @Test func anArchetypeThatDoesNotParseIsReportedAtItsPlace() {
        let skeleton = GuideSkeleton(term: "X", slug: "x", category: nil, vertical: nil, tags: [], date: "2026-12-01", author: nil)
        #expect(throws: DiagnosticsError.self) { try skeleton.render(archetype: "# {{term}}\n{{#tags}}", displayPath: "templates/archetypes/guide.md") }
        do {
            _ = try skeleton.render(archetype: "# {{term}}\n{{#tags}}", displayPath: "templates/archetypes/guide.md")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "templates/archetypes/guide.md:2:4: error: template does not parse: 'tags' is opened here and never closed\n    hint: close it with {{/tags}}",
            ])
        }
    }

    @Test func anArchetypeThatIsNotTextIsAnErrorNotTheDefault() throws {
        let folder = try TemporaryFolder(prefix: "prepress-scaffold")
        let site = siteLocation(in: folder)
        try run(["init", site])
        try FileManager.default.createDirectory(atPath: site + "/templates/archetypes", withIntermediateDirectories: true)
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: site + "/templates/archetypes/guide.md"))
        #expect(throws: ExitCode(1)) { try run(["new", "Data Engineer", "--site", site]) }
        #expect(!FileManager.default.fileExists(atPath: site + "/content/data-engineer.md"))
    }

    @Test func aSiteYMLThatDoesNotReadLeavesTheNewGuideWithoutAnAuthor() throws {
        let folder = try TemporaryFolder(prefix: "prepress-scaffold")
        let site = siteLocation(in: folder)
        try run(["init", site])
        try Data("author: [unclosed\n".utf8).write(to: URL(fileURLWithPath: site + "/site.yml"))
        try run(["new", "Data Engineer", "--site", site])
        let text = try String(contentsOfFile: site + "/content/data-engineer.md", encoding: .utf8)
        let parsed = try GuideParser.parse(text, file: "content/data-engineer.md")
        #expect(parsed.frontMatter.author == nil)
        #expect(parsed.frontMatter.term == "Data Engineer")
    }
}
