import Mustache
import PrepressContent
import PrepressMarkdown

/// A guide as templates see it, on its own page (`guide`) and in lists (each of `guides`).
struct GuideView: MustacheParent, Sendable {
    let guide: Guide
    let urls: SiteURLs

    func child(named name: String) -> Any? {
        let matter = guide.frontMatter
        switch name {
        case "term", "title": return matter.term
        case "description": return present(matter.description)
        case "url": return urls.link(guide.path)
        case "permalink": return urls.absolute(guide.path)
        case "slug": return guide.slug
        case "category": return present(matter.category.map { TermView(name: $0, taxonomy: "categories", urls: urls) })
        case "vertical": return present(matter.vertical.map { TermView(name: $0, taxonomy: "verticals", urls: urls) })
        case "tags": return matter.tags.map { TermView(name: $0, taxonomy: "tags", urls: urls) }
        case "has_tags": return !matter.tags.isEmpty
        case "author": return present(matter.author.map { AuthorView(author: $0, urls: urls) })
        case "avatar": return present(matter.avatar.map { ImageView(image: $0, urls: urls) })
        case "image": return present(matter.image.map { ImageView(image: $0, urls: urls) })
        case "published": return present(matter.pubDate.map(DateView.init))
        case "updated": return present(updated.map(DateView.init))
        case "content": return guide.rendered.html
        case "toc": return tableOfContents
        case "has_toc": return guide.rendered.headings.contains { $0.level == 2 || $0.level == 3 }
        case "word_count": return guide.rendered.wordCount
        case "reading_time": return guide.readingTime
        case "draft": return matter.draft
        case "params": return matter.params.templateDictionary
        case "source_path": return guide.source.relativePath
        default: return nil
        }
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

/// One entry of a table of contents.
struct TocEntryView: MustacheParent, Sendable {
    let heading: Heading
    var children: [TocEntryView] = []

    func child(named name: String) -> Any? {
        switch name {
        case "id": heading.id
        case "text": heading.text
        case "level": heading.level
        case "children": children
        case "has_children": !children.isEmpty
        default: nil
        }
    }
}

/// A taxonomy term linked to its page: a category, vertical or tag.
struct TermView: MustacheParent, Sendable {
    let name: String
    let taxonomy: String
    let urls: SiteURLs

    var slug: String { Slug.make(name) }

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "slug": slug
        case "url": urls.link(SiteURLs.termPath(taxonomy: taxonomy, slug: slug))
        default: nil
        }
    }
}

struct AuthorView: MustacheParent, Sendable {
    let author: Author
    let urls: SiteURLs

    func child(named name: String) -> Any? {
        switch name {
        case "name": author.name
        case "url": present(author.url.map(urls.authored))
        default: nil
        }
    }
}

struct ImageView: MustacheParent, Sendable {
    let image: ImageReference
    let urls: SiteURLs

    func child(named name: String) -> Any? {
        switch name {
        case "url": urls.authored(image.url)
        case "absolute_url": urls.absoluteAuthored(image.url)
        case "alt": image.alt ?? ""
        default: nil
        }
    }
}

struct DateView: MustacheParent, Sendable {
    let date: GuideDate

    func child(named name: String) -> Any? {
        switch name {
        case "machine": date.machineReadable
        case "display": date.displayText
        case "iso": date.day8601
        case "rfc3339": date.rfc3339
        case "year": date.year
        default: nil
        }
    }
}
