import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A guide's title and link, for previous/next navigation and the question bank. Three words, so that it is
/// held in place as a value rather than boxed; the guide is read in place (a copy would retain all its fields).
struct GuideLinkView: TemplateView {
    let index: Int
    let context: ViewContext

    static let templateKeys = TemplateKeys<GuideLinkView>("a guide link", plural: "guide links", [
        "term": .text { $0.context.guide(at: $0.index).pointee.frontMatter.term },
        "title": .text { $0.context.guide(at: $0.index).pointee.frontMatter.term },
        "url": .text { $0.context.guideLinks[$0.index] },
    ])
}
