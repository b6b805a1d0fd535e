import PrepressContent
import PrepressTemplates

/// A digest of everything each page is made from, worked out without rendering it: a rebuild renders a page
/// only when its digest is not the one the last build recorded for its path (`PageRecord.pages`).
///
/// The parts:
/// - the site's (`sites`, by kind of page): the page record's site digest (theme, site.yml, options, prepress,
///   static files) and what a page's `site` key may show: whether there is a feed, the taxonomies' links, and
///   the question count and the taxonomies' term counts only for the kinds of page whose templates read them
///   (`TemplateReads.mayRead(_:of:under:)`: the built-in theme shows the question count on the home page
///   alone, so a question added does not render every guide page);
/// - each guide's own (`own`): its path, place, front matter, rendered body, the terms it is in as the site
///   names and links them, its neighbours' titles and links, and its card as rendered;
/// - a guide as a page shows it, `depth` views deep: its own digest and, beneath, its related guides' (a guide
///   page shows its related guides, a template could show theirs). The depth is the templates' own
///   (`TemplateReads.nesting`): the guide template of the built-in theme reads guides two deep (the guide,
///   its related guides), its list templates one deep.
///
/// Nil when the templates' nesting is unknown (a name looked up under free-form data, or guides nested deeper
/// than `TemplateReads.nestingLimit`): then the page record falls back to its site and shape digests.
struct PageDigests {
    /// The site's part by the kind of page (`Kind`), each with what that kind's templates read of the site.
    let sites: [Kind: UInt64]
    /// By guide index.
    let own: [UInt64]
    /// By guide index, the guide as a guide page shows it, and as a list page does.
    let onGuidePage: [UInt64]
    let inList: [UInt64]
    /// Whether a list page shows its taxonomy's term count.
    let listTermCounts: Bool

    /// Pages by the view their template renders: feeds and redirects are written by prepress, not a template.
    enum Kind: CaseIterable {
        case guide, list, taxonomy, questions, notFound, search, unthemed

        var view: (any TemplateView.Type)? {
            switch self {
            case .guide: GuidePageView.self
            case .list: ListPageView.self
            case .taxonomy: TaxonomyPageView.self
            case .questions: QuestionBankPageView.self
            case .notFound: NotFoundPageView.self
            case .search: SearchPageView.self
            case .unthemed: nil
            }
        }
    }

    /// `bodies` and `frontMatters` are each guide's digests of its rendered HTML and its front matter, by index.
    init?(context: SiteContext, reads: TemplateReads, siteDigest: UInt64, bodies: [UInt64], frontMatters: [UInt64]) {
        guard let guideDepth = reads.nesting(of: GuideView.self, under: GuidePageView.self),
              let listDepth = reads.nesting(of: GuideView.self, under: ListPageView.self) else { return nil }
        // The other pages show no guide as a guide view (the question bank links guides by title); cards are
        // digested as rendered.
        let others: [any TemplateView.Type] = [QuestionBankPageView.self, TaxonomyPageView.self, NotFoundPageView.self, SearchPageView.self]
        guard others.allSatisfy({ reads.nesting(of: GuideView.self, under: $0) == 0 }) else { return nil }
        listTermCounts = reads.mayRead("term_count", of: TaxonomyLinkView.self, under: ListPageView.self)

        var sites: [Kind: UInt64] = [:]
        for kind in Kind.allCases {
            // The question count and term counts change with many edits and few pages show them.
            let page = kind.view
            let questionCount = page.map { reads.mayRead("question_count", of: SiteView.self, under: $0) } ?? false
            let questionsLink = page.map { reads.mayRead("questions_url", of: SiteView.self, under: $0) } ?? false
            let termCounts = page.map { reads.mayRead("term_count", of: TaxonomyLinkView.self, under: $0) } ?? false
            var writer = CacheWriter(capacity: 256)
            writer.number(siteDigest)
            writer.flag(context.hasFeed)
            if questionCount { writer.number(UInt64(context.questionBank.totalCount)) }
            if questionsLink { writer.flag(context.questionBank.totalCount > 0) }
            for (position, taxonomy) in context.taxonomies.enumerated() {
                writer.string(taxonomy.config.key)
                writer.string(context.taxonomyLinks[position])
                if termCounts { writer.number(UInt64(taxonomy.terms.count)) }
            }
            sites[kind] = writer.bytes.withUnsafeBytes { XXHash64.hash($0) }
        }
        self.sites = sites

        let guides = context.guides
        let own: [UInt64] = Array(guides.indices).parallelMap { (index: Int) -> UInt64 in
            let guide = UnsafePointer(guides.pointer(at: index))
            var writer = CacheWriter(capacity: 1024)
            writer.string(guide.pointee.source.relativePath)
            writer.string(guide.pointee.path)
            writer.string(context.guideLinks[index])
            writer.number(frontMatters[index])
            writer.number(bodies[index])
            // The terms as the site spells and links them (a term's name is its guides' commonest spelling).
            func term(_ name: String, _ key: String) {
                let view = context.unretained.termView(named: name, key: key)
                writer.string(view.slug)
                writer.string(view.displayName)
                writer.optional(view.url) { $0.string($1) }
            }
            if let category = guide.pointee.frontMatter.category { term(category, "category") }
            if let vertical = guide.pointee.frontMatter.vertical { term(vertical, "vertical") }
            for tag in guide.pointee.frontMatter.tags { term(tag, "tags") }
            let neighbors = context.neighbors[index]
            for neighbor in [neighbors?.previous, neighbors?.next] {
                writer.optional(neighbor) { writer, neighbor in
                    writer.string(context.unretained.guide(at: neighbor).pointee.frontMatter.term)
                    writer.string(context.guideLinks[neighbor])
                }
            }
            // How many related guides it has (a section over them shows as many items, whatever it reads).
            writer.number(UInt64(context.related[index].count))
            let card = index < context.cards.count ? context.cards[index] : ""
            writer.number(XXHash64.hash(utf8Of: card))
            return writer.bytes.withUnsafeBytes { XXHash64.hash($0) }
        }
        self.own = own
        // Deeper: a guide's digest and those of its related guides one level less deep.
        let related = context.related
        func deepened(_ digests: [UInt64]) -> [UInt64] {
            Array(digests.indices).parallelMap { index in
                var writer = CacheWriter(capacity: 16 + related[index].count * 10)
                writer.number(own[index])
                writer.array(related[index]) { $0.number(digests[$1]) }
                return writer.bytes.withUnsafeBytes { XXHash64.hash($0) }
            }
        }
        var byDepth = [own]
        for _ in 1..<max(2, guideDepth, listDepth) { byDepth.append(deepened(byDepth[byDepth.count - 1])) }
        onGuidePage = byDepth[max(guideDepth, 1) - 1]
        inList = byDepth[max(listDepth, 1) - 1]
    }

