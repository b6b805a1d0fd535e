import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files of `.prepress-cache/` written whole or not at all: to a temporary file beside them, renamed over
/// them (the manifest, the journal, the stamp, the guide cache's shards, the page record).
enum AtomicFile {
    /// Writes `bytes` to a temporary file beside `path`, flushes it to the disk (unless `flush` is false: a
    /// cache entry lost to a power cut costs only its parsing), and renames it over `path`.
    @discardableResult
    static func write(_ bytes: [UInt8], to path: String, flush: Bool = true) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else {
            return false
        }
        let temporary = path + ".\(getpid()).\(pthread_self()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return true
        }
        let flushed = complete && (!flush || fsync(descriptor) == 0)
        close(descriptor)
        guard flushed, Glibc.rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
