import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// An image with its text alternative.
struct ImageView: TemplateView {
    let image: ImageReference
    let urls: SiteURLs

    static let templateKeys = TemplateKeys<ImageView>("an image", plural: "images", [
        "url": .text { $0.urls.authored($0.image.url) },
        "absolute_url": .text { $0.urls.absoluteAuthored($0.image.url) },
        "alt": .text { $0.image.alt ?? "" },
    ])
}
