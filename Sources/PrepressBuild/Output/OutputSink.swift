import Foundation

/// Where a build's files go: a folder swapped in at the end, or memory for previews and tests.
public protocol OutputSink: Sendable {
    /// Writes `bytes` at `path` (relative, `/`-separated); may be called from several threads at once.
    func write(_ bytes: [UInt8], to path: String) throws
    /// Writes `text` as UTF-8 at `path`; may be called from several threads at once.
    func write(_ text: String, to path: String) throws
    /// Copies the file at `source` to `path`.
    func copy(from source: String, to path: String) throws
}

extension OutputSink {
    public func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }
}
