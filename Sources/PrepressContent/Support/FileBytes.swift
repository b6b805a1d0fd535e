#if canImport(Glibc)
import Glibc
#endif

/// What a file's status says about its bytes without reading them: its size, modification and change times,
/// inode and device. The build's index of its inputs (`InputIndex`) takes a file whose identity is the one it
/// recorded, long enough before, to hold the bytes it hashed then — as git's index does.
public struct FileIdentity: Sendable, Equatable, Hashable {
    public var size: Int64
    /// Nanoseconds since 1970: when the file's bytes last changed (`st_mtim`), and when its status did
    /// (`st_ctim`, which no program can set back: writing the bytes and restoring the time still moves it).
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64
    public var device: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    init(_ info: stat) {
        self.init(size: Int64(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                  changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                  inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
    }

    /// The identity of the regular file at `path`, links followed (as `FileBytes.read` opens it); nil for no
    /// such file or anything else.
    public static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileIdentity(info)
    }
}

/// A whole file's bytes and its status, read with `open`, `fstat` and `read`: the status comes with the read,
/// at no extra cost (the loader and the build stamp both need it), and describes the bytes read.
public struct FileBytes: Sendable, Equatable {
    public var bytes: [UInt8]
    public var identity: FileIdentity
    /// Nanoseconds since 1970.
    public var modified: Int64 { identity.modified }

    public enum Failure: Error, Equatable {
        /// There is no such file.
        case missing
        /// A folder, a device, a pipe: nothing to read as a file.
        case notRegular
        /// What the system said (`strerror`).
        case system(String)
    }

    /// Reads the file at `path` to its end, whatever its size said (a file may grow while it is read).
    public static func read(_ path: String) -> Result<FileBytes, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(errno == ENOENT ? .missing : .system(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
        // Read into uninitialised room for the size and a byte more (zeroing it first would write every byte
        // twice: a build reads a few hundred megabytes of guides and cache); a full buffer means the file grew.
        var failure: Int32 = 0
        let room = Int(info.st_size) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            count = 0
            failure = Self.readAll(descriptor, into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<room])), filled: &count)
        }
        var full = bytes.count == room
        while failure == 0, full {
            var more = [UInt8](repeating: 0, count: Swift.max(4096, bytes.count))
            var filled = 0
            failure = more.withUnsafeMutableBytes { Self.readAll(descriptor, into: $0, filled: &filled) }
            bytes += more[..<filled]
            full = filled == more.count
        }
        guard failure == 0 else { return .failure(.system(String(cString: strerror(failure)))) }
        return .success(FileBytes(bytes: bytes, identity: FileIdentity(info)))
    }

    /// Reads into `buffer` from `filled` on until it is full or the file ends; the `errno` of a failed read, or 0.
    private static func readAll(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, filled: inout Int) -> Int32 {
        while filled < buffer.count {
            let result = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if result < 0 && errno == EINTR { continue }
            guard result >= 0 else { return errno }
            if result == 0 { break }
            filled += result
        }
        return 0
    }
}
