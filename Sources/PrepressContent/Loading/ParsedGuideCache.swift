/// Guides parsed by an earlier build, found again by the bytes of their file (the build cache in
/// `.prepress-cache/`): a loader with a cache parses only the files it does not know.
public protocol ParsedGuideCache: Sendable {
    /// The guide parsed from exactly `text` at `displayPath`, when an earlier build parsed it.
    func parsedGuide(text: String, displayPath: String) -> ParsedGuide?
    /// Keeps what parsing `text` gave, for later builds.
    func record(_ parsed: ParsedGuide, text: String, displayPath: String)
    /// The files the loader found under content/ (relative paths, sorted), before reading any.
    func listedContent(_ relativePaths: [String])
    /// A guide's file as the loader read it, with its modification time (nanoseconds since 1970): what the
    /// build stamp records for it, so that the stamp need not read every guide a second time.
    func read(text: String, relativePath: String, modified: Int64)
}

extension ParsedGuideCache {
    public func listedContent(_ relativePaths: [String]) {}
    public func read(text: String, relativePath: String, modified: Int64) {}
}
