import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// Keeps a build's files in memory, for tests and the preview server.
public final class MemoryOutputSink: OutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public func write(_ bytes: [UInt8], to path: String) throws {
        lock.lock()
        storage[path] = bytes
        lock.unlock()
    }

    public func copy(from source: String, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw OutputError(path: source, reason: "cannot read the file")
        }
        try write([UInt8](data), to: path)
    }

    /// Every file written, by path.
    public var files: [String: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
