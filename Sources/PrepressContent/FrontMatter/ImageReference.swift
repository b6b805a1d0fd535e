/// A picture named in front matter, with its alternative text.
public struct ImageReference: Sendable, Equatable {
    public var url: String
    public var alt: String?

    public init(url: String, alt: String? = nil) {
        self.url = url
        self.alt = alt
    }
}
