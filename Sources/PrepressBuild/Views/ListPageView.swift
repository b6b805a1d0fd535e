import PrepressContent
import PrepressTemplates

/// What a list of guides receives: the home page (`index.mustache`) or a term's page (`term.mustache`).
struct ListPageView: TemplateView {
    let site: BoxedView<SiteView>
    let page: BoxedView<PageView>
    let guides: [GuideView]
    let guideCount: Int
    let pagination: PaginationView?
    /// On a term's page: its taxonomy and the term.
    let taxonomy: TaxonomyLinkView?
    let term: TermPageInfoView?

    static let templateKeys = TemplateKeys<ListPageView>("a list page", plural: "list pages", [
        "site": .view(\.site),
        "page": .view(\.page),
        "guides": .list(\.guides),
        "guide_count": .number(\.guideCount),
        "guide_count_label": .text { $0.guideCount == 1 ? "1 interview guide" : "\($0.guideCount) interview guides" },
        "pagination": .optionalView(\.pagination),
        "taxonomy": .optionalView(\.taxonomy),
        "term": .optionalView(\.term),
    ])
}
