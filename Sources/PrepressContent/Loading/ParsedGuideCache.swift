/// Guides parsed by an earlier build, found again by the bytes of their file (the build cache in
/// `.prepress-cache/`): a loader with a cache parses only the files it does not know, and reads only those
/// whose bytes it cannot vouch for.
public protocol ParsedGuideCache: Sendable {
    /// The guide at `relativePath` (under content/) without reading its file: when the cache knows the file's
    /// bytes already (the build stamp's fingerprint just hashed them, or trusted their digest from the last
    /// build's index of its inputs) and an earlier build parsed and rendered them so that nothing will need
    /// the body. Nil reads the file.
    func parsedGuide(unread relativePath: String, displayPath: String) -> ParsedGuide?
    /// The guide parsed from exactly `text`, the file at `relativePath` as the loader just read it (`file`
    /// its status then), when an earlier build parsed it. Called for every guide file read: the cache also
    /// keeps what the build stamp records for the file, so that the stamp need not read every guide again.
    func parsedGuide(text: String, file: FileIdentity, relativePath: String, displayPath: String) -> ParsedGuide?
    /// Keeps what parsing `text` (the file at `relativePath`) gave, for later builds.
    func record(_ parsed: ParsedGuide, text: String, relativePath: String, displayPath: String)
    /// The files the loader found under content/ (relative paths, sorted), before reading any.
    func listedContent(_ relativePaths: [String])
}

extension ParsedGuideCache {
    public func parsedGuide(unread relativePath: String, displayPath: String) -> ParsedGuide? { nil }
    public func listedContent(_ relativePaths: [String]) {}
}
