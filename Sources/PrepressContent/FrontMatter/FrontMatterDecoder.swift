/// Applies the front-matter schema to a parsed tree: types each known key and reports every mismatch.
public struct FrontMatterDecoder {
    public let file: String
    /// Where the front matter starts, for problems that belong to no key (such as a missing term).
    public let start: SourceLocation
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String, start: SourceLocation) {
        self.file = file
        self.start = start
    }

    /// Returns the typed front matter, or nil when an error makes it unusable; `diagnostics` holds why.
    public mutating func decode(_ root: FrontMatterNode?) -> FrontMatter? {
        guard let root else {
            error(at: start, "front matter is empty", hint: "add at least `term: \"Your Guide Title\"`")
            return nil
        }
        guard case .map(let entries) = root.value else {
            error(at: location(root), "front matter must be a mapping of keys to values, not \(root.kindName)",
                  hint: "write one `key: value` per line")
            return nil
        }
        let errorsBefore = diagnostics.filter(\.isError).count
        var matter = FrontMatter(term: "")
        var term: String?
        let unused = unusedAliases(entries)
        var extraTags: [String] = []
        func given(_ keys: String...) -> Bool { entries.contains { keys.contains($0.key) } }

        for entry in entries {
            let node = entry.node
            matter.locations[entry.key] = location(node)
            if unused.contains(entry.key) { continue }
            if let canonical = Self.canonicalKey[entry.key] { matter.locations[canonical] = location(node) }
            switch entry.key {
            case "term", "title": term = requiredText(node, key: entry.key)
            case "description", "summary": matter.description = optionalText(node, key: entry.key)
            case "category": matter.category = optionalText(node, key: "category")
            case "categories": (matter.category, extraTags) = categories(node)
            case "vertical": matter.vertical = optionalText(node, key: "vertical")
            case "tags": matter.tags = tags(node, key: "tags")
            case "keywords": matter.tags = tags(node, key: "keywords")
            case "pubDate", "date": matter.pubDate = date(node, key: entry.key)
            case "modDate", "lastmod", "updated", "last_modified_at": matter.modDate = date(node, key: entry.key)
            case "last_update": matter.modDate = lastUpdate(node)
            case "author": matter.author = author(node)
            case "avatar": matter.avatar = imageReference(node, key: "avatar")
            case "image": matter.image = imageReference(node, key: "image")
            case "slug": matter.slug = slug(node)
            case "draft": matter.draft = bool(node, key: "draft") ?? false
            case "aliases", "redirect_from": matter.aliases += aliases(node, key: entry.key)
            case "taxonomies" where Self.isZolaTaxonomies(node):
                let (tags, categories) = zolaTaxonomies(node, hasTags: given("tags", "keywords"), hasCategory: given("category", "categories"))
                if let tags { matter.tags = tags }
                if let categories {
                    matter.category = categories.first
                    extraTags += categories.dropFirst()
                }
            default: matter.params.append(ParamEntry(key: entry.key, value: ParamValue(node)))
            }
        }
        for tag in extraTags where !matter.tags.contains(tag) { matter.tags.append(tag) }

        if let term {
            matter.term = term
        } else if entries.contains(where: { $0.key == "term" || $0.key == "title" }) == false {
            error(at: start, "missing 'term': every guide needs a title",
                  hint: "add `term: \"Your Guide Title\"` (or `title:`) to the front matter")
        }
        if matter.avatar != nil, matter.avatar?.alt == nil, let name = matter.author?.name {
            matter.avatar?.alt = name
        }
        let errorsAfter = diagnostics.filter(\.isError).count
        return errorsAfter == errorsBefore ? matter : nil
    }

    // MARK: - Other generators' keys

    /// Keys other generators (Hugo, Jekyll, Zola, Docusaurus, Eleventy) write for a Prepress key, in the order
    /// one is taken when several are given; the Prepress key, first, always wins.
    static let aliases: [(key: String, aliases: [String])] = [
        ("term", ["title"]),
        ("description", ["summary"]),
        ("pubDate", ["date"]),
        ("modDate", ["lastmod", "updated", "last_modified_at", "last_update"]),
        ("category", ["categories"]),
        ("tags", ["keywords"]),
    ]

    /// The Prepress key each alias stands for.
    static let canonicalKey: [String: String] = Dictionary(
        uniqueKeysWithValues: aliases.flatMap { entry in entry.aliases.map { ($0, entry.key) } })

    /// The keys given for a Prepress key that another key given for it overrides, each reported.
    private mutating func unusedAliases(_ entries: [FrontMatterEntry]) -> Set<String> {
        let given = Dictionary(entries.map { ($0.key, $0.node) }, uniquingKeysWith: { first, _ in first })
        var used: [String: (key: String, winner: String)] = [:]
        for (key, aliases) in Self.aliases {
            let present = ([key] + aliases).filter { given[$0] != nil }
            for other in present.dropFirst() { used[other] = (key, present[0]) }
        }
        for entry in entries {
            guard let (key, winner) = used[entry.key] else { continue }
            warning(at: location(entry.node), "'\(entry.key)' is not used: '\(winner)' is given too and wins",
                    hint: "both set the guide's \(key); remove '\(entry.key)'")
        }
        return Set(used.keys)
    }

    /// Hugo's and Jekyll's `categories`: the first is the guide's category, the others become tags.
    private mutating func categories(_ node: FrontMatterNode) -> (String?, [String]) {
        switch node.value {
        case .scalar:
            return (optionalText(node, key: "categories"), [])
        case .list:
            let names = tags(node, key: "categories")
            return (names.first, Array(names.dropFirst()))
        case .map:
            error(at: location(node), "'categories' must be a list of texts, not a mapping",
                  hint: "write `categories: [\"Engineering\"]`, or `category: Engineering`")
            return (nil, [])
        }
    }

    /// Whether `taxonomies` is Zola's table of a page's terms (`[taxonomies]` with `tags` or `categories`).
    static func isZolaTaxonomies(_ node: FrontMatterNode) -> Bool {
        guard case .map(let entries) = node.value else { return false }
        return entries.contains { $0.key == "tags" || $0.key == "categories" }
    }

    /// Zola's `[taxonomies]`: `tags` are the guide's tags and the first of `categories` its category (the
    /// others tags), unless the front matter gives them itself; other taxonomies are reported as unused.
    private mutating func zolaTaxonomies(_ node: FrontMatterNode, hasTags: Bool, hasCategory: Bool) -> (tags: [String]?, categories: [String]?) {
        guard case .map(let entries) = node.value else { return (nil, nil) }
        var tags: [String]?
        var categories: [String]?
        for entry in entries {
            switch entry.key {
            case "tags" where hasTags, "categories" where hasCategory:
                let winner = entry.key == "tags" ? "tags" : "category"
                warning(at: location(entry.node), "'taxonomies.\(entry.key)' is not used: '\(winner)' is given too and wins",
                        hint: "both set the guide's \(winner); remove one of them")
            case "tags": tags = self.tags(entry.node, key: "taxonomies.tags")
            case "categories": categories = self.tags(entry.node, key: "taxonomies.categories")
            default:
                warning(at: location(entry.node), "'taxonomies.\(entry.key)' is not used",
                        hint: "Prepress reads Zola's taxonomies.tags and taxonomies.categories; other taxonomies are set in site.yml")
            }
        }
        return (tags, categories)
    }

    /// Docusaurus's `last_update: {date, author}`: its date is the guide's modDate.
    private mutating func lastUpdate(_ node: FrontMatterNode) -> GuideDate? {
        guard case .map(let entries) = node.value else {
            error(at: location(node), "'last_update' must be a mapping with a 'date', not \(node.kindName)",
                  hint: "write `modDate: 2025-01-14`, or `last_update: {date: 2025-01-14}`")
            return nil
        }
        var modified: GuideDate?
        for entry in entries {
            if entry.key == "date" {
                modified = date(entry.node, key: "last_update.date")
            } else {
                warning(at: location(entry.node), "'last_update.\(entry.key)' is not used",
                        hint: "Prepress reads only last_update.date, as the guide's modDate")
            }
        }
        return modified
    }

    /// Hugo's `aliases` and Jekyll's `redirect_from`: a path, or a list of them.
    private mutating func aliases(_ node: FrontMatterNode, key: String) -> [GuideAlias] {
        let items: [FrontMatterNode]
        switch node.value {
        case .scalar: items = [node]
        case .list(let list): items = list
        case .map:
            error(at: location(node), "'\(key)' must be a list of paths, not a mapping", hint: "write `\(key): [/old/path/]`")
            return []
        }
        var result: [GuideAlias] = []
        for item in items {
            guard let text = scalarText(item, key: key) else { continue }
            switch GuideAlias.sitePath(of: text) {
            case .success(let path): result.append(GuideAlias(path: path, location: location(item)))
            case .failure(let problem): error(at: location(item), "'\(key)' path '\(text.trimmingSpaces)' \(problem.message)", hint: problem.hint)
            }
        }
        return result
    }

    // MARK: - Kinds of value

    private mutating func scalarText(_ node: FrontMatterNode, key: String) -> String? {
        guard case .scalar(let text, _) = node.value else {
            error(at: location(node), "'\(key)' must be a text, not \(node.kindName)",
                  hint: node.kindName == "a list" ? "write one value, e.g. `\(key): \"…\"`" : nil)
            return nil
        }
        return text
    }

    /// A text that may be left empty; surrounding whitespace is dropped and empty reads as absent.
    private mutating func optionalText(_ node: FrontMatterNode, key: String) -> String? {
        guard let text = scalarText(node, key: key) else { return nil }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty, case .scalar(_, quoted: false) = node.value { return nil }
        return trimmed.isEmpty ? nil : trimmed
    }

    private mutating func requiredText(_ node: FrontMatterNode, key: String) -> String? {
        guard let text = scalarText(node, key: key) else { return nil }
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty {
            error(at: location(node), "'\(key)' is empty", hint: "give the guide a title")
            return nil
        }
        return trimmed
    }

    /// `tags` (or `keywords`, `categories`): a list, or one text — for `keywords`, names separated by commas.
    private mutating func tags(_ node: FrontMatterNode, key: String) -> [String] {
        switch node.value {
        case .scalar:
            guard let text = optionalText(node, key: key) else { return [] }
            guard key == "keywords" else { return [text] }
            var names: [String] = []
            for name in text.split(separator: ",").map({ String($0).trimmingSpaces }) where !name.isEmpty && !names.contains(name) {
                names.append(name)
            }
            return names
        case .list(let items):
            var result: [String] = []
            for item in items {
                guard case .scalar(let text, _) = item.value else {
                    error(at: location(item), key == "tags" ? "each tag must be a text, not \(item.kindName)"
                                                          : "each item of '\(key)' must be a text, not \(item.kindName)")
                    continue
                }
                let trimmed = text.trimmingSpaces
                if !trimmed.isEmpty, !result.contains(trimmed) { result.append(trimmed) }
            }
            return result
        case .map:
            error(at: location(node), "'\(key)' must be a list of texts, not a mapping",
                  hint: "write `tags: [\"Interview Prep\", \"B2B Sales\"]`")
            return []
        }
    }

    private mutating func date(_ node: FrontMatterNode, key: String) -> GuideDate? {
        guard let text = scalarText(node, key: key) else { return nil }
        if text.trimmingSpaces.isEmpty, case .scalar(_, quoted: false) = node.value { return nil }
        switch GuideDateParser.parse(text) {
        case .success(let date):
            return date
        case .failure(let failure):
            error(at: location(node), "'\(key)' is not a valid date: \(failure.reason)",
                  hint: "write a date as YYYY-MM-DD (2025-01-14) or a date-time as 2025-01-14T09:30:00+01:00")
            return nil
        }
    }

    private mutating func author(_ node: FrontMatterNode) -> Author? {
        switch node.value {
        case .scalar:
            return optionalText(node, key: "author").map { Author(name: $0) }
        case .map(let entries):
            var name: String?
            var url: String?
            for entry in entries {
                switch entry.key {
                case "name": name = optionalText(entry.node, key: "author.name")
                case "url": url = optionalText(entry.node, key: "author.url")
                default:
                    warning(at: location(entry.node), "'author.\(entry.key)' is not used", hint: "an author has `name` and `url`")
                }
            }
            guard let name else {
                error(at: location(node), "'author' needs a 'name'", hint: "write `author: {name: \"Ada Lovelace\", url: \"/about/\"}`")
                return nil
            }
            return Author(name: name, url: url)
        case .list:
            error(at: location(node), "'author' must be a text or a mapping with 'name' and 'url', not a list")
            return nil
        }
    }

    private mutating func imageReference(_ node: FrontMatterNode, key: String) -> ImageReference? {
        switch node.value {
        case .scalar:
            // A bare path is accepted as the url; the alt text then comes from elsewhere or is reported.
            return optionalText(node, key: key).map { ImageReference(url: $0) }
        case .map(let entries):
            var url: String?
            var alt: String?
            for entry in entries {
                switch entry.key {
                case "url", "src": url = optionalText(entry.node, key: "\(key).\(entry.key)")
                case "alt": alt = scalarText(entry.node, key: "\(key).alt").map(\.trimmingSpaces)
                default:
                    warning(at: location(entry.node), "'\(key).\(entry.key)' is not used", hint: "an image has `url` and `alt`")
                }
            }
            guard let url else {
                error(at: location(node), "'\(key)' needs a 'url'", hint: "write `\(key): {url: \"/images/photo.jpg\", alt: \"What it shows\"}`")
                return nil
            }
            return ImageReference(url: url, alt: alt)
        case .list:
            error(at: location(node), "'\(key)' must be a mapping with 'url' and 'alt', not a list")
            return nil
        }
    }

    private mutating func slug(_ node: FrontMatterNode) -> String? {
        guard let text = optionalText(node, key: "slug") else { return nil }
        if let problem = Slug.problem(withNestedSlug: text) {
            error(at: location(node), "'slug' \(problem)",
                  hint: "use lowercase letters, digits and hyphens, segments separated by '/', e.g. `slug: \(Slug.makeNested(text))`")
            return nil
        }
        return text
    }

    private mutating func bool(_ node: FrontMatterNode, key: String) -> Bool? {
        guard let text = scalarText(node, key: key) else { return nil }
        switch text.trimmingSpaces.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off", "": return false
        default:
            error(at: location(node), "'\(key)' must be true or false, not '\(text)'")
            return nil
        }
    }

    // MARK: - Reporting

    private func location(_ node: FrontMatterNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column)
    }

    private mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.error(at: location, message, hint: hint))
    }

    private mutating func warning(at location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(.warning(at: location, message, hint: hint))
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
