import PrepressContent
import PrepressTemplates

/// What `404.mustache` receives.
struct NotFoundPageView: TemplateView {
    let site: BoxedView<SiteView>
    let page: BoxedView<PageView>

    static let templateKeys = TemplateKeys<NotFoundPageView>("the not-found page", plural: "not-found pages", [
        "site": .view(\.site),
        "page": .view(\.page),
    ])
}
