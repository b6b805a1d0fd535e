import Foundation
import PrepressContent

/// What a finished build tells its caller.
public struct BuildReport: Sendable {
    public var guideCount = 0
    /// Guides parsed and rendered by this build; the others came from the build cache. Nil without the cache.
    public var guidesParsed: Int?
    /// Guide files this build read any bytes of (to fingerprint them or to load them); for the others, the index
    /// of the last build's inputs vouched for their bytes and the cache held their guides (`InputIndex`). Nil
    /// without the cache.
    public var guideFilesRead: Int?
    /// HTML pages written.
    public var pageCount = 0
    /// Pages and feeds rendered by this build, when it kept the files of others that show nothing that
    /// changed (a rebuild); nil when it rendered every one.
    public var pagesRendered: Int?
    /// What this build's pages were made from, recorded for the next once the output is in place.
    var pageRecord: PageRecord?
    /// All files written, pages included.
    public var fileCount = 0
    public var warnings: [Diagnostic] = []
    /// Each stage's name, seconds and processor seconds (all threads), in the order they ran.
    public var stages: [(name: String, seconds: Double, cpuSeconds: Double)] = []
    /// Measurements inside stages (time summed over threads), not counted in `seconds`.
    public var details: [(name: String, seconds: Double)] = []
    /// Files written into the output folder, deleted from it, and left as they were (a rebuild writes only
    /// files whose bytes changed); nil when not written to a folder.
    public var filesWritten: Int?
    public var filesDeleted = 0
    public var filesUnchanged = 0
    /// True when the build was skipped: nothing changed since the last one, whose counts and warnings these are.
    public var upToDate = false
    /// Seconds since 1970 when the first guide left out for its future `pubDate` becomes due.
    public var nextDue: Int?

    public init() {}

    public var seconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}
