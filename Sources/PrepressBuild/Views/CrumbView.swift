import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// One step of a breadcrumb trail; the current page has no URL.
struct CrumbView: TemplateView {
    let name: String
    let url: String?

    static let templateKeys = TemplateKeys<CrumbView>("a breadcrumb", plural: "breadcrumbs", [
        "name": .text(\.name),
        "url": .optionalText(\.url),
        "is_current": .flag { $0.url == nil },
    ])
}
