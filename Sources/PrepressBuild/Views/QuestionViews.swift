import Mustache
import PrepressContent
import PrepressMarkdown

/// A question-type section of a guide, with its questions.
struct QuestionGroupView: MustacheTypedParent, Sendable {
    let group: QuestionGroup
    let guideURL: String

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .text(group.name)
        case "slug": .text(Slug.make(group.name))
        case "anchor": .text(group.heading.id)
        case "count": .number(group.questions.count)
        case "questions": list(group.questions.map { QuestionView(question: $0, guideURL: guideURL, type: group.name) })
        default: nil
        }
    }
}

/// One question: on its guide's page, and in the question bank.
struct QuestionView: MustacheTypedParent, Sendable {
    let question: Question
    let guideURL: String
    let type: String
    /// In the question bank: the guide the question belongs to.
    var guide: GuideLinkView?

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "text": .text(question.text)
        case "number": present(question.number)
        case "anchor": .text(question.anchor)
        case "url": .text(guideURL + "#" + question.anchor)
        case "answer_html": .text(String(question.answerHTML))
        case "answer_text": .text(question.answerText)
        case "type": .text(type)
        case "guide": present(guide)
        default: nil
        }
    }
}

/// What `questions.mustache` receives: one page of the question bank, all types or one.
struct QuestionBankPageView: MustacheTypedParent, Sendable {
    let site: SiteView
    let page: PageView
    let bank: QuestionBank
    /// The type this page lists, or nil for the page of all types.
    let currentType: Int?
    /// This page's questions, by type, in bank order.
    let groups: [(type: Int, entries: ArraySlice<QuestionBank.Entry>)]
    let pagination: PaginationView?
    let context: SiteContext

    func value(named name: String) -> MustacheValue? {
        let urls = context.urls
        switch name {
        case "site": return .object(site)
        case "page": return .object(page)
        case "pagination": return present(pagination)
        case "title": return .text(currentType.map { bank.types[$0].name + " questions" } ?? "Question bank")
        case "total": return .number(currentType.map { bank.types[$0].entries.count } ?? bank.totalCount)
        case "all_url": return .text(urls.link(QuestionBank.path))
        case "is_all": return .flag(currentType == nil)
        case "types":
            return list(bank.types.indices.map { position in
                QuestionTypeLinkView(type: bank.types[position], url: urls.link(QuestionBank.typePath(bank.types[position])),
                                     isCurrent: position == currentType)
            })
        case "groups":
            return list(groups.map { group in
                let type = bank.types[group.type]
                return QuestionBankGroupView(
                    name: type.name, slug: type.slug, url: urls.link(QuestionBank.typePath(type)), count: type.entries.count,
                    questions: group.entries.map { entry in
                        // The guide is read in place: binding it to a name would copy all its fields.
                        let link = GuideLinkView(guide: context.guides[entry.guide], urls: urls)
                        return QuestionView(question: entry.question, guideURL: link.url, type: type.name, guide: link)
                    })
            })
        default: return nil
        }
    }
}

struct QuestionTypeLinkView: MustacheTypedParent, Sendable {
    let type: QuestionBank.QuestionType
    let url: String
    let isCurrent: Bool

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .text(type.name)
        case "slug": .text(type.slug)
        case "url": .text(url)
        case "count": .number(type.entries.count)
        case "is_current": .flag(isCurrent)
        default: nil
        }
    }
}

struct QuestionBankGroupView: MustacheTypedParent, Sendable {
    let name: String
    let slug: String
    let url: String
    let count: Int
    let questions: [QuestionView]

    func value(named key: String) -> MustacheValue? {
        switch key {
        case "name": .text(name)
        case "slug": .text(slug)
        case "url": .text(url)
        case "count": .number(count)
        case "questions": list(questions)
        default: nil
        }
    }
}
