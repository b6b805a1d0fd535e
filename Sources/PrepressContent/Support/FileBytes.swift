#if canImport(Glibc)
import Glibc
#endif

/// A whole file's bytes and its modification time, read with `open`, `fstat` and `read`: the time comes with the
/// read, at no extra cost (the loader and the build stamp both need it).
public struct FileBytes: Sendable, Equatable {
    public var bytes: [UInt8]
    /// Nanoseconds since 1970.
    public var modified: Int64

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
        return .success(FileBytes(bytes: bytes, modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
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
