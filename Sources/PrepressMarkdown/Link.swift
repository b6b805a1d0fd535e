/// One link or image destination found in a body.
public struct Link: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case link, image }

    public var kind: Kind
    /// The destination as written by the author.
    public var written: String
    /// The destination written into the HTML (differs when a link to a guide's file was rewritten; empty when the
    /// link was dropped, `LinkRewrite.unlink`).
    public var destination: String
    /// Line and column in the Markdown body, counted from 1 (of the enclosing block when cmark has no inline position).
    public var line: Int
    public var column: Int

    public init(kind: Kind, written: String, destination: String, line: Int, column: Int) {
        self.kind = kind
        self.written = written
        self.destination = destination
        self.line = line
        self.column = column
    }
}

/// What becomes of a link or image destination as written (`MarkdownRenderer.render`'s `rewriteLink`).
public enum LinkRewrite: Sendable, Equatable {
    case keep
    case replace(String)
    /// The link is dropped and its text kept in its place (a link to a `.md` file that is no page).
    case unlink
}
