import ArgumentParser
import Foundation
import PrepressTemplates

/// `prepress init`: a new site folder that builds as it is.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site folder with settings, an example guide and a .gitignore.",
        discussion: """
        The folder must not exist or be empty. It gets site.yml (every setting, commented), content/ with one \
        example guide, and a .gitignore that keeps output/ and the build cache (.prepress-cache/) out of git. \
        With --theme it also gets the built-in theme in templates/, to change as you like; without, the site \
        uses the theme carried in prepress.
        """
    )

    @Argument(help: ArgumentHelp("The folder to create.", valueName: "dir"))
    var directory: String

    @Flag(name: .long, help: "Copy the built-in theme into templates/ for customising.")
    var theme = false

    func run() throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: directory) {
            let entries: [String]
            do {
                entries = try manager.contentsOfDirectory(atPath: directory)
            } catch {
                DiagnosticPrinter().error("cannot read \(directory): \(error.localizedDescription)")
                throw ExitCode(1)
            }
            guard entries.isEmpty else {
                DiagnosticPrinter().error("\(directory) is not empty", hint: "init creates a new site in an empty or new folder")
                throw ExitCode(1)
            }
        }
        var files: [(String, Data)] = [
            ("site.yml", Data(Self.siteYML.utf8)),
            ("content/example-interview-guide.md", Data(Self.exampleGuide(date: GuideSkeleton.today()).utf8)),
            (".gitignore", Data("output/\n.build/\n.prepress-cache/\n".utf8)),
        ]
        if theme {
            files += Theme.builtIn.files.map { ("templates/" + $0.path, $0.contents) }
        }
        for (relative, data) in files {
            let path = (directory as NSString).appendingPathComponent(relative)
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        }
        print("Created a new site in \(directory)\(theme ? " with the theme in templates/" : "").")
        print("Next: cd \(directory) && prepress new \"Your Role Interview Guide\" && prepress serve")
    }

    static let siteYML = """
    # Settings of this Prepress site. Every key is optional; the values shown are the defaults.

    # The site's name, shown in the header, page titles and feeds.
    title: "Interview Guides"
    # A sentence about the site, for the home page and search results.
    # description: "Role-by-role interview guides with questions and model answers."
    # Where the site is published; it may include a path (https://example.org/prep/).
    base_url: "http://localhost:8080/"
    language: en
    # Default author of new guides (prepress new) and of feeds.
    # author: "Your Name"
    # Guides per list page, entries per Atom feed, questions per question bank page.
    paginate: 20
    feed_limit: 20
    questions_per_page: 50
    # Fold answers behind "Show answer" on guide pages.
    practice_mode: true
    # Where guide pages live: :slug, :folder, :filename, :category, :year, :month, :day (README, Permalinks).
    # permalinks:
    #   guide: "/guides/:slug/"
    # Ways of grouping guides; the defaults are category, vertical and tags. Add one with a line:
    # taxonomies:
    #   author: authors
    markdown:
      smart_punctuation: true
      # false omits raw HTML written in guides.
      unsafe_html: true
      # false leaves fenced code unhighlighted.
      highlight: true
    # Anything else for your templates, as site.params:
    # params:
    #   twitter: "@example"

    """

    static func exampleGuide(date: String) -> String {
        """
        ---
        term: "Example Interview Guide"
        description: "An example guide: replace it with your own, or delete it once you have written one."
        category: "General"
        vertical: "Any Industry"
        pubDate: \(date)
        tags: ["Interview Prep"]
        ---

        ## Overview of Required Skills, Experience, and Certifications

        Write what employers look for: degrees, certifications, experience.

        ## Interview Questions and Answers

        ### Technical Questions

        #### Question 1: How do you keep your skills current?

        **Answer:**
        - **Example 1**: Describe courses, reading or projects, with a concrete result.

        **Reasoning**: Interviewers look for steady, self-directed learning.

        **Follow-Up Points**:
        - Which recent thing you learned changed how you work?

        ### Behavioral Questions

        #### Question 2: Describe a time you solved a conflict in your team.

        **Answer:**
        - **Example 1**: The situation, what you did, and how it ended.

        **Follow-Up Points**:
        - What would you do differently now?

        """
    }
}
