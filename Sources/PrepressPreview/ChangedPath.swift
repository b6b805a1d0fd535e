import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One path that changed, relative to the watched folder, `/`-separated.
public struct ChangedPath: Sendable, Equatable {
    public var path: String
    public var isDirectory: Bool

    public init(path: String, isDirectory: Bool) {
        self.path = path
        self.isDirectory = isDirectory
    }
}
