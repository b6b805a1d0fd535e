import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A guide's title and link, for previous/next navigation and the question bank.
struct GuideLinkView: TemplateView {
    let term: String
    let url: String

    /// The guide is read in place: a copy would retain all its fields.
    init(index: Int, context: ViewContext) {
        term = context.guide(at: index).pointee.frontMatter.term
        url = context.guideLinks[index]
    }

    static let templateKeys = TemplateKeys<GuideLinkView>("a guide link", plural: "guide links", [
        "term": .text(\.term),
        "title": .text(\.term),
        "url": .text(\.url),
    ])
}
