import Foundation

/// Everything under `content/`: parsed guides, files to copy, and the problems found.
public struct LoadedContent: Sendable {
    public var guides: [GuideSource]
    public var staticFiles: [StaticFile]
    public var diagnostics: [Diagnostic]

    public init(guides: [GuideSource] = [], staticFiles: [StaticFile] = [], diagnostics: [Diagnostic] = []) {
        self.guides = guides
        self.staticFiles = staticFiles
        self.diagnostics = diagnostics
    }
}
