import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A question-type section of a guide, with its questions.
struct QuestionGroupView: TemplateView {
    let group: QuestionGroup
    let guideURL: String

    static let templateKeys = TemplateKeys<QuestionGroupView>("a question type of a guide", plural: "question types", [
        "name": .text(\.group.name),
        "slug": .text { Slug.make($0.group.name) },
        "anchor": .text(\.group.heading.id),
        "count": .number(\.group.questions.count),
        "questions": .list { view in
            view.group.questions.map { QuestionView(question: $0, guideURL: view.guideURL, type: view.group.name) }
        },
    ])
}