    /// The digest of a page.
    func digest(of job: PageRenderer.Job, renderer: PageRenderer) -> UInt64 {
        let context = renderer.context
        var writer = CacheWriter(capacity: 256)
        let kind: Kind = switch job {
        case .guide: .guide
        case .list: .list
        case .taxonomy: .taxonomy
        case .questions: .questions
        case .notFound: .notFound
        case .search: .search
        case .feed, .redirect: .unthemed
        }
        writer.number(sites[kind] ?? 0)
        switch job {
        case .guide(let index):
            writer.string("guide")
            writer.number(onGuidePage[index])
        case .list(let list):
            writer.string("list")
            writer.string(list.firstPath)
            writer.number(UInt64(list.number))
            writer.number(UInt64(list.pageCount))
            writer.number(UInt64(list.guides.count))
            writer.flag(list.hasDatedGuide)
            writer.optional(list.term) { writer, term in
                let taxonomy = context.taxonomies[term.taxonomy]
                writer.string(taxonomy.config.key)
                writer.string(taxonomy.terms[term.term].name)
                writer.string(taxonomy.terms[term.term].slug)
                writer.string(context.termLinks[term.taxonomy][term.term])
                if listTermCounts { writer.number(UInt64(taxonomy.terms.count)) }
            }
            writer.array(Array(list.guides[list.range])) { $0.number(inList[$1]) }
        case .taxonomy(let position):
            writer.string("taxonomy")
            writer.number(UInt64(position))
            let taxonomy = context.taxonomies[position]
            writer.array(Array(taxonomy.terms.indices)) { writer, term in
                writer.string(taxonomy.terms[term].name)
                writer.string(taxonomy.terms[term].slug)
                writer.string(context.termLinks[position][term])
                writer.number(UInt64(taxonomy.terms[term].guides.count))
            }
        case .feed(let title, let feedPath, let pagePath, let guides):
            writer.string("feed")
            writer.string(title)
            writer.string(feedPath)
            writer.string(pagePath)
            writer.array(renderer.feedEntries(guides)) { $0.number(own[$1]) }
        case .questions(let type, let number, let pageCount, let range):
            writer.string("questions")
            writer.number(type.map { UInt64($0) + 1 } ?? 0)
            writer.number(UInt64(number))
            writer.number(UInt64(pageCount))
            writer.number(UInt64(range.lowerBound))
            writer.number(UInt64(range.upperBound))
            let types = context.questionBank.types
            writer.array(types) { writer, type in
                writer.string(type.name)
                writer.string(type.slug)
                writer.number(UInt64(type.entries.count))
            }
            for group in renderer.questionGroups(type: type, range: range) {
                writer.number(UInt64(group.type))
                writer.array(Array(group.entries)) { writer, entry in
                    writer.number(own[entry.guide])
                    writer.number(UInt64(entry.group))
                    writer.number(UInt64(entry.position))
                }
            }
        case .notFound:
            writer.string("404")
        case .search:
            writer.string("search")
        case .redirect(let guide, let alias):
            writer.string("redirect")
            writer.number(own[guide])
            writer.number(UInt64(alias))
        }
        return writer.bytes.withUnsafeBytes { XXHash64.hash($0) }
    }
}
