import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// What is in an output folder: every file with its status and every folder, by path relative to it. The
/// entries at its top whose names start with a dot (`.git`, `.nojekyll`) are not the build's and are left out.
struct OutputListing: Sendable {
    /// What tells a file apart from the same file edited or replaced: its size, time and inode.
    struct FileStatus: Equatable, Sendable {
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
        var inode: UInt64

        init(size: Int64, seconds: Int64, nanoseconds: Int64, inode: UInt64) {
            self.size = size
            self.seconds = seconds
            self.nanoseconds = nanoseconds
            self.inode = inode
        }

        init(_ info: stat) {
            self.init(size: Int64(info.st_size), seconds: Int64(info.st_mtim.tv_sec),
                      nanoseconds: Int64(info.st_mtim.tv_nsec), inode: UInt64(info.st_ino))
        }
    }

    var files: [String: FileStatus] = [:]
    var folders: Set<String> = []

    /// The listing of the folder at `root`: empty when there is none; nil when a folder in it cannot be read
    /// or `root` is not a folder.
    static func read(at root: String) -> OutputListing? {
        var info = stat()
        if lstat(root, &info) != 0 { return errno == ENOENT ? OutputListing() : nil }
        guard info.st_mode & S_IFMT == S_IFDIR else { return nil }
        var listing = OutputListing()
        var level = [""]
        while !level.isEmpty {
            let scanned = level.parallelMap { scan(root, $0) }
            level = []
            for entries in scanned {
                guard let entries else { return nil }
                for entry in entries {
                    if let status = entry.status {
                        listing.files[entry.path] = status
                    } else {
                        listing.folders.insert(entry.path)
                        level.append(entry.path)
                    }
                }
            }
        }
        return listing
    }

    /// One folder's entries: a file with its status, a folder (or anything else that is no file) without.
    private static func scan(_ root: String, _ relative: String) -> [(path: String, status: FileStatus?)]? {
        var entries: [(path: String, status: FileStatus?)] = []
        let complete = FolderEntries.forEach(in: relative.isEmpty ? root : root + "/" + relative) { descriptor, name, type in
            if relative.isEmpty && name.hasPrefix(".") { return true }
            let path = relative.isEmpty ? name : relative + "/" + name
            // A folder says so in its entry (`d_type`), where the file system tells: no `stat` for it (16,000
            // of the 34,000 entries of a 10,000-guide site). Anything else, or an unknown type, is looked at.
            if type == UInt8(DT_DIR) {
                entries.append((path, nil))
                return true
            }
            var info = stat()
            guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            entries.append((path, info.st_mode & S_IFMT == S_IFDIR ? nil : FileStatus(info)))
            return true
        }
        return complete ? entries : nil
    }
}
