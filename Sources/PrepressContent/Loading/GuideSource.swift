import Foundation

/// A guide file read and parsed, with the paths it is known by.
public struct GuideSource: Sendable, Equatable {
    /// Path under `content/`, with `/` separators (`roles/nurse.md`).
    public var relativePath: String
    /// Path as shown in messages (`content/roles/nurse.md`).
    public var displayPath: String
    public var parsed: ParsedGuide

    public init(relativePath: String, displayPath: String, parsed: ParsedGuide) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.parsed = parsed
    }
}
