/// Guides parsed by an earlier build, found again by the bytes of their file (the build cache in
/// `.prepress-cache/`): a loader with a cache parses only the files it does not know.
public protocol ParsedGuideCache: Sendable {
    /// The guide parsed from exactly `text` at `displayPath`, when an earlier build parsed it.
    func parsedGuide(text: String, displayPath: String) -> ParsedGuide?
    /// Keeps what parsing `text` gave, for later builds.
    func record(_ parsed: ParsedGuide, text: String, displayPath: String)
}
