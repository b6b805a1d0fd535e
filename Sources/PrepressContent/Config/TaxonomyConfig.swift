import Foundation

/// One taxonomy: the front-matter key it groups by, the folder of its pages, and its title.
public struct TaxonomyConfig: Sendable, Equatable {
    /// Front-matter key: `tags`, `category`, `vertical`, `author`, or any other key holding texts.
    public var key: String
    /// URL folder of its pages (`tags` → /tags/ and /tags/<term>/).
    public var path: String
    /// Heading of its index page and its name in the site's navigation.
    public var title: String

    public init(key: String, path: String, title: String) {
        self.key = key
        self.path = path
        self.title = title
    }

    public static let defaults = [
        TaxonomyConfig(key: "category", path: "categories", title: "Categories"),
        TaxonomyConfig(key: "vertical", path: "verticals", title: "Verticals"),
        TaxonomyConfig(key: "tags", path: "tags", title: "Tags"),
    ]

    /// Folders of the site's own pages, which no taxonomy may take.
    public static let reservedPaths: Set<String> = ["guides", "page", "assets", "questions", "search", "feed.xml", "sitemap.xml", "robots.txt", "404.html", "index.html"]

    /// Reads `taxonomies:`, laid over the defaults: `key: folder`, `key: {path, title}`, or `key: false` to drop one.
    static func parse(_ node: FrontMatterNode, file: String, into diagnostics: inout [Diagnostic]) -> [TaxonomyConfig] {
        func location(_ node: FrontMatterNode) -> SourceLocation {
            SourceLocation(file: file, line: node.line, column: node.column)
        }
        guard case .map(let entries) = node.value else {
            diagnostics.append(.error(at: location(node), "'taxonomies' must be a mapping of front-matter keys to URL folders",
                                      hint: "write e.g. `taxonomies: {author: authors}`"))
            return defaults
        }
        var result = defaults
        for entry in entries {
            var path: String?
            var title: String?
            switch entry.node.value {
            case .scalar(let text, let quoted):
                let lowered = text.lowercased()
                if !quoted, ["false", "no", "off", "null", "~", ""].contains(lowered) {
                    result.removeAll { $0.key == entry.key }
                    continue
                }
                path = text.trimmingSpaces
            case .map(let options):
                for option in options {
                    guard case .scalar(let text, _) = option.node.value else {
                        diagnostics.append(.error(at: location(option.node), "'taxonomies.\(entry.key).\(option.key)' must be a text"))
                        continue
                    }
                    switch option.key {
                    case "path": path = text.trimmingSpaces
                    case "title": title = text.trimmingSpaces
                    default:
                        diagnostics.append(.warning(at: location(option.node), "unknown key 'taxonomies.\(entry.key).\(option.key)' is ignored",
                                                    hint: "a taxonomy has `path` and `title`"))
                    }
                }
            case .list:
                diagnostics.append(.error(at: location(entry.node), "'taxonomies.\(entry.key)' must be a URL folder or a mapping with 'path' and 'title'"))
                continue
            }
            let existing = result.firstIndex { $0.key == entry.key }
            let folder = path ?? existing.map { result[$0].path } ?? Slug.make(entry.key)
            if let problem = Slug.problem(withExplicitSlug: folder), !folder.isEmpty {
                diagnostics.append(.error(at: location(entry.node), "taxonomy folder '\(folder)' \(problem)"))
                continue
            }
            if folder.isEmpty || reservedPaths.contains(folder) {
                diagnostics.append(.error(at: location(entry.node), "taxonomy folder '\(folder)' is taken by the site's own pages",
                                          hint: "choose another folder, e.g. `\(entry.key): \(Slug.make(entry.key))-index`"))
                continue
            }
            let name = title ?? existing.map { result[$0].title } ?? folder.prefix(1).uppercased() + folder.dropFirst()
            let taxonomy = TaxonomyConfig(key: entry.key, path: folder, title: name)
            if let existing { result[existing] = taxonomy } else { result.append(taxonomy) }
        }
        var seen: [String: String] = [:]
        for taxonomy in result {
            if let other = seen[taxonomy.path] {
                diagnostics.append(.error(at: location(node), "taxonomies '\(other)' and '\(taxonomy.key)' both use the folder /\(taxonomy.path)/"))
            }
            seen[taxonomy.path] = taxonomy.key
        }
        return result
    }
}
