import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a staging folder beside the output folder and swaps it in only on `commit()`.
///
/// A build that fails calls `discard()`, leaving the output folder exactly as it was. Entries at the top
/// of the old output whose names start with a dot (`.git`, `.gitkeep`, `.nojekyll`) are carried over.
public final class DirectoryOutputSink: OutputSink, @unchecked Sendable {
    public let outputPath: String
    public let stagingPath: String
    private let lock = NSLock()
    private var createdDirectories: Set<String> = [""]
    /// Each file written: its status right after the last write, for the build stamp's listing.
    private var writtenFiles: [String: stat] = [:]

    public init(outputPath: String) throws {
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        self.outputPath = output
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        stagingPath = parent + "/.\(name).staging-\(getpid())"
        if FileManager.default.fileExists(atPath: stagingPath) {
            try FileManager.default.removeItem(atPath: stagingPath)
        }
        do {
            try FileManager.default.createDirectory(atPath: stagingPath, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: stagingPath, reason: "cannot create the staging folder: \(error.localizedDescription)")
        }
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { buffer in try write(buffer, to: path) }
    }

    /// Writes the text's UTF-8 bytes as they are stored, without copying them.
    public func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { buffer in try write(UnsafeRawBufferPointer(buffer), to: path) }
    }

    private func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        try ensureParent(of: path)
        let full = stagingPath + "/" + path
        let descriptor = open(full, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < buffer.count {
            let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, reason: String(cString: strerror(errno)))
            }
            written += result
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        lock.lock()
        writtenFiles[path] = info
        lock.unlock()
    }

    /// The digest of the output folder's listing (`BuildFingerprint.output(at:)`) as the committed build leaves
    /// it, from what this sink wrote: a rename keeps every file's inode and time, so no walk is needed.
    public func listingDigest() -> String {
        lock.lock()
        defer { lock.unlock() }
        var listing = BuildFingerprint.Listing()
        for path in createdDirectories where !path.isEmpty && !path.hasPrefix(".") {
            listing.add(BuildFingerprint.folderLine(path))
        }
        for (path, info) in writtenFiles where !path.hasPrefix(".") {
            listing.add(BuildFingerprint.fileLine(path, info))
        }
        return listing.digest
    }

    public func copy(from source: String, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw OutputError(path: source, reason: "cannot read the file")
        }
        try write([UInt8](data), to: path)
    }

    /// Replaces the output folder with the staging folder.
    public func commit() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let hadOutput = manager.fileExists(atPath: outputPath, isDirectory: &isDirectory)
        if hadOutput, !isDirectory.boolValue {
            throw OutputError(path: outputPath, reason: "exists and is not a folder")
        }
        if hadOutput {
            let retired = stagingPath.replacingOccurrences(of: ".staging-", with: ".old-")
            try rename(outputPath, to: retired)
            try rename(stagingPath, to: outputPath)
            // Dot entries move over only once the new site is in place, so no failure can lose them.
            for name in try manager.contentsOfDirectory(atPath: retired).sorted() where name.hasPrefix(".") {
                if !manager.fileExists(atPath: outputPath + "/" + name) {
                    try rename(retired + "/" + name, to: outputPath + "/" + name)
                }
            }
            // Deleting the old tree comes last, off the path of the writes.
            Self.removeTree(retired)
        } else {
            try rename(stagingPath, to: outputPath)
        }
    }

    /// Deletes the staging folder; the output folder is untouched.
    public func discard() {
        Self.removeTree(stagingPath)
    }

    /// Deletes a folder and everything in it, a level of folders at a time on all cores: a site has a folder
    /// per page, and deleting the last build's 30,000 files and folders one by one took a tenth of a build.
    /// Whatever the fast way leaves (a file it may not delete, say) is left to `FileManager`.
    static func removeTree(_ root: String) {
        var levels: [[String]] = []
        var level = [root]
        while !level.isEmpty {
            levels.append(level)
            level = level.parallelMap(removeFiles).flatMap { $0 }
        }
        for folders in levels.reversed() {
            _ = folders.parallelMap { rmdir($0) }
        }
        if FileManager.default.fileExists(atPath: root) {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    /// Deletes the files in `folder`; returns its subfolders.
    private static func removeFiles(in folder: String) -> [String] {
        var folders: [String] = []
        _ = FolderEntries.forEach(in: folder) { descriptor, name, type in
            var isFolder = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder {
                folders.append(folder + "/" + name)
            } else {
                unlinkat(descriptor, name, 0)
            }
            return true
        }
        return folders
    }

    private func rename(_ from: String, to: String) throws {
        if Glibc.rename(from, to) != 0 {
            throw OutputError(path: from, reason: "cannot move to \(to): \(String(cString: strerror(errno)))")
        }
    }

    /// Creates the folders above `path` that this sink has not made yet. The lock guards only the set of folders
    /// made: `mkdir` runs outside it, so threads do not queue behind each other's disk work, and a folder that
    /// another thread made meanwhile is no error.
    private func ensureParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        if isCreated(directory) { return }
        var current = ""
        for component in directory.split(separator: "/") {
            current = current.isEmpty ? String(component) : current + "/" + component
            if isCreated(current) { continue }
            if mkdir(stagingPath + "/" + current, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: current, reason: String(cString: strerror(errno)))
            }
            lock.lock()
            createdDirectories.insert(current)
            lock.unlock()
        }
    }

    private func isCreated(_ directory: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return createdDirectories.contains(directory)
    }
}
