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
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: Swift.max(4096, bytes.count)) }
            let result = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if result < 0 && errno == EINTR { continue }
            guard result >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
            if result == 0 { break }
            filled += result
        }
        bytes.removeLast(bytes.count - filled)
        return .success(FileBytes(bytes: bytes, modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)))
    }
}
