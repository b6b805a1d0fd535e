import Mustache
import PrepressContent
import PrepressMarkdown

/// A guide as templates see it, on its own page (`guide`) and in lists (each of `guides`).
struct GuideView: MustacheTypedParent, Sendable {
    /// Position of the guide in `context.guides`.
    let index: Int
    let context: SiteContext

    /// The guide, borrowed in place: a key reads the fields it needs rather than a copy of the whole guide.
    var guide: Guide {
        _read { yield context.guides[index] }
    }

    func value(named name: String) -> MustacheValue? {
        let urls = context.urls
        switch name {
        case "term", "title": return .text(guide.frontMatter.term)
        case "description": return present(guide.frontMatter.description)
        case "url": return .text(urls.link(guide.path))
        case "permalink": return .text(urls.absolute(guide.path))
        case "slug": return .text(guide.slug)
        case "category": return present(guide.frontMatter.category.map { term($0, key: "category") })
        case "vertical": return present(guide.frontMatter.vertical.map { term($0, key: "vertical") })
        case "tags": return list(uniqueTags)
        case "has_tags": return .flag(!guide.frontMatter.tags.isEmpty)
        case "author": return present(guide.frontMatter.author.map { AuthorView(author: $0, page: term($0.name, key: "author"), urls: urls) })
        case "avatar": return present(guide.frontMatter.avatar.map { ImageView(image: $0, urls: urls) })
        case "image": return present(guide.frontMatter.image.map { ImageView(image: $0, urls: urls) })
        case "published": return present(guide.frontMatter.pubDate.map(DateView.init))
        case "updated": return present(updated.map(DateView.init))
        case "content": return .text(guide.rendered.html)
        case "toc": return list(tableOfContents)
        case "has_toc": return .flag(guide.rendered.headings.contains { $0.level == 2 || $0.level == 3 })
        case "word_count": return .number(guide.rendered.wordCount)
        case "reading_time": return .number(guide.readingTime)
        case "draft": return .flag(guide.frontMatter.draft)
        case "params": return .other(guide.frontMatter.params.templateDictionary)
        case "source_path": return .text(guide.source.relativePath)
        case "breadcrumbs": return list(breadcrumbs)
        case "question_groups":
            let guideURL = urls.link(guide.path)
            return list(guide.rendered.questionGroups.map { QuestionGroupView(group: $0, guideURL: guideURL) })
        case "question_count": return .number(guide.rendered.questions.count)
        case "has_questions": return .flag(!guide.rendered.questionGroups.isEmpty)
        case "question_summary": return present(questionSummary)
        case "related": return list(context.related[index].map { GuideView(index: $0, context: context) })
        case "has_related": return .flag(!context.related[index].isEmpty)
        case "json_ld": return .text(context.writesStructuredData ? StructuredData(context: context).jsonLD(for: index) : "")
        case "card": return .text(index < context.cards.count ? context.cards[index] : "")
        case "previous": return present(context.neighbors[index]?.previous.map { GuideLinkView(guide: context.guides[$0], urls: urls) })
        case "next": return present(context.neighbors[index]?.next.map { GuideLinkView(guide: context.guides[$0], urls: urls) })
        default: return nil
        }
    }

    /// A name under a taxonomy, spelled and linked as the site's term for it.
    private func term(_ name: String, key: String) -> TermView {
        TermView(name: name, taxonomy: context.taxonomy(forKey: key), urls: context.urls)
    }

    /// Tags as terms; two spellings of one tag show once.
    private var uniqueTags: [TermView] {
        var seen: Set<String> = []
        return guide.frontMatter.tags.compactMap { name in
            let view = term(name, key: "tags")
            return seen.insert(view.slug).inserted ? view : nil
        }
    }

    /// "4 questions · 1 technical · 1 behavioral · …", or nil for a guide without questions.
    private var questionSummary: String? {
        let groups = guide.rendered.questionGroups
        guard !groups.isEmpty else { return nil }
        let total = groups.reduce(0) { $0 + $1.questions.count }
        var parts = ["\(total) question\(total == 1 ? "" : "s")"]
        parts += groups.map { "\($0.questions.count) \($0.name.lowercased())" }
        return parts.joined(separator: " · ")
    }

