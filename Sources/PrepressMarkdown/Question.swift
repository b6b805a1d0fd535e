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
    public var answerHTML: Substring
    /// The same as plain text, blocks on lines of their own.
    public var answerText: String

    public init(text: String, number: Int?, heading: Heading, answerHTML: Substring, answerText: String) {
        self.text = text
        self.number = number
        self.heading = heading
        self.answerHTML = answerHTML
        self.answerText = answerText
    }

    public var anchor: String { heading.id }
}
