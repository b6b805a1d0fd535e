import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build read and wrote, kept in `<site>/.prepress-cache/last-build.json`, so that a
/// build whose inputs have not changed since can leave the output folder as it is.
///
/// The stamp records a digest of every file the build reads (site.yml, everything under content/ and
/// templates/ that the loaders read: the files' bytes, not their times, so that an edit is never missed and a
/// later `touch` costs nothing), the options and the prepress executable, the first moment a future-dated guide
/// becomes due, and a listing of the output folder as the build left it (each file's path, size, time and
/// inode), so that a file edited or deleted in the output also means building again.
///
/// Contents decide, but times guard one case contents cannot: a file edited while the build was reading
/// (and perhaps edited back). Any input whose time falls within the last build, or `clockSlack` before it,
/// means building again.
struct BuildStamp: Codable, Equatable, Sendable {
    static let format = 3
    static let folderName = ".prepress-cache"
    static let fileName = "last-build.json"
    /// How far behind the clock read by the build a file's time may be: file systems stamp times from a
    /// coarse clock (milliseconds behind), and some (FAT) round them down to two seconds. An input saved just
    /// before a build therefore also means the next build is not skipped.
    static let clockSlack: Int64 = 2_000_000_000

    /// The real clock, in nanoseconds since 1970 (the build's `now` option may be set for reproducible dates).
    static func wallClock() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Whether an input changed while the build that wrote this stamp was running.
    func changedDuringBuild(_ inputs: BuildFingerprint.Inputs) -> Bool {
        let window = (readFrom - Self.clockSlack)...finishedAt
        return inputs.modified.contains { window.contains($0) }
    }

    var format = Self.format
    /// The executable's size and time: a new prepress renders differently (its version is the generator option).
    var tool: String
    /// The build options that change the output.
    var options: String
    /// Digest of every input file's path and bytes.
    var inputs: String
    /// When the build began reading its inputs and when it finished writing, in nanoseconds since 1970. A file
    /// changed between the two may have been read before or after the change, so its bytes now say nothing
    /// about what the build used: a later build is not skipped while any input's time falls in this window.
    var readFrom: Int64
    var finishedAt: Int64
    /// Seconds since 1970 from which a guide left out for its future `pubDate` is due; nil when none is.
    var validUntil: Int?
    /// Digest of the output folder's listing right after the build.
    var output: String
    var guideCount: Int
    var pageCount: Int
    var fileCount: Int
    var warnings: [StoredDiagnostic]

    struct StoredDiagnostic: Codable, Equatable, Sendable {
        var severity: String
        var file: String
        var line: Int
        var column: Int
        var message: String
        var hint: String?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            file = diagnostic.location.file
            line = diagnostic.location.line
            column = diagnostic.location.column
            message = diagnostic.message
            hint = diagnostic.hint
        }

        var diagnostic: Diagnostic {
            Diagnostic(Diagnostic.Severity(rawValue: severity) ?? .warning,
                       at: SourceLocation(file: file, line: line, column: column), message, hint: hint)
        }
    }

    /// What a build skipped on the strength of this stamp reports: the recorded build's counts and warnings.
    var skippedBuildReport: BuildReport {
        var report = BuildReport()
        report.upToDate = true
        report.guideCount = guideCount
        report.pageCount = pageCount
        report.fileCount = fileCount
        report.warnings = warnings.map(\.diagnostic)
        return report
    }

    static func path(for options: BuildOptions) -> String {
        (options.siteDirectory as NSString).appendingPathComponent(folderName + "/" + fileName)
    }

    /// The stamp the last build left, if it can be read.
    static func read(for options: BuildOptions) -> BuildStamp? {
        data(for: options).flatMap(decode)
    }

    /// The bytes of the stamp the last build left.
    static func data(for options: BuildOptions) -> Data? {
        FileManager.default.contents(atPath: path(for: options))
    }

    /// A stamp from its bytes, if they are one of this format.
    static func decode(_ data: Data) -> BuildStamp? {
        guard let stamp = try? JSONDecoder().decode(BuildStamp.self, from: data), stamp.format == format else { return nil }
        return stamp
    }

    /// A stamp's inputs alone, read without its warnings (`decode` checks the format).
    struct Summary: Decodable {
        var inputs: String
    }

    /// Writes the stamp; a site folder that cannot take it only means the next build cannot be skipped.
    func write(for options: BuildOptions) {
        AtomicFile.write(encoded(), to: Self.path(for: options), flush: false)
    }

    /// The stamp as JSON that `read(for:)` decodes, keys in order, written by `JSONWriter`: Foundation's encoder
    /// took 30 ms at the end of every build of 10,000 guides for the 6,000 warnings the stamp keeps.
    func encoded() -> [UInt8] {
        var json = JSONWriter(capacity: 4096 + warnings.count * 512)
        json.beginObject()
        json.member("fileCount", fileCount)
        json.member("finishedAt", Int(finishedAt))
        json.member("format", format)
        json.member("guideCount", guideCount)
        json.member("inputs", inputs)
        json.member("options", self.options)
        json.member("output", output)
        json.member("pageCount", pageCount)
        json.member("readFrom", Int(readFrom))
        json.member("tool", tool)
        if let validUntil { json.member("validUntil", validUntil) }
        json.key("warnings")
        json.beginArray()
        for warning in warnings {
            json.beginObject()
            json.member("column", warning.column)
            json.member("file", warning.file)
            if let hint = warning.hint { json.member("hint", hint) }
            json.member("line", warning.line)
            json.member("message", warning.message)
            json.member("severity", warning.severity)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }

    /// Deletes the stamp, so that no later build is skipped on the strength of an output it no longer describes.
    static func remove(for options: BuildOptions) {
        unlink(path(for: options))
    }

    /// The options as text: everything in `BuildOptions` that changes what is written, and where.
    static func optionsText(_ options: BuildOptions) -> String {
        let output = options.canonicalOutputDirectory
        return [
            "output=\(output)",
            "base-url=\(options.baseURL ?? "")",
            "drafts=\(options.includeDrafts)",
            "future=\(options.includeFuture)",
            "generator=\(options.generator)",
        ].joined(separator: "\n")
    }

    /// The running executable's size and modification time.
    static func toolIdentity() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "" }
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The earliest `pubDate` after `now` among `guides`, when future guides are left out.
    static func nextDue(_ guides: [GuideSource], options: BuildOptions) -> Int? {
        guard !options.includeFuture else { return nil }
        let now = Int(options.now.timeIntervalSince1970.rounded(.down))
        return guides.lazy.compactMap { $0.parsed.frontMatter.pubDate?.secondsSinceEpoch }.filter { $0 > now }.min()
    }
}
