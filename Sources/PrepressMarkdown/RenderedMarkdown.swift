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
    /// The lines (in the body) of fenced code in a known language left plain because a line of it is longer
    /// than `MarkdownRenderer.longestHighlightedLine`.
    public var unhighlightedCode: [Int]

    public init(html: String, headings: [Heading], wordCount: Int, links: [Link], questionGroups: [QuestionGroup] = [],
                unhighlightedCode: [Int] = []) {
        self.html = html
        self.headings = headings
        self.wordCount = wordCount
        self.links = links
        self.questionGroups = questionGroups
        self.unhighlightedCode = unhighlightedCode
    }

    /// Every question, in document order.
    public var questions: [Question] { questionGroups.flatMap(\.questions) }

    /// How many questions there are, without gathering them.
    public var questionCount: Int { questionGroups.reduce(0) { $0 + $1.questions.count } }
}
