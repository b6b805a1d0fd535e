import Foundation

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
                    case "highlight": config.highlight = bool(option.node, "markdown.highlight") ?? true
                    default:
                        diagnostics.append(.warning(at: location(option.node), "unknown key 'markdown.\(option.key)' is ignored",
                                                    hint: "markdown has `smart_punctuation`, `unsafe_html` and `highlight`"))
                    }
                }
            case "structured_data":
                guard case .map(let options) = node.value else {
                    diagnostics.append(.error(at: location(node), "'structured_data' must be a mapping",
                                              hint: "write `structured_data: {faq: true}`"))
                    continue
                }
                for option in options {
                    switch option.key {
                    case "faq": config.faqStructuredData = bool(option.node, "structured_data.faq") ?? false
                    default:
                        diagnostics.append(.warning(at: location(option.node), "unknown key 'structured_data.\(option.key)' is ignored",
                                                    hint: "structured_data has `faq`; Article and BreadcrumbList are always written"))
                    }
                }
            case "practice_mode": config.practiceMode = bool(node, "practice_mode") ?? true
            case "search": config.search = bool(node, "search") ?? true
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
            case "permalinks":
                guard case .map(let kinds) = node.value else {
                    diagnostics.append(.error(at: location(node), "'permalinks' must be a mapping",
                                              hint: "write `permalinks: {guide: \"/guides/:slug/\"}`"))
                    continue
                }
                for kind in kinds {
                    guard kind.key == "guide" else {
                        diagnostics.append(.warning(at: location(kind.node), "unknown key 'permalinks.\(kind.key)' is ignored",
                                                    hint: "permalinks has `guide`; the folders of taxonomy pages are set under `taxonomies`"))
                        continue
                    }
                    guard let pattern = text(kind.node, "permalinks.guide") else { continue }
                    switch PermalinkPattern.parse(pattern) {
                    case .success(let parsed): config.guidePermalink = parsed
                    case .failure(let problem):
                        diagnostics.append(.error(at: location(kind.node), "'permalinks.guide' \(problem.message)", hint: problem.hint))
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
                                            hint: "site.yml keys: title, description, base_url, language, author, paginate, feed_limit, practice_mode, questions_per_page, search, structured_data, permalinks, taxonomies, markdown, params"))
            }
        }
        if diagnostics.contains(where: \.isError) { throw DiagnosticsError(diagnostics) }
        return (config, diagnostics)
    }
}
