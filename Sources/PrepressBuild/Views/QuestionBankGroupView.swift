import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A question type's questions on one page of the question bank.
struct QuestionBankGroupView: TemplateView {
    let name: String
    let slug: String
    let url: String
    let count: Int
    let questions: [QuestionView]

    static let templateKeys = TemplateKeys<QuestionBankGroupView>("a question bank group", plural: "question bank groups", [
        "name": .text(\.name),
        "slug": .text(\.slug),
        "url": .text(\.url),
        "count": .number(\.count),
        "questions": .list(\.questions),
    ])
}
