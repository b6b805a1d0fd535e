import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time per site: two builds committing into one output folder, or writing one cache, at
/// once would each undo part of the other. `<site>/.prepress-cache/lock` is held (`flock`) from the check
/// against the last build to the last file of the cache; the system lets it go when the process ends,
/// however it ends.
final class BuildLock {
    static let fileName = "lock"
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the site's lock; throws when another build holds it. Nil when the cache folder cannot be made
    /// (a read-only site folder): the build then runs unlocked, as it keeps no cache either.
    static func acquire(for options: BuildOptions) throws(DiagnosticsError) -> BuildLock? {
        let folder = (options.siteDirectory as NSString).appendingPathComponent(BuildStamp.folderName)
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return nil }
        let path = folder + "/" + fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw DiagnosticsError([.error(at: SourceLocation(file: options.displayPath(BuildStamp.folderName + "/" + fileName)),
                                           "another prepress build of this site is running",
                                           hint: "wait for it to finish, or stop it, and build again")])
        }
        return BuildLock(descriptor: descriptor)
    }
}
