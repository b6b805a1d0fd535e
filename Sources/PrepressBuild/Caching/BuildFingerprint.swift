import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// Digests of a build's inputs and of its output folder.
enum BuildFingerprint {
    /// What the inputs are: a digest of their paths and bytes, and each file's modification time.
    struct Inputs: Equatable, Sendable {
        var digest: String
        /// Nanoseconds since 1970, one per file.
        var modified: [Int64]
        /// Each file's digest and status, by its path under the site folder (`content/…`, `site.yml`): the
        /// next build's index of its inputs (`InputIndex`).
        var files: [String: FileDigest] = [:]
        /// The files whose digest the index of the last build's inputs vouched for: not read this time.
        var trusted: Set<String> = []

        /// The digests of the files under content/, by their paths there (bytes the loader need not read), and
        /// whether the index vouched for each (none of its bytes read by this build so far).
        var contentHashes: [String: GuideCache.KnownFile] {
            let prefix = "content/"
            var hashes: [String: GuideCache.KnownFile] = [:]
            for (path, digest) in files where path.hasPrefix(prefix) {
                hashes[String(path.dropFirst(prefix.count))] = GuideCache.KnownFile(hash: digest.hash, unread: trusted.contains(path))
            }
            return hashes
        }
    }

    /// One file's digest (XXH64 of its bytes) and its status when those bytes were read.
    struct FileDigest: Sendable, Equatable {
        var hash: UInt64
        var file: FileIdentity
        /// Nanoseconds since 1970.
        var modified: Int64 { file.modified }
    }

    /// What a build's loader saw of content/: the files it listed (relative, sorted), and the digest of each
    /// guide it read, from the bytes it read.
    struct ContentInputs: Sendable {
        var files: [String]
        var read: [String: FileDigest]
    }

    /// A digest of site.yml and of every file under content/ and templates/ the build reads, with their paths.
    /// Nil when a folder cannot be listed or a file cannot be read: then the build cannot be skipped.
    ///
    /// With `content`, content/ is the files a build's loader listed, and the guides it read are taken as it
    /// read them (a `--force` build fingerprints after building, without reading each guide twice); only the
    /// other files (static files, templates, site.yml) are read here. With `index` (the last build's), a file
    /// whose status is the one recorded there is not read: its digest is taken from it (`InputIndex.digest`).
    /// Either way a file's digest is the same.
    static func inputs(of options: BuildOptions, content: ContentInputs? = nil, index: InputIndex? = nil) -> Inputs? {
        let site = options.siteDirectory
        var files: [(shown: String, absolute: String)] = []
        if FileManager.default.fileExists(atPath: site + "/site.yml") {
            files.append(("site.yml", site + "/site.yml"))
        }
        for folder in ["content", "templates"] {
            let directory = (site as NSString).appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { continue }
            if folder == "content", let content {
                files += content.files.map { (folder + "/" + $0, directory + "/" + $0) }
                continue
            }
            guard isDirectory.boolValue, let paths = try? ContentLoader.listFiles(in: directory) else { return nil }
            files += paths.map { (folder + "/" + $0, directory + "/" + $0) }
        }
        files.sort { $0.shown < $1.shown }
        let known = content?.read ?? [:]
        let contentPrefix = "content/"
        let digests = files.parallelMap { file -> (digest: FileDigest, trusted: Bool)? in
            if file.shown.hasPrefix(contentPrefix), let digest = known[String(file.shown.dropFirst(contentPrefix.count))] {
                return (digest, false)
            }
            if let index, let identity = FileIdentity.of(file.absolute), let hash = index.digest(of: file.shown, now: identity) {
                return (FileDigest(hash: hash, file: identity), true)
            }
            return fileDigest(file.absolute).map { ($0, false) }
        }
        var manifest: [UInt8] = []
        var modified: [Int64] = []
        var byPath: [String: FileDigest] = [:]
        var trusted: Set<String> = []
        modified.reserveCapacity(files.count)
        byPath.reserveCapacity(files.count)
        for (file, found) in zip(files, digests) {
            guard let (digest, vouched) = found else { return nil }
            manifest += Array(file.shown.utf8) + [0] + Array(hex(digest.hash).utf8) + [10]
            modified.append(digest.modified)
            byPath[file.shown] = digest
            if vouched { trusted.insert(file.shown) }
        }
        return Inputs(digest: hex(XXHash64.hash(manifest)), modified: modified, files: byPath, trusted: trusted)
    }

