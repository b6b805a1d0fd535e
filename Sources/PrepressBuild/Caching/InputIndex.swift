import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// What the last build read of its inputs, in `<site>/.prepress-cache/inputs`: each file's status
/// (`FileIdentity`: size, modification and change times, inode, device) and the digest of the bytes it read
/// then. The next build hashes again only the files whose status changed, and its loader does not read a
/// cached guide at all (`GuideCache.parsedGuide(unread:…)`): a rebuild of 10,000 guides reads the one that
/// was edited, not 100 MB. This is how git's index vouches for files it does not read.
///
/// Status says nothing of a file written twice within one tick of the file system's clock with the same size:
/// the second write leaves the first's times. So a recorded status vouches for the bytes only when the file
/// had last changed `BuildStamp.clockSlack` before the recording build began reading (`recordedAt`): a write
/// after that build read the file moves its times past the recorded ones. Deleting the file is always safe.
struct InputIndex: Equatable, Sendable {
    static let fileName = "inputs"
    static let magic = "prepress input index 1"

    /// The real clock (nanoseconds since 1970) before the recording build read any of its inputs.
    var recordedAt: Int64
    /// By path under the site folder (`content/…`, `templates/…`, `site.yml`).
    var files: [String: BuildFingerprint.FileDigest]

    /// The digest recorded for the file at `path` when `identity`, its status now, is the recorded one and
    /// that status was old enough when recorded to vouch for its bytes; nil means read the file.
    func digest(of path: String, now identity: FileIdentity) -> UInt64? {
        guard let known = files[path], known.file == identity else { return nil }
        let settled = recordedAt - BuildStamp.clockSlack
        guard identity.modified < settled, identity.changed < settled else { return nil }
        return known.hash
    }

    static func path(for options: BuildOptions) -> String {
        (options.siteDirectory as NSString).appendingPathComponent(BuildStamp.folderName + "/" + fileName)
    }

    /// The index the last build left; nil when there is none or it does not read back whole (its checksum).
    static func read(for options: BuildOptions) -> InputIndex? {
        guard case .success(let file) = FileBytes.read(path(for: options)) else { return nil }
        return decode(file.bytes)
    }

    /// Writes the index; a site folder that cannot take it only means the next build reads every input.
    func write(for options: BuildOptions) {
        AtomicFile.write(encoded(), to: Self.path(for: options), flush: false)
    }

    /// The magic, the time, the files sorted by path (each its path, digest and status), then an XXH64 of
    /// everything before it.
    func encoded() -> [UInt8] {
        var writer = CacheWriter(capacity: 64 + files.count * 96)
        writer.string(Self.magic)
        writer.integer(Int(recordedAt))
        writer.array(files.keys.sorted()) { writer, path in
            let digest = files[path]!
            writer.string(path)
            writer.number(digest.hash)
            writer.integer(Int(digest.file.size))
            writer.integer(Int(digest.file.modified))
            writer.integer(Int(digest.file.changed))
            writer.number(digest.file.inode)
            writer.number(digest.file.device)
        }
        var bytes = writer.bytes
        let checksum = bytes.withUnsafeBytes { XXHash64.hash($0) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes += $0 }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) -> InputIndex? {
        guard bytes.count >= 8 else { return nil }
        let body = bytes[..<(bytes.count - 8)]
        let stored = bytes[(bytes.count - 8)...].withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard body.withUnsafeBytes({ XXHash64.hash($0) }) == stored else { return nil }
        var reader = CacheReader(body)
        guard reader.string() == magic else { return nil }
        let recordedAt = Int64(reader.integer())
        var files: [String: BuildFingerprint.FileDigest] = [:]
        let entries = reader.array { reader -> (String, BuildFingerprint.FileDigest) in
            let path = reader.string()
            let hash = reader.number()
            let identity = FileIdentity(size: Int64(reader.integer()), modified: Int64(reader.integer()),
                                        changed: Int64(reader.integer()), inode: reader.number(), device: reader.number())
            return (path, BuildFingerprint.FileDigest(hash: hash, file: identity))
        }
        guard !reader.failed, reader.isAtEnd else { return nil }
        for (path, digest) in entries { files[path] = digest }
        return InputIndex(recordedAt: recordedAt, files: files)
    }
}
