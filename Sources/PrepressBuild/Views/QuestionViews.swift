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

/// What `questions.mustache` receives: one page of the question bank, all types or one.
struct QuestionBankPageView: TemplateView {
    let site: SiteView
    let page: PageView
    let bank: QuestionBank
    /// The type this page lists, or nil for the page of all types.
    let currentType: Int?
    /// This page's questions, by type, in bank order.
    let groups: [(type: Int, entries: ArraySlice<QuestionBank.Entry>)]
    let pagination: PaginationView?
    let context: ViewContext

    static let templateKeys = TemplateKeys<QuestionBankPageView>("a question bank page", plural: "question bank pages", [
        "site": .view(\.site),
        "page": .view(\.page),
        "pagination": .optionalView(\.pagination),
        "title": .text { view in view.currentType.map { view.bank.types[$0].name + " questions" } ?? "Question bank" },
        "total": .number { view in view.currentType.map { view.bank.types[$0].entries.count } ?? view.bank.totalCount },
        "all_url": .text { $0.context.urls.link(QuestionBank.path) },
        "is_all": .flag { $0.currentType == nil },
        "types": .list { view in
            view.bank.types.indices.map { position in
                QuestionTypeLinkView(type: view.bank.types[position], url: view.context.urls.link(QuestionBank.typePath(view.bank.types[position])),
                                     isCurrent: position == view.currentType)
            }
        },
        "groups": .list(\.groupViews),
    ])

    private var groupViews: [QuestionBankGroupView] {
        let urls = context.urls
        return groups.map { group in
            let type = bank.types[group.type]
            return QuestionBankGroupView(
                name: type.name, slug: type.slug, url: urls.link(QuestionBank.typePath(type)), count: type.entries.count,
                questions: group.entries.withUnsafeBufferPointer { entries in
                    // Entries are read in place: `entries[position]` of the slice would copy each one whole.
                    entries.map { entry in
                        let link = GuideLinkView(index: entry.guide, context: context)
                        return QuestionView(question: entry.question, guideURL: link.url, type: type.name, guide: link)
                    }
                })
        }
    }
}

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