    /// The digest of one file's bytes and its status as they were read; nil when it cannot be read.
    static func fileDigest(_ path: String) -> FileDigest? {
        guard case .success(let file) = FileBytes.read(path) else { return nil }
        return FileDigest(hash: file.bytes.withUnsafeBytes { XXHash64.hash($0) }, file: file.identity)
    }

    /// A digest of the output folder's listing (`OutputListing`): every file's path, size, modification time and
    /// inode, and every folder's path. Entries at the top whose names start with a dot (`.git`, `.nojekyll`) are
    /// the user's and left out. Nil when there is no such folder or part of it cannot be read.
    static func output(at root: String) -> String? {
        var info = stat()
        guard lstat(root, &info) == 0, let folder = OutputListing.read(at: root) else { return nil }
        return folder.fingerprint.digest
    }

    /// A folder's line in the output listing, as text: what `Listing.addFolder` hashes, written as bytes (the
    /// tests hold the two to each other).
    static func folderLine(_ path: String) -> String { "d \(path)\n" }

    /// A file's line in the output listing, as text: what `Listing.addFile` hashes, written as bytes.
    static func fileLine(_ path: String, _ status: OutputListing.FileStatus) -> String {
        "f \(path) \(status.size) \(status.seconds).\(status.nanoseconds) \(status.inode)\n"
    }

    /// A listing's digest, the same in whatever order its lines come: the sum of the lines' hashes, hashed
    /// with their count. Paths are unique, so no two lines are alike and none cancel out; a line taken out
    /// again (`removeFile`, `removeFolder`) leaves the digest of the listing without it.
    struct Listing: Sendable {
        private var sum: UInt64 = 0
        private var count: UInt64 = 0

        /// Bytes of the line `addFile` hashes, kept from one file to the next.
        private var line: [UInt8] = []

        mutating func add(_ line: String) {
            var line = line
            sum &+= line.withUTF8 { XXHash64.hash(UnsafeRawBufferPointer($0)) }
            count += 1
        }

        /// Adds `folderLine(path)`, written as bytes into one buffer.
        mutating func addFolder(_ path: String) {
            sum &+= folderLineHash(path)
            count += 1
        }

        mutating func removeFolder(_ path: String) {
            sum &-= folderLineHash(path)
            count -= 1
        }

        private mutating func folderLineHash(_ path: String) -> UInt64 {
            line.removeAll(keepingCapacity: true)
            line.append(UInt8(ascii: "d"))
            line.append(UInt8(ascii: " "))
            line += path.utf8
            line.append(UInt8(ascii: "\n"))
            return line.withUnsafeBytes { XXHash64.hash($0) }
        }

        /// Adds `fileLine(path, status)`, written as bytes into one buffer rather than interpolated: 18,000
        /// interpolations of four numbers took 10 ms on one thread after every build.
        mutating func addFile(_ path: String, _ status: OutputListing.FileStatus) {
            sum &+= fileLineHash(path, status)
            count += 1
        }

        mutating func removeFile(_ path: String, _ status: OutputListing.FileStatus) {
            sum &-= fileLineHash(path, status)
            count -= 1
        }

        private mutating func fileLineHash(_ path: String, _ status: OutputListing.FileStatus) -> UInt64 {
            line.removeAll(keepingCapacity: true)
            line.append(UInt8(ascii: "f"))
            line.append(UInt8(ascii: " "))
            line += path.utf8
            line.append(UInt8(ascii: " "))
            appendNumber(status.size, to: &line)
            line.append(UInt8(ascii: " "))
            appendNumber(status.seconds, to: &line)
            line.append(UInt8(ascii: "."))
            appendNumber(status.nanoseconds, to: &line)
            line.append(UInt8(ascii: " "))
            appendNumber(status.inode, to: &line)
            line.append(UInt8(ascii: "\n"))
            return line.withUnsafeBytes { XXHash64.hash($0) }
        }

        var digest: String { BuildFingerprint.hex(XXHash64.hash([sum, count].flatMap { withUnsafeBytes(of: $0.littleEndian, Array.init) })) }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
