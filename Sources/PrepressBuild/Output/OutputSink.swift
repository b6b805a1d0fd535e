import Foundation

/// Where a build's files go: a folder swapped in at the end, or memory for previews and tests.
public protocol OutputSink: Sendable {
    /// Writes `bytes` at `path` (relative, `/`-separated); may be called from several threads at once.
    func write(_ bytes: [UInt8], to path: String) throws
    /// Writes `text` as UTF-8 at `path`; may be called from several threads at once.
    func write(_ text: String, to path: String) throws
    /// Copies the file at `source` to `path`.
    func copy(from source: String, to path: String) throws
    /// Leaves the file at `path` as the last build wrote it, counted as written by this build; false when the
    /// sink cannot (it writes a whole new site, or the file is gone or no longer as that build left it).
    func keep(_ path: String) -> Bool
}

extension OutputSink {
    public func keep(_ path: String) -> Bool { false }

    public func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}

/// A sink that writes raw bytes: `write` of an array, of a string's UTF-8 (without copying it) and `copy` of a
/// file all come down to `writeBytes`.
protocol ByteOutputSink: OutputSink {
    func writeBytes(_ buffer: UnsafeRawBufferPointer, to path: String) throws
}

extension ByteOutputSink {
    public func write(_ bytes: [UInt8], to path: String) throws {
        try bytes.withUnsafeBytes { buffer in try writeBytes(buffer, to: path) }
    }

    /// Writes the text's UTF-8 bytes as they are stored, without copying them.
    public func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { buffer in try writeBytes(UnsafeRawBufferPointer(buffer), to: path) }
    }

    public func copy(from source: String, to path: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw OutputError(path: source, reason: "cannot read the file")
        }
        try data.withUnsafeBytes { buffer in try writeBytes(buffer, to: path) }
    }
}