    /// Home › Category › Guide.
    private var breadcrumbs: [CrumbView] {
        var crumbs = [CrumbView(name: "Home", url: context.urls.link(""))]
        if let category = guide.frontMatter.category {
            let view = term(category, key: "category")
            crumbs.append(CrumbView(name: view.displayName, url: view.url))
        }
        crumbs.append(CrumbView(name: guide.frontMatter.term, url: nil))
        return crumbs
    }

    /// The modification date, when it says something the publication date does not.
    private var updated: GuideDate? {
        guard let modified = guide.frontMatter.modDate else { return nil }
        if let published = guide.frontMatter.pubDate, published.day8601 == modified.day8601 { return nil }
        return modified
    }

    /// `##` headings with their `###` headings beneath them.
    private var tableOfContents: [TocEntryView] {
        var entries: [TocEntryView] = []
        for heading in guide.rendered.headings where heading.level == 2 || heading.level == 3 {
            if heading.level == 3, !entries.isEmpty, entries[entries.count - 1].heading.level == 2 {
                entries[entries.count - 1].children.append(TocEntryView(heading: heading))
            } else {
                entries.append(TocEntryView(heading: heading))
            }
        }
        return entries
    }
}

/// What `partials/guide-card` is rendered with: the guide's keys, and `site`.
struct CardView: MustacheTypedParent, Sendable {
    let guide: GuideView

    func value(named name: String) -> MustacheValue? {
        name == "site" ? .object(guide.context.siteView) : guide.value(named: name)
    }
}

/// A guide's title and link, for previous/next navigation and the question bank.
struct GuideLinkView: MustacheTypedParent, Sendable {
    let term: String
    let url: String

    init(guide: Guide, urls: SiteURLs) {
        term = guide.frontMatter.term
        url = urls.link(guide.path)
    }

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "term", "title": .text(term)
        case "url": .text(url)
        default: nil
        }
    }
}

/// One step of a breadcrumb trail; the current page has no URL.
struct CrumbView: MustacheTypedParent, Sendable {
    let name: String
    let url: String?

    func value(named key: String) -> MustacheValue? {
        switch key {
        case "name": .text(name)
        case "url": present(url)
        case "is_current": .flag(url == nil)
        default: nil
        }
    }
}

/// One entry of a table of contents.
struct TocEntryView: MustacheTypedParent, Sendable {
    let heading: Heading
    var children: [TocEntryView] = []

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "id": .text(heading.id)
        case "text": .text(heading.text)
        case "level": .number(heading.level)
        case "children": list(children)
        case "has_children": .flag(!children.isEmpty)
        default: nil
        }
    }
}

/// A name under a taxonomy: a category, vertical or tag, spelled as the site's term and linked to its page.
///
/// Its texts are made when it is, once: a template asks for `url` up to three times (`{{#url}}`, `{{url}}`,
/// `{{^url}}`).
struct TermView: MustacheTypedParent, Sendable {
    let slug: String
    let displayName: String
    /// The term's page; nil when the site has no such taxonomy.
    let url: String?

    init(name: String, taxonomy: Taxonomy?, urls: SiteURLs) {
        if let taxonomy, let position = taxonomy.position(named: name) {
            let term = taxonomy.terms[position]
            slug = term.slug
            displayName = term.name
            url = urls.link(taxonomy.path(of: term))
        } else {
            slug = Slug.make(name)
            displayName = name
            url = nil
        }
    }

    func value(named key: String) -> MustacheValue? {
        switch key {
        case "name": .text(displayName)
        case "slug": .text(slug)
        case "url": present(url)
        default: nil
        }
    }
}

struct AuthorView: MustacheTypedParent, Sendable {
    let author: Author
    /// The author's page when the site has an `author` taxonomy.
    let page: TermView
    let urls: SiteURLs

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "name": .text(author.name)
        case "url": present(author.url.map(urls.authored))
        case "page_url": present(page.url)
        default: nil
        }
    }
}

struct ImageView: MustacheTypedParent, Sendable {
    let image: ImageReference
    let urls: SiteURLs

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "url": .text(urls.authored(image.url))
        case "absolute_url": .text(urls.absoluteAuthored(image.url))
        case "alt": .text(image.alt ?? "")
        default: nil
        }
    }
}

struct DateView: MustacheTypedParent, Sendable {
    let date: GuideDate

    func value(named name: String) -> MustacheValue? {
        switch name {
        case "machine": .text(date.machineReadable)
        case "display": .text(date.displayText)
        case "iso": .text(date.day8601)
        case "rfc3339": .text(date.rfc3339)
        case "year": .number(date.year)
        default: nil
        }
    }
}
