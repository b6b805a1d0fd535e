import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// What a build reads, where it writes, and the choices the command line makes.
public struct BuildOptions: Sendable {
    /// The site folder, holding `site.yml`, `content/` and `templates/`.
    public var siteDirectory: String
    /// Where pages go; `<site>/output` when nil.
    public var outputDirectory: String?
    /// Replaces `base_url` from site.yml.
    public var baseURL: String?
    public var includeDrafts = false
    /// Includes guides whose `pubDate` lies after `now`.
    public var includeFuture = false
    /// The clock, injected so that builds are reproducible.
    public var now: Date
    /// Written into `<meta name=generator>`.
    public var generator = "Prepress"
    /// Whether `SiteBuilder.build()` keeps a build stamp, and skips a build that would change nothing.
    public var stamp: StampUse = .off
    /// Whether the site's model and the guide cache are left for the process's exit to reclaim instead of
    /// being freed once the output is in place (`KeptUntilExit`): for a command that builds once and exits.
    public var keepsModelUntilExit = false

    /// For tests: a rebuild's commit stops after this step of its journal (0: before the journal is written),
    /// leaving the output folder as a killed process would (`OutputJournal`).
    var commitInterruption: Int?

    public enum StampUse: Sendable {
        /// No stamp is read or written.
        case off
        /// Builds, and records what it read and wrote (`prepress build --force`).
        case record
        /// Skips the build when nothing changed since the recorded one (`prepress build`).
        case recordAndSkip
    }

    public init(siteDirectory: String, now: Date = Date()) {
        self.siteDirectory = siteDirectory
        self.now = now
    }

    /// The output folder in effect.
    public var resolvedOutputDirectory: String {
        outputDirectory ?? (siteDirectory as NSString).appendingPathComponent("output")
    }

    /// The output folder as the build cache records it: absolute, and the folder it is in named by its real path,
    /// so that a site reached through a symbolic link (`--site ~/site` for `/data/site`, or the current folder,
    /// which names the real path) keeps its manifest and stamp however it is named. The last part is left as it
    /// is: an output folder that is itself a link is replaced by a folder, as a cold build always did.
    public var canonicalOutputDirectory: String {
        let path = URL(fileURLWithPath: resolvedOutputDirectory).standardizedFileURL.path
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, let real = realpath(parent, nil) else { return path }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
    }

    /// How a path inside the site is shown in messages: `content/x.md` for the current folder, else `site/content/x.md`.
    public func displayPath(_ relative: String) -> String {
        let site = siteDirectory
        if site == "." || site == "./" || site.isEmpty { return relative }
        return (site.hasSuffix("/") ? String(site.dropLast()) : site) + "/" + relative
    }
}
