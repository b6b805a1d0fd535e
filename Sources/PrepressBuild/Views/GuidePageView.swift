import PrepressContent
import PrepressTemplates

/// What `guide.mustache` receives.
struct GuidePageView: TemplateView {
    let site: BoxedView<SiteView>
    let page: BoxedView<PageView>
    let guide: GuideView

    static let templateKeys = TemplateKeys<GuidePageView>("a guide page", plural: "guide pages", [
        "site": .view(\.site),
        "page": .view(\.page),
        "guide": .view(\.guide),
    ])
}
