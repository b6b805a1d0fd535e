import Foundation

/// Where a build's files go: a folder swapped in at the end, or memory for previews and tests.
public protocol OutputSink: Sendable {
    /// Writes `bytes` at `path` (relative, `/`-separated); may be called from several threads at once.
    func write(_ bytes: [UInt8], to path: String) throws
    /// Copies the file at `source` to `path`.
    func copy(from source: String, to path: String) throws
}

/// An error writing output, naming the path.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
