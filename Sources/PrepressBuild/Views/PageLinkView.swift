import PrepressContent
import PrepressTemplates

/// One page's link in the pagination, or a gap.
struct PageLinkView: TemplateView {
    let number: Int
    let url: String
    let isCurrent: Bool
    /// Stands for the pages left out between two shown ones.
    var isGap = false

    static let templateKeys = TemplateKeys<PageLinkView>("a page link", plural: "page links", [
        "number": .number(\.number),
        "url": .text(\.url),
        "is_current": .flag(\.isCurrent),
        "is_gap": .flag(\.isGap),
    ])
}
