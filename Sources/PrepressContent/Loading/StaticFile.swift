import Foundation

/// A non-guide file under `content/`, copied to the output at the same relative path.
public struct StaticFile: Sendable, Equatable {
    public var relativePath: String
    public var absolutePath: String

    public init(relativePath: String, absolutePath: String) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
    }
}
