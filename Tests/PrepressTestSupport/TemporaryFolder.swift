import Foundation

/// A folder under the system's temporary folder, holding the files it was given, removed with everything in
/// it when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    public let path: String

    /// `files` by path relative to the folder; folders on the way are made.
    public init(_ files: [String: String] = [:], prefix: String = "prepress-test") throws {
        path = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (relative, text) in files { try write(text, to: relative) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `relative`, making the folders on the way.
    public func write(_ text: String, to relative: String) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    /// The full path of `relative` inside the folder.
    public func path(_ relative: String) -> String { path + "/" + relative }
}
