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
        guard let data = FileManager.default.contents(atPath: path(for: options)),
              let stamp = try? JSONDecoder().decode(BuildStamp.self, from: data),
              stamp.format == format else { return nil }
        return stamp
    }

    /// Writes the stamp; a site folder that cannot take it only means the next build cannot be skipped.
    func write(for options: BuildOptions) {
        let path = Self.path(for: options)
        let folder = (path as NSString).deletingLastPathComponent
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
              let data = try? encoder.encode(self) else { return }
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else { return }
        if Glibc.rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Deletes the stamp, so that no later build is skipped on the strength of an output it no longer describes.
    static func remove(for options: BuildOptions) {
        unlink(path(for: options))
    }

    /// The options as text: everything in `BuildOptions` that changes what is written, and where.
    static func optionsText(_ options: BuildOptions) -> String {
        let output = URL(fileURLWithPath: options.resolvedOutputDirectory).standardizedFileURL.path
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

/// Digests of a build's inputs and of its output folder.
enum BuildFingerprint {
    /// What the inputs are: a digest of their paths and bytes, and each file's modification time.
    struct Inputs: Equatable, Sendable {
        var digest: String
        /// Nanoseconds since 1970, one per file.
        var modified: [Int64]
    }

    /// A digest of site.yml and of every file under content/ and templates/ the build reads, with their paths.
    /// Nil when a folder cannot be listed or a file cannot be read: then the build cannot be skipped.
    static func inputs(of options: BuildOptions) -> Inputs? {
        let site = options.siteDirectory
        var files: [(shown: String, absolute: String)] = []
        if FileManager.default.fileExists(atPath: site + "/site.yml") {
            files.append(("site.yml", site + "/site.yml"))
        }
        for folder in ["content", "templates"] {
            let directory = (site as NSString).appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue, let paths = try? ContentLoader.listFiles(in: directory) else { return nil }
            files += paths.map { (folder + "/" + $0, directory + "/" + $0) }
        }
        files.sort { $0.shown < $1.shown }
        let digests = files.map(\.absolute).parallelMap(fileDigest)
        var manifest: [UInt8] = []
        var modified: [Int64] = []
        modified.reserveCapacity(files.count)
        for (file, digest) in zip(files, digests) {
            guard let digest else { return nil }
            manifest += Array(file.shown.utf8) + [0] + Array(hex(digest.hash).utf8) + [10]
            modified.append(digest.modified)
        }
        return Inputs(digest: hex(XXHash64.hash(manifest)), modified: modified)
    }

    /// The digest of one file's bytes and its modification time; nil when it cannot be read.
    static func fileDigest(_ path: String) -> (hash: UInt64, modified: Int64)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // Read to the end, whatever the size said: a file may grow while it is read.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: Swift.max(4096, bytes.count)) }
            let result = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if result < 0 && errno == EINTR { continue }
            guard result >= 0 else { return nil }
            if result == 0 { break }
            filled += result
        }
        let hash = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0.prefix(filled))) }
        return (hash, Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// A digest of the output folder's listing: every file's path, size, modification time and inode, and every
    /// folder's path. Entries at the top whose names start with a dot (`.git`, `.nojekyll`) are the user's and
    /// left out. Nil when there is no such folder or part of it cannot be read.
    ///
    /// A site has a folder per page, so the folders are read a level at a time on all cores.
    static func output(at root: String) -> String? {
        var listing = Listing()
        var level = [""]
        while !level.isEmpty {
            let scanned = level.parallelMap { scan(root, $0) }
            level = []
            for entries in scanned {
                guard let entries else { return nil }
                for entry in entries {
                    listing.add(entry.line)
                    if entry.isDirectory { level.append(entry.path) }
                }
            }
        }
        return listing.digest
    }

    /// One folder's entries, each with its line of the listing.
    private static func scan(_ root: String, _ relative: String) -> [(path: String, line: String, isDirectory: Bool)]? {
        var entries: [(path: String, line: String, isDirectory: Bool)] = []
        let complete = FolderEntries.forEach(in: relative.isEmpty ? root : root + "/" + relative) { descriptor, name, _ in
            if relative.isEmpty && name.hasPrefix(".") { return true }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            let path = relative.isEmpty ? name : relative + "/" + name
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            entries.append((path, isDirectory ? folderLine(path) : fileLine(path, info), isDirectory))
            return true
        }
        return complete ? entries : nil
    }

    /// A folder's line in the output listing.
    static func folderLine(_ path: String) -> String { "d \(path)\n" }

    /// A file's line in the output listing.
    static func fileLine(_ path: String, _ info: stat) -> String {
        "f \(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)\n"
    }

    /// A listing's digest, the same in whatever order its lines come: the sum of the lines' hashes, hashed
    /// with their count. Paths are unique, so no two lines are alike and none cancel out.
    struct Listing {
        private var sum: UInt64 = 0
        private var count: UInt64 = 0

        mutating func add(_ line: String) {
            var line = line
            sum &+= line.withUTF8 { XXHash64.hash(UnsafeRawBufferPointer($0)) }
            count += 1
        }

        var digest: String { BuildFingerprint.hex(XXHash64.hash([sum, count].flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) })) }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
