import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// A folder beside the output folder (on the same file system, so its files can be renamed into place) that
/// a build writes into before anything in the output folder changes.
final class StagingFolder: @unchecked Sendable {
    let path: String
    /// The folder, open: files and folders are made relative to it, so the kernel does not walk the path to it
    /// for each of a site's thousands of files.
    private let folder: Int32
    private let lock = NSLock()
    /// Folders made so far, relative to `path`.
    private var createdDirectories: Set<String> = [""]

    /// Makes an empty staging folder for the output folder `outputPath` (absolute), named after it and this process.
    init(for outputPath: String) throws {
        let parent = (outputPath as NSString).deletingLastPathComponent
        let name = (outputPath as NSString).lastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        path = parent + "/.\(name).staging-\(getpid())"
        if FileManager.default.fileExists(atPath: path) { Self.removeTree(path) }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: path, reason: "cannot create the staging folder: \(error.localizedDescription)")
        }
        folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else {
            throw OutputError(path: path, reason: "cannot open the staging folder: \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        close(folder)
    }

    /// Writes `buffer` at `relative`; returns the file's status right after the write.
    func write(_ buffer: UnsafeRawBufferPointer, to relative: String) throws -> stat {
        try ensureParent(of: relative)
        let descriptor = openat(folder, relative, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: relative, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < buffer.count {
            let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: relative, reason: String(cString: strerror(errno)))
            }
            written += result
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw OutputError(path: relative, reason: String(cString: strerror(errno))) }
        return info
    }

    /// The folders made, for a listing of the site once this folder has become the output folder.
    var folders: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return createdDirectories
    }

    /// Deletes the staging folders (and the old output folders a swap retires) that builds which are no
    /// longer running left beside `outputPath`: a build killed while it wrote.
    static func removeAbandoned(besides outputPath: String) {
        let parent = (outputPath as NSString).deletingLastPathComponent
        let name = (outputPath as NSString).lastPathComponent
        var abandoned: [String] = []
        _ = FolderEntries.forEach(in: parent) { _, entry, _ in
            for marker in [".\(name).staging-", ".\(name).old-"] where entry.hasPrefix(marker) {
                if let pid = Int32(entry.dropFirst(marker.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                    abandoned.append(parent + "/" + entry)
                }
            }
            return true
        }
        for folder in abandoned { removeTree(folder) }
    }

    /// Deletes the folder and all in it.
    func remove() {
        Self.removeTree(path)
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

    /// Creates the folders above `relative` not made yet. The lock guards only the set of folders made: `mkdir`
    /// runs outside it, so threads do not queue behind each other's disk work, and a folder that another
    /// thread made meanwhile is no error. Most folders are made in one that exists (a guide's in `guides/`),
    /// so the whole folder is tried first, and its path walked component by component only when that fails.
    private func ensureParent(of relative: String) throws {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let directory = String(relative[..<slash])
        if isCreated(directory) { return }
        if mkdirat(folder, directory, 0o755) == 0 || errno == EEXIST {
            created(directory)
            return
        }
        guard errno == ENOENT else { throw OutputError(path: directory, reason: String(cString: strerror(errno))) }
        var current = ""
        for component in directory.split(separator: "/") {
            current = current.isEmpty ? String(component) : current + "/" + component
            if isCreated(current) { continue }
            if mkdirat(folder, current, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: current, reason: String(cString: strerror(errno)))
            }
            created(current)
        }
    }

    private func created(_ directory: String) {
        lock.lock()
        createdDirectories.insert(directory)
        lock.unlock()
    }

    private func isCreated(_ directory: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return createdDirectories.contains(directory)
    }
}
