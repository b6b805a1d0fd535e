import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// What `partials/guide-card` is rendered with: the guide's keys, and `site`.
struct CardView: TemplateView {
    let guide: GuideView

    static let templateKeys = TemplateKeys<CardView>("a guide card", plural: "guide cards", [
        "site": .view { $0.guide.context.siteView },
    ], including: GuideView.templateKeys, through: \.guide)
}
