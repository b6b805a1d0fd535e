import Mustache
import PrepressContent
import PrepressMarkdown

/// A question-type section of a guide, with its questions.
struct QuestionGroupView: MustacheParent, Sendable {
    let group: QuestionGroup
    let guideURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "name": group.name
        case "slug": Slug.make(group.name)
        case "anchor": group.heading.id
        case "count": group.questions.count
        case "questions": group.questions.map { QuestionView(question: $0, guideURL: guideURL, type: group.name) }
        default: nil
        }
    }
}

/// One question: on its guide's page, and in the question bank.
struct QuestionView: MustacheParent, Sendable {
    let question: Question
    let guideURL: String
    let type: String
    /// In the question bank: the guide the question belongs to.
    var guide: GuideLinkView?

    func child(named name: String) -> Any? {
        switch name {
        case "text": question.text
        case "number": present(question.number)
        case "anchor": question.anchor
        case "url": guideURL + "#" + question.anchor
        case "answer_html": String(question.answerHTML)
        case "answer_text": question.answerText
        case "type": type
        case "guide": present(guide)
        default: nil
        }
    }
}

/// What `questions.mustache` receives: one page of the question bank, all types or one.
struct QuestionBankPageView: MustacheParent, Sendable {
    let site: SiteView
    let page: PageView
    let bank: QuestionBank
    /// The type this page lists, or nil for the page of all types.
    let currentType: Int?
    /// This page's questions, by type, in bank order.
    let groups: [(type: Int, entries: ArraySlice<QuestionBank.Entry>)]
    let pagination: PaginationView?
    let context: SiteContext

    func child(named name: String) -> Any? {
        let urls = context.urls
        switch name {
        case "site": return site
        case "page": return page
        case "pagination": return present(pagination)
        case "title": return currentType.map { bank.types[$0].name + " questions" } ?? "Question bank"
        case "total": return currentType.map { bank.types[$0].entries.count } ?? bank.totalCount
        case "all_url": return urls.link(QuestionBank.path)
        case "is_all": return currentType == nil
        case "types":
            return bank.types.indices.map { position in
                QuestionTypeLinkView(type: bank.types[position], url: urls.link(QuestionBank.typePath(bank.types[position])),
                                     isCurrent: position == currentType)
            }
        case "groups":
            return groups.map { group in
                let type = bank.types[group.type]
                return QuestionBankGroupView(
                    name: type.name, slug: type.slug, url: urls.link(QuestionBank.typePath(type)), count: type.entries.count,
                    questions: group.entries.map { entry in
                        let guide = context.guides[entry.guide]
                        return QuestionView(question: entry.question, guideURL: urls.link(guide.path), type: type.name,
                                            guide: GuideLinkView(guide: guide, urls: urls))
                    })
            }
        default: return nil
        }
    }
}

struct QuestionTypeLinkView: MustacheParent, Sendable {
    let type: QuestionBank.QuestionType
    let url: String
    let isCurrent: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "name": type.name
        case "slug": type.slug
        case "url": url
        case "count": type.entries.count
        case "is_current": isCurrent
        default: nil
        }
    }
}

struct QuestionBankGroupView: MustacheParent, Sendable {
    let name: String
    let slug: String
    let url: String
    let count: Int
    let questions: [QuestionView]

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "slug": slug
        case "url": url
        case "count": count
        case "questions": questions
        default: nil
        }
    }
}
