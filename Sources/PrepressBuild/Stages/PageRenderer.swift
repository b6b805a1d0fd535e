import PrepressContent
import PrepressTemplates

/// One page of the site, rendered.
struct RenderedPage: Sendable {
    /// File path under the output folder (`guides/x/index.html`).
    var path: String
    var html: String
}

/// Turns guides into pages: one per guide and the paginated home page, rendered on all cores.
struct PageRenderer: Sendable {
    let config: SiteConfig
    let urls: SiteURLs
    let templates: TemplateRenderer
    let generator: String

    private enum Job: Sendable {
        case guide(Guide)
        case home(page: Int, guides: ArraySlice<Guide>, pageLinks: [String], total: Int)
    }

    /// `guides` must be in list order (newest first).
    func render(_ guides: [Guide]) -> [RenderedPage] {
        var jobs = guides.map(Job.guide)
        let pageSize = max(1, config.paginate)
        let pageCount = max(1, (guides.count + pageSize - 1) / pageSize)
        let pageLinks = (1...pageCount).map { urls.link(SiteURLs.pagePath("", number: $0)) }
        for page in 1...pageCount {
            let start = (page - 1) * pageSize
            let slice = guides[min(start, guides.count)..<min(start + pageSize, guides.count)]
            jobs.append(.home(page: page, guides: slice, pageLinks: pageLinks, total: guides.count))
        }
        return jobs.parallelMap(render)
    }

    private func render(_ job: Job) -> RenderedPage {
        let site = SiteView(config: config, generator: generator)
        switch job {
        case .guide(let guide):
            let view = GuidePageView(
                site: site,
                page: PageView(
                    title: guide.frontMatter.term + " · " + config.title,
                    description: guide.frontMatter.description,
                    url: urls.link(guide.path), permalink: urls.absolute(guide.path), kind: "guide"),
                guide: GuideView(guide: guide, urls: urls))
            return RenderedPage(path: guide.path + "index.html", html: templates.render(view, template: "guide") ?? "")
        case .home(let page, let slice, let pageLinks, let total):
            let path = SiteURLs.pagePath("", number: page)
            let title = page == 1 ? config.title : "\(config.title) · Page \(page)"
            let view = ListPageView(
                site: site,
                page: PageView(title: title, description: config.description,
                               url: urls.link(path), permalink: urls.absolute(path), kind: "home"),
                guides: slice.map { GuideView(guide: $0, urls: urls) },
                guideCount: total,
                pagination: pageLinks.count > 1 ? PaginationView(current: page, total: pageLinks.count, pageLinks: pageLinks) : nil)
            return RenderedPage(path: path + "index.html", html: templates.render(view, template: "index") ?? "")
        }
    }
}
