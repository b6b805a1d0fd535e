import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A question-type section of a guide, with its questions; read in place in the guide.
struct QuestionGroupView: TemplateView {
    let context: ViewContext
    /// The guide's position in `context.guides`, and the group's among its question groups.
    let guide: Int
    let group: Int

    private var questionGroup: QuestionGroup {
        _read { yield context.guide(at: guide).pointee.rendered.questionGroups[group] }
    }

    static let templateKeys = TemplateKeys<QuestionGroupView>("a question type of a guide", plural: "question types", [
        "name": .text { $0.questionGroup.name },
        "slug": .text { Slug.make($0.questionGroup.name) },
        "anchor": .text { $0.questionGroup.heading.id },
        "count": .number { $0.questionGroup.questions.count },
        "questions": .list { view in
            view.questionGroup.questions.indices.map {
                QuestionView(context: view.context, guide: view.guide, group: view.group, position: $0)
            }
        },
    ])
}
