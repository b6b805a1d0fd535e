import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A guide as templates see it, on its own page (`guide`) and in lists (each of `guides`).
struct GuideView: TemplateView {
    /// Position of the guide in `context.guides`.
    let index: Int
    let context: ViewContext

    /// The guide, borrowed in place: a key reads the fields it needs rather than a copy of the whole guide.
    var guide: Guide {
        unsafeAddress { UnsafePointer(context.guide(at: index)) }
    }

    static let templateKeys = TemplateKeys<GuideView>("a guide", plural: "guides", [
        "term": .text { $0.guide.frontMatter.term },
        "title": .text { $0.guide.frontMatter.term },
        "description": .optionalText { $0.guide.frontMatter.description },
        "url": .text { $0.context.guideLinks[$0.index] },
        "permalink": .text { $0.context.urls.absolute($0.guide.path) },
        "slug": .text { $0.guide.slug },
        "category": .optionalView { view in view.guide.frontMatter.category.map { view.term($0, key: "category") } },
        "vertical": .optionalView { view in view.guide.frontMatter.vertical.map { view.term($0, key: "vertical") } },
        "tags": .list { $0.uniqueTags },
        "has_tags": .flag { !$0.guide.frontMatter.tags.isEmpty },
        "author": .optionalView { view in
            view.guide.frontMatter.author.map { AuthorView(author: $0, page: view.term($0.name, key: "author"), urls: view.context.urls) }
        },
        "avatar": .optionalView { view in view.guide.frontMatter.avatar.map { ImageView(image: $0, urls: view.context.urls) } },
        "image": .optionalView { view in view.guide.frontMatter.image.map { ImageView(image: $0, urls: view.context.urls) } },
        "published": .optionalView { $0.guide.frontMatter.pubDate.map(DateView.init) },
        "updated": .optionalView { $0.updated.map(DateView.init) },
        "content": .text { $0.guide.rendered.html },
        "toc": .list { $0.tableOfContents },
        "has_toc": .flag { $0.guide.rendered.headings.contains { $0.level == 2 || $0.level == 3 } },
        "word_count": .number { $0.guide.rendered.wordCount },
        "reading_time": .number { $0.guide.readingTime },
        "draft": .flag { $0.guide.frontMatter.draft },
        "params": .data { $0.guide.frontMatter.params.templateData },
        "source_path": .text { $0.guide.source.relativePath },
        "breadcrumbs": .list { $0.breadcrumbs },
        "question_groups": .list { view in
            view.guide.rendered.questionGroups.indices.map { QuestionGroupView(context: view.context, guide: view.index, group: $0) }
        },
        "question_count": .number { $0.guide.rendered.questionCount },
        "has_questions": .flag { !$0.guide.rendered.questionGroups.isEmpty },
        "question_summary": .optionalBytes { $0.questionSummary },
        "related": .list { view in view.context.related[view.index].map { GuideView(index: $0, context: view.context) } },
        "has_related": .flag { !$0.context.related[$0.index].isEmpty },
        "json_ld": .bytes { $0.context.writesStructuredData ? StructuredData(context: $0.context).jsonLD(for: $0.index) : [] },
        "card": .text { $0.index < $0.context.cards.count ? $0.context.cards[$0.index] : "" },
        "previous": .optionalView { view in
            view.context.neighbors[view.index]?.previous.map { GuideLinkView(index: $0, context: view.context) }
        },
        "next": .optionalView { view in
            view.context.neighbors[view.index]?.next.map { GuideLinkView(index: $0, context: view.context) }
        },
    ])

    /// A name under a taxonomy, spelled and linked as the site's term for it.
    private func term(_ name: String, key: String) -> TermView {
        context.termView(named: name, key: key)
    }

    /// Tags as terms; two spellings of one tag show once.
    /// (A guide has a handful of tags: the terms found so far are searched, where a set of slugs was made and
    /// hashed for every page.)
    private var uniqueTags: [TermView] {
        let names = guide.frontMatter.tags
        var views: [TermView] = []
        views.reserveCapacity(names.count)
        for name in names {
            let view = term(name, key: "tags")
            if !views.contains(where: { $0.slug == view.slug }) { views.append(view) }
        }
        return views
    }

    /// "4 questions · 1 technical · 1 behavioral · …", or nil for a guide without questions: written as bytes
    /// (interpolated and joined, it made a string per group and one per page, and lowercased each name through
    /// Unicode's tables; an ASCII name is lowercased on its bytes).
    private var questionSummary: [UInt8]? {
        let groups = guide.rendered.questionGroups
        guard !groups.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 + groups.count * 24)
        let total = guide.rendered.questionCount
        appendNumber(total, to: &bytes)
        bytes += (total == 1 ? " question" : " questions").utf8
        for group in groups {
            bytes += " · ".utf8
            appendNumber(group.questions.count, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            var name = group.name
            let isASCII = name.withUTF8 { utf8 in
                guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
                for byte in utf8 { bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte) }
                return true
            }
            if !isASCII { bytes += name.lowercased().utf8 }
        }
        return bytes
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
