/// A guide's front matter, typed by the schema of DESIGN.md section 3.
public struct FrontMatter: Sendable, Equatable {
    /// The guide's title, from `term` or else `title`.
    public var term: String
    public var description: String?
    public var category: String?
    public var vertical: String?
    public var tags: [String] = []
    public var pubDate: GuideDate?
    public var modDate: GuideDate?
    public var author: Author?
    public var avatar: ImageReference?
    public var image: ImageReference?
    public var slug: String?
    public var draft = false
    /// Old URLs that redirect to the guide (`aliases`, `redirect_from`).
    public var aliases: [GuideAlias] = []
    /// Every other key, in the order written, typed the YAML 1.2 way.
    public var params: [ParamEntry] = []
    /// Where each top-level key's value was written.
    public var locations: [String: SourceLocation] = [:]

    public init(term: String) {
        self.term = term
    }
}
