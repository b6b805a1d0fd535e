internal import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One interview question and its answer.
public struct Question: Sendable, Equatable {
    /// The question as asked, without a `Question N:` prefix.
    public var text: String
    /// N of a `Question N:` heading.
    public var number: Int?
    /// The question's heading; its id is the question's anchor.
    public var heading: Heading
    /// Everything up to the next heading of the same or a higher level, as HTML: a slice of the body's HTML,
    /// sharing its storage.
    public var answerHTML: Substring {
        get { deferred.map { $0.body.value.answers[$0.index].html } ?? madeHTML }
        set {
            makeNow()
            madeHTML = newValue
        }
    }
    /// The same as plain text, blocks on lines of their own.
    public var answerText: String {
        get { deferred.map { $0.body.value.answers[$0.index].text } ?? madeText }
        set {
            makeNow()
            madeText = newValue
        }
    }
    private var madeHTML: Substring
    private var madeText: String
    /// Where the answer is made with its guide's HTML when first read (a rendering from the build cache): what
    /// makes it, and the answer's place among the guide's (`DeferredBody.Made.answers`).
    private var deferred: (body: DeferredBody, index: Int)?

    public init(text: String, number: Int?, heading: Heading, answerHTML: Substring, answerText: String) {
        self.text = text
        self.number = number
        self.heading = heading
        self.madeHTML = answerHTML
        self.madeText = answerText
    }

    /// A question whose answer `body` makes, the `index`th of its guide's in document order.
    public init(text: String, number: Int?, heading: Heading, answerIn body: DeferredBody, at index: Int) {
        self.init(text: text, number: number, heading: heading, answerHTML: "", answerText: "")
        deferred = (body, index)
    }

    /// Whether the answer is still the one `body` makes (none was set since).
    public func isAnswered(by body: DeferredBody) -> Bool { deferred?.body === body }

    private mutating func makeNow() {
        guard let deferred else { return }
        (madeHTML, madeText) = deferred.body.value.answers[deferred.index]
        self.deferred = nil
    }

    public static func == (left: Question, right: Question) -> Bool {
        left.text == right.text && left.number == right.number && left.heading == right.heading
            && left.answerHTML == right.answerHTML && left.answerText == right.answerText
    }

    public var anchor: String { heading.id }
}
