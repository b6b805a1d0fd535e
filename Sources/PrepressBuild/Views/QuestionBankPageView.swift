import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// What `questions.mustache` receives: one page of the question bank, all types or one.
struct QuestionBankPageView: TemplateView {
    let site: BoxedView<SiteView>
    let page: BoxedView<PageView>
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
                questions: group.entries.map { entry in
                    QuestionView(context: context, guide: entry.guide, group: Int(entry.group), position: Int(entry.position),
                                 bankType: group.type)
                })
        }
    }
}
