internal import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A question-type section of a guide (`### Technical Questions`) and the questions under it.
public struct QuestionGroup: Sendable, Equatable {
    /// The type's name: the heading without its final "Questions" (`Technical`, `Problem-Solving`).
    public var name: String
    /// The section's heading.
    public var heading: Heading
    public var questions: [Question]

    public init(name: String, heading: Heading, questions: [Question]) {
        self.name = name
        self.heading = heading
        self.questions = questions
    }
}
