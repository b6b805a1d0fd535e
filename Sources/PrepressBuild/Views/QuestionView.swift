import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// One question: on its guide's page, and in the question bank. The question is read in place, in its guide:
/// a copy would retain every field of it for each question of every page.
struct QuestionView: TemplateView {
    let context: ViewContext
    /// The guide's position in `context.guides`, and the question's in the guide's question groups.
    let guide: Int32
    let group: Int32
    let position: Int32
    /// In the question bank: the bank's type the question is listed under (its name is the question's type,
    /// and the question links its guide); -1 on the guide's own page, where the type is the group's name.
    let bankType: Int32

    init(context: ViewContext, guide: Int, group: Int, position: Int, bankType: Int? = nil) {
        self.context = context
        self.guide = Int32(guide)
        self.group = Int32(group)
        self.position = Int32(position)
        self.bankType = Int32(bankType ?? -1)
    }

    private var question: Question {
        _read { yield context.guide(at: Int(guide)).pointee.rendered.questionGroups[Int(group)].questions[Int(position)] }
    }

    private var guideURL: String { context.guideLinks[Int(guide)] }

    /// The guide's URL and the question's anchor, joined into a buffer of their size: `guideURL + "#" + anchor`
    /// made two strings, the second grown from the first, for each of the 120,000 entries of a 10,000-guide bank.
    private var url: [UInt8] {
        let guideURL = guideURL
        let anchor = question.anchor
        var bytes: [UInt8] = []
        bytes.reserveCapacity(guideURL.utf8.count + 1 + anchor.utf8.count)
        bytes += guideURL.utf8
        bytes.append(UInt8(ascii: "#"))
        bytes += anchor.utf8
        return bytes
    }

    private var type: String {
        bankType < 0
            ? context.guide(at: Int(guide)).pointee.rendered.questionGroups[Int(group)].name
            : context.questionBank.types[Int(bankType)].name
    }

    static let templateKeys = TemplateKeys<QuestionView>("a question", plural: "questions", [
        "text": .text { $0.question.text },
        "number": .optionalNumber { $0.question.number },
        "anchor": .text { $0.question.anchor },
        "url": .bytes { $0.url },
        "answer_html": .text { String($0.question.answerHTML) },
        "answer_text": .text { $0.question.answerText },
        "type": .text { $0.type },
        "guide": .optionalView { $0.bankType < 0 ? nil : GuideLinkView(index: Int($0.guide), context: $0.context) },
    ])
}
