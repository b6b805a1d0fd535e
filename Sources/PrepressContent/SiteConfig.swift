import Foundation

/// The site's settings from `site.yml`; every key has a default.
public struct SiteConfig: Sendable, Equatable {
    public var title = "Interview Guides"
    public var description: String?
    /// Absolute URL the site is published at, ending in `/`; it may include a path.
    public var baseURL = "http://localhost:8080/"
    /// BCP 47 language tag written on `<html lang>`.
    public var language = "en"
    /// Default author for `prepress new` and for feeds.
    public var author: String?
    /// Guides per list page.
    public var paginate = 20
    /// Entries in each Atom feed, newest first.
    public var feedLimit = 20
    /// Ways of grouping guides, each with an index page and a page per term.
    public var taxonomies: [TaxonomyConfig] = TaxonomyConfig.defaults
    public var smartPunctuation = true
    public var unsafeHTML = true
    /// Folds answers behind "Show answer" on guide pages.
    public var practiceMode = true
    /// Questions per page of the question bank.
    public var questionsPerPage = 50
    /// The `params:` mapping, handed to templates as `site.params`.
    public var params: [ParamEntry] = []

    public init() {}

    /// The path part of the base URL, always starting and ending with `/` (`/` or `/prep/`).
    public var basePath: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        var path = String(rest)
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The taxonomy grouping by a front-matter key, if the site has one.
    public func taxonomy(forKey key: String) -> TaxonomyConfig? {
        taxonomies.first { $0.key == key }
    }

    /// The base URL with exactly one trailing slash.
    public static func normalizedBaseURL(_ url: String) -> String {
        var result = url.trimmingSpaces
        while result.hasSuffix("/") { result.removeLast() }
        return result + "/"
    }
}

/// Reads `site.yml` text into a `SiteConfig`, reporting unknown keys and wrong types.
public enum SiteConfigParser {
    public static func parse(_ source: String, file: String = "site.yml") throws(DiagnosticsError) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        let tree = try YAMLTreeParser.parse(GuideParser.normalize(source), file: file)
        guard let tree else { return (config, []) }
        guard case .map(let entries) = tree.value else {
            throw DiagnosticsError([.error(at: SourceLocation(file: file, line: tree.line, column: tree.column),
                                           "site.yml must be a mapping of keys to values, not \(tree.kindName)")])
        }
        func location(_ node: FrontMatterNode) -> SourceLocation {
            SourceLocation(file: file, line: node.line, column: node.column)
        }
        func text(_ node: FrontMatterNode, _ key: String) -> String? {
            guard case .scalar(let value, _) = node.value else {
                diagnostics.append(.error(at: location(node), "'\(key)' must be a text, not \(node.kindName)"))
                return nil
            }
            return value.trimmingSpaces
        }
        func bool(_ node: FrontMatterNode, _ key: String) -> Bool? {
            switch text(node, key)?.lowercased() {
            case "true"?, "yes"?, "on"?: return true
            case "false"?, "no"?, "off"?: return false
            case nil: return nil
            case let other?:
                diagnostics.append(.error(at: location(node), "'\(key)' must be true or false, not '\(other)'"))
                return nil
            }
        }
        for entry in entries {
            let node = entry.node
            switch entry.key {
            case "title": config.title = text(node, "title") ?? config.title
            case "description": config.description = text(node, "description").flatMap { $0.isEmpty ? nil : $0 }
            case "base_url":
                if let url = text(node, "base_url") {
                    if url.hasPrefix("http://") || url.hasPrefix("https://") {
                        config.baseURL = SiteConfig.normalizedBaseURL(url)
                    } else {
                        diagnostics.append(.error(at: location(node), "'base_url' must be an absolute http(s) URL, not '\(url)'",
                                                  hint: "write `base_url: https://example.org/` (a path such as /prep/ may follow)"))
                    }
                }
            case "language": config.language = text(node, "language") ?? config.language
            case "author": config.author = text(node, "author")
            case "paginate":
                if let value = text(node, "paginate") {
                    if let number = Int(value), number > 0 {
                        config.paginate = number
                    } else {
                        diagnostics.append(.error(at: location(node), "'paginate' must be a whole number above 0, not '\(value)'"))
                    }
                }
            case "markdown":
                guard case .map(let options) = node.value else {
                    diagnostics.append(.error(at: location(node), "'markdown' must be a mapping"))
                    continue
                }
                for option in options {
                    switch option.key {
                    case "smart_punctuation": config.smartPunctuation = bool(option.node, "markdown.smart_punctuation") ?? true
                    case "unsafe_html": config.unsafeHTML = bool(option.node, "markdown.unsafe_html") ?? true
                    default:
                        diagnostics.append(.warning(at: location(option.node), "unknown key 'markdown.\(option.key)' is ignored",
                                                    hint: "markdown has `smart_punctuation` and `unsafe_html`"))
                    }
                }
            case "practice_mode": config.practiceMode = bool(node, "practice_mode") ?? true
            case "questions_per_page":
                if let value = text(node, "questions_per_page") {
                    if let number = Int(value), number > 0 {
                        config.questionsPerPage = number
                    } else {
                        diagnostics.append(.error(at: location(node), "'questions_per_page' must be a whole number above 0, not '\(value)'"))
                    }
                }
            case "feed_limit":
                if let value = text(node, "feed_limit") {
                    if let number = Int(value), number > 0 {
                        config.feedLimit = number
                    } else {
                        diagnostics.append(.error(at: location(node), "'feed_limit' must be a whole number above 0, not '\(value)'"))
                    }
                }
            case "taxonomies":
                config.taxonomies = TaxonomyConfig.parse(node, file: file, into: &diagnostics)
            case "params":
                if case .map(let params) = ParamValue(node) { config.params = params } else {
                    diagnostics.append(.error(at: location(node), "'params' must be a mapping"))
                }
            default:
                diagnostics.append(.warning(at: location(node), "unknown key '\(entry.key)' is ignored",
                                            hint: "site.yml keys: title, description, base_url, language, author, paginate, feed_limit, practice_mode, questions_per_page, taxonomies, markdown, params"))
            }
        }
        if diagnostics.contains(where: \.isError) { throw DiagnosticsError(diagnostics) }
        return (config, diagnostics)
    }
}

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
    public static let reservedPaths: Set<String> = ["guides", "page", "assets", "questions", "feed.xml", "sitemap.xml", "robots.txt", "404.html", "index.html"]

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
