import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A question type in the question bank's navigation.
struct QuestionTypeLinkView: TemplateView {
    let type: QuestionBank.QuestionType
    let url: String
    let isCurrent: Bool

    static let templateKeys = TemplateKeys<QuestionTypeLinkView>("a question type link", plural: "question type links", [
        "name": .text(\.type.name),
        "slug": .text(\.type.slug),
        "url": .text(\.url),
        "count": .number(\.type.entries.count),
        "is_current": .flag(\.isCurrent),
    ])
}
