/// What rendering one Markdown body yields: the HTML and the facts templates and checks need.
public struct RenderedMarkdown: Sendable, Equatable {
    /// The body as HTML, headings carrying their ids.
    public var html: String {
        get { deferred?.value.html ?? madeHTML }
        set {
            madeHTML = newValue
            deferred = nil
        }
    }
    private var madeHTML: String
    /// Where the HTML is made only when first read (a rendering from the build cache), what makes it.
    public private(set) var deferred: DeferredBody?
    /// The digest `deferred` was read with, while it still stands for the HTML and every answer (none of them
    /// set since).
    public var deferredDigest: UInt64? {
        guard let deferred else { return nil }
        for group in questionGroups where !group.questions.allSatisfy({ $0.isAnswered(by: deferred) }) { return nil }
        return deferred.digest
    }
    /// The HTML when it is made already, without making it.
    public var htmlIfMade: String? { deferred == nil ? madeHTML : nil }
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
        self.madeHTML = html
        self.headings = headings
        self.wordCount = wordCount
        self.links = links
        self.questionGroups = questionGroups
        self.unhighlightedCode = unhighlightedCode
    }

    /// A rendering whose HTML `deferred` makes when first read (its questions' answers are made by the same).
    public init(deferred: DeferredBody, headings: [Heading], wordCount: Int, links: [Link], questionGroups: [QuestionGroup],
                unhighlightedCode: [Int]) {
        self.init(html: "", headings: headings, wordCount: wordCount, links: links, questionGroups: questionGroups,
                  unhighlightedCode: unhighlightedCode)
        self.deferred = deferred
    }

    public static func == (left: RenderedMarkdown, right: RenderedMarkdown) -> Bool {
        left.html == right.html && left.headings == right.headings && left.wordCount == right.wordCount
            && left.links == right.links && left.questionGroups == right.questionGroups
            && left.unhighlightedCode == right.unhighlightedCode
    }

    /// Every question, in document order.
    public var questions: [Question] { questionGroups.flatMap(\.questions) }

    /// How many questions there are, without gathering them.
    public var questionCount: Int { questionGroups.reduce(0) { $0 + $1.questions.count } }
}
