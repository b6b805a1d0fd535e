import PrepressContent
import PrepressTemplates

/// Finds the guides' old URLs (`aliases`) that cannot be redirect pages: one that is the URL of a page or a
/// file of the site, or that two aliases give. Each is an error at the alias, naming the other file.
enum RedirectValidator {
    static func problems(renderer: PageRenderer, staticFiles: [StaticFile], assets: [Theme.File],
                         displayPath: (String) -> String) -> [Diagnostic] {
        let guides = renderer.context.guides
        guard guides.contains(where: { !$0.frontMatter.aliases.isEmpty }) else { return [] }
        let jobs = renderer.jobs()
        // What each output file is, as a message names it.
        var owners: [String: String] = [:]
        for job in jobs {
            if case .redirect = job { continue }
            let path = renderer.path(of: job)
            owners[path] = if case .guide(let index) = job { "the page of \(guides[index].source.displayPath)" } else { "the site's page /\(path)" }
        }
        for file in staticFiles { owners[file.relativePath] = displayPath("content/" + file.relativePath) }
        for asset in assets { owners[asset.path] = "the theme's file /\(asset.path)" }
        for path in ["sitemap.xml", "robots.txt", RedirectPageRenderer.fileName] { owners[path] = owners[path] ?? "the site's file /\(path)" }

        var problems: [Diagnostic] = []
        var claimed: [String: (guide: Int, alias: GuideAlias)] = [:]
        for index in guides.indices {
            for alias in guides[index].frontMatter.aliases {
                let file = alias.filePath
                if let (other, earlier) = claimed[file] {
                    let message = other == index
                        ? "the alias /\(alias.path) is given twice in this guide (line \(earlier.location.line) too)"
                        : "the alias /\(alias.path) is also an alias of \(guides[other].source.displayPath) (line \(earlier.location.line))"
                    problems.append(.error(at: alias.location, message, hint: "an old URL can redirect to one guide only; keep one of them"))
                } else if let owner = owners[file] {
                    let what = guides[index].path + "index.html" == file ? "this guide's own URL" : "the URL of \(owner)"
                    problems.append(.error(at: alias.location, "the alias /\(alias.path) is \(what)",
                                           hint: "remove it: a redirect page there would replace it"))
                } else if let folder = file.split(separator: "/").first, String(folder) + "/" == SearchIndexer.folder || folder == "assets" {
                    problems.append(.error(at: alias.location, "the alias /\(alias.path) lies in /\(folder)/, which the site's own files use"))
                } else {
                    claimed[file] = (index, alias)
                }
            }
        }
        return problems
    }
}
