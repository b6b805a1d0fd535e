import Foundation

/// An error writing output, naming the path.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String

    public var description: String { "\(path): \(reason)" }
}
