import ArgumentParser

/// The `prepress` command and its subcommands.
public struct PrepressCommand: AsyncParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "prepress",
        abstract: "Build websites of interview guides from Markdown.",
        discussion: """
        A site folder holds site.yml (optional), content/ (guides as Markdown with YAML front matter) \
        and templates/ (optional theme overrides). `prepress build` writes the site into output/.
        """,
        version: version,
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, InitCommand.self, PublishCommand.self]
    )

    public init() {}
}

extension PrepressCommand {
    /// Parses the process's arguments, runs the chosen subcommand and exits with its status.
    public static func runFromCommandLine() async {
        await main()
    }
}
