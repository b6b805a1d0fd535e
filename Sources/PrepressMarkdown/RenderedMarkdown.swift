/// What rendering one Markdown body yields: the HTML and the facts templates and checks need.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The body as HTML, headings carrying their ids.
    public var html: String
    /// Every heading in document order.
    public var headings: [Heading]
    /// Words of prose and code, for reading time.
    public var wordCount: Int
    /// Every link and image destination, after rewriting, in document order.
    public var links: [Link]
    /// Question-type sections with their questions, in document order; empty for a plain article.
    public var questionGroups: [QuestionGroup]

    public init(html: String, headings: [Heading], wordCount: Int, links: [Link], questionGroups: [QuestionGroup] = []) {
        self.html = html
        self.headings = headings
        self.wordCount = wordCount
        self.links = links
        self.questionGroups = questionGroups
    }

    /// Every question, in document order.
    public var questions: [Question] { questionGroups.flatMap(\.questions) }

    /// How many questions there are, without gathering them.
    public var questionCount: Int { questionGroups.reduce(0) { $0 + $1.questions.count } }
}

/// One heading of a rendered body.
public struct Heading: Sendable, Equatable {
    /// 1 for `#`, 6 for `######`.
    public var level: Int
    /// The heading as plain text (markup removed).
    public var text: String
    /// The unique id written on the heading element.
    public var id: String
    /// Line in the Markdown body, counted from 1.
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// One link or image destination found in a body.
public struct Link: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case link, image }

    public var kind: Kind
    /// The destination as written by the author.
    public var written: String
    /// The destination written into the HTML (differs when a link to a guide's file was rewritten).
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
