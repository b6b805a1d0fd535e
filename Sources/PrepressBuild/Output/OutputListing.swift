import Foundation
import PrepressContent
import Synchronization
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
    /// The folders that held nothing when read: only they, or folders holding only such folders, can be
    /// left with no file of a build in them when no file goes (`UpdatingOutputSink.journal`).
    var emptyFolders: Set<String> = []
    /// The listing's lines summed as `BuildFingerprint.output(at:)` sums them, taken as it is read: a
    /// rebuild's commit finds the digest after it from this and what it changes, without walking every entry.
    var fingerprint = BuildFingerprint.Listing()

    /// The listing of the folder at `root`: empty when there is none; nil when a folder in it cannot be read
    /// or `root` is not a folder. `inParallel` reads each level's folders on all cores.
    static func read(at root: String, inParallel: Bool = true) -> OutputListing? {
        var info = stat()
        if lstat(root, &info) != 0 { return errno == ENOENT ? OutputListing() : nil }
        guard info.st_mode & S_IFMT == S_IFDIR else { return nil }
        var listing = OutputListing()
        var level = [""]
        while !level.isEmpty {
            let scanned = inParallel ? level.parallelMap { scan(root, $0) } : level.map { scan(root, $0) }
            let folders = level
            level = []
            for (folder, entries) in zip(folders, scanned) {
                guard let entries else { return nil }
                if entries.isEmpty, !folder.isEmpty { listing.emptyFolders.insert(folder) }
                for entry in entries {
                    if let status = entry.status {
                        listing.files[entry.path] = status
                        listing.fingerprint.addFile(entry.path, status)
                    } else {
                        listing.folders.insert(entry.path)
                        listing.fingerprint.addFolder(entry.path)
                        level.append(entry.path)
                    }
                }
            }
        }
        return listing
    }

    /// The listing of a folder read on another thread, one folder after another, while the caller goes on
    /// (a rebuild places its guides and renders their Markdown meanwhile, which leave a core idle most of the
    /// time: begun beside the loading, which keeps both cores busy, it only slowed that down); `value` waits
    /// for it.
    final class Pending: @unchecked Sendable {
        let root: String
        private let condition = NSCondition()
        private var result: OutputListing??
        /// Set, with `result`, once the listing is read: the 34,000 reads of a rebuild that follow do not take
        /// the condition's lock (which the writing threads contended for).
        private let ready = Atomic<Bool>(false)
        private var took: (wall: Double, processor: Double) = (0, 0)

        private var started = false

        /// The folder at `root`, which the caller found to be a folder, to be read once `start()` is called.
        init(at root: String) {
            self.root = root
        }

        /// Begins reading the folder, on another thread (a second call does nothing).
        func start() {
            condition.lock()
            defer { condition.unlock() }
            guard !started else { return }
            started = true
            DispatchQueue.global().async { [self] in
                let start = DispatchTime.now().uptimeNanoseconds
                let processor = StageClock.threadProcessorSeconds()
                let listing = OutputListing.read(at: root, inParallel: false)
                condition.lock()
                took = (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, StageClock.threadProcessorSeconds() - processor)
                result = .some(listing)
                ready.store(true, ordering: .releasing)
                condition.broadcast()
                condition.unlock()
            }
        }

        /// The listing, as `OutputListing.read(at:)` returns it.
        var value: OutputListing? {
            // `result` is written once, before `ready`, and never again.
            if ready.load(ordering: .acquiring) { return result! }
            start()
            condition.lock()
            defer { condition.unlock() }
            while result == nil { condition.wait() }
            return result!
        }

        /// Wall and processor seconds the reading took (waiting for it to end).
        var seconds: (wall: Double, processor: Double) {
            _ = value
            condition.lock()
            defer { condition.unlock() }
            return took
        }
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
