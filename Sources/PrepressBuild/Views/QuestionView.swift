import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// One question: on its guide's page, and in the question bank.
struct QuestionView: TemplateView {
    let question: Question
    let guideURL: String
    let type: String
    /// In the question bank: the guide the question belongs to.
    var guide: GuideLinkView?

    static let templateKeys = TemplateKeys<QuestionView>("a question", plural: "questions", [
        "text": .text(\.question.text),
        "number": .optionalNumber(\.question.number),
        "anchor": .text(\.question.anchor),
        "url": .text { $0.guideURL + "#" + $0.question.anchor },
        "answer_html": .text { String($0.question.answerHTML) },
        "answer_text": .text(\.question.answerText),
        "type": .text(\.type),
        "guide": .optionalView(\.guide),
    ])
}
