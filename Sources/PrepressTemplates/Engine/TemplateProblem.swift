/// A problem in a template found when the theme loads: a name no view in scope offers, a missing partial.
public struct TemplateProblem: Sendable, Hashable {
    /// The template it is in.
    public let template: String
    public let line: Int
    public let column: Int
    public let message: String
    public let hint: String?
}
