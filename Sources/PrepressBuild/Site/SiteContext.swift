import PrepressContent

/// What every view may ask about the whole site: settings, URLs, guides and taxonomies.
///
/// Views hold its `unretained` form and are made and copied for every key a template looks up, so everything
/// lives in one object, whose values views read in place.
@dynamicMemberLookup
struct SiteContext: Sendable {
    private var storage: Storage

    /// The same context without reference counting, for views: valid while this context lives.
    ///
    /// Views are made and copied for every key a template looks up, on every thread at once; counting references
    /// to shared objects on each copy made both threads contend for their cache lines (about a tenth of the page
    /// stage at 10,000 guides). Every view lives within one render call, during which the renderer holds this
    /// context.
    var unretained: ViewContext { ViewContext(values: storage.values) }

    /// Every value of `ViewContext` (settings, guides, taxonomies, links), read through it.
    subscript<Value>(dynamicMember keyPath: KeyPath<ViewContext, Value>) -> Value {
        unretained[keyPath: keyPath]
    }

    /// Each guide's card (`partials/guide-card` rendered once), shown in lists as `{{{card}}}`.
    var cards: [String] {
        get { storage.values.pointee.cards }
        set { storage = Storage(storage.values.pointee.with(cards: newValue)) }
    }
    /// Whether guide pages get their JSON-LD. The link check turns it off: JSON-LD holds no attribute the
    /// checker reads (its quotes are escaped), and it is a tenth of the rendering.
    var writesStructuredData: Bool {
        get { storage.values.pointee.writesStructuredData }
        set { storage = Storage(storage.values.pointee.with(writesStructuredData: newValue)) }
    }

    /// The site's values, in memory of their own. Read through a pointer, a value's arrays and strings are
    /// borrowed where they are; read from an object's properties, each is retained and released on every read —
    /// the same few objects, from every thread at once.
    fileprivate struct Values {
        var config: SiteConfig
        var urls: SiteURLs
        var generator: String
        var guides: GuideList
        var taxonomies: [Taxonomy]
        var hasFeed: Bool
        var neighbors: [Int: (previous: Int?, next: Int?)]
        var related: [[Int]]
        var questionBank: QuestionBank
        var guideLinks: [String]
        /// The link of each term of each taxonomy, made once.
        var termLinks: [[String]]
        /// The link of each taxonomy's index page, made once: every page's navigation shows them.
        var taxonomyLinks: [String]
        var cards: [String] = []
        var writesStructuredData = true

        init(config: SiteConfig, urls: SiteURLs, generator: String, guides: GuideList, taxonomies: [Taxonomy], hasFeed: Bool,
             neighbors: [Int: (previous: Int?, next: Int?)], related: [[Int]], questionBank: QuestionBank, guideLinks: [String]?) {
            self.config = config
            self.urls = urls
            self.generator = generator
            self.guides = guides
            self.taxonomies = taxonomies
            self.hasFeed = hasFeed
            self.neighbors = neighbors
            self.related = related
            self.questionBank = questionBank
            // Read in place: the list's subscript copies the whole guide.
            self.guideLinks = guideLinks ?? guides.indices.map { urls.link(guides.pointer(at: $0).pointee.path) }
            termLinks = taxonomies.map { taxonomy in taxonomy.terms.map { urls.link(taxonomy.path(of: $0)) } }
            taxonomyLinks = taxonomies.map { urls.link($0.path) }
        }

        func with(cards: [String]) -> Values {
            var values = self
            values.cards = cards
            return values
        }

        func with(writesStructuredData: Bool) -> Values {
            var values = self
            values.writesStructuredData = writesStructuredData
            return values
        }

        func with(guides: GuideList, questionBank: QuestionBank) -> Values {
            var values = self
            values.guides = guides
            values.questionBank = questionBank
            return values
        }
    }

    /// Owns the values; they never change once made (a changed context is a new storage).
    fileprivate final class Storage: @unchecked Sendable {
        let values: UnsafeMutablePointer<Values>

        init(_ values: consuming Values) {
            self.values = .allocate(capacity: 1)
            self.values.initialize(to: values)
        }

        deinit {
            values.deinitialize(count: 1)
            values.deallocate()
        }
    }

    init(config: SiteConfig, urls: SiteURLs, generator: String, guides: [Guide], taxonomies: [Taxonomy], related: [[Int]]) {
        self.init(config: config, urls: urls, generator: generator, guides: GuideList(guides), taxonomies: taxonomies, related: related)
    }

    /// `questionBank` and `guideLinks`, given, are those of a site whose guides had the same places and questions
    /// (the preview's, after an edit of terms only).
    init(config: SiteConfig, urls: SiteURLs, generator: String, guides list: GuideList, taxonomies: [Taxonomy], related: [[Int]],
         questionBank: QuestionBank? = nil, guideLinks: [String]? = nil) {
        var neighbors: [Int: (previous: Int?, next: Int?)] = [:]
        if let categories = taxonomies.first(where: { $0.config.key == "category" }) {
            for term in categories.terms {
                for (position, guide) in term.guides.enumerated() {
                    neighbors[guide] = (
                        position > 0 ? term.guides[position - 1] : nil,
                        position + 1 < term.guides.count ? term.guides[position + 1] : nil)
                }
            }
        }
        let hasFeed = list.indices.contains { list.pointer(at: $0).pointee.frontMatter.pubDate != nil }
        storage = Storage(Values(config: config, urls: urls, generator: generator, guides: list, taxonomies: taxonomies,
                                 hasFeed: hasFeed, neighbors: neighbors, related: related,
                                 questionBank: questionBank ?? QuestionBank(guides: list), guideLinks: guideLinks))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// The same site with some guides replaced by versions that keep their places (URL, title, date, lists,
    /// taxonomies; `SiteUpdater.samePlace`): everything made from the places is kept, the question bank made
    /// again unless every replaced guide keeps its questions' groups and counts (`QuestionBank.sameShape`).
    /// The cards stay as they were, for the caller to update.
    func replacingGuides(_ replacements: [Int: Guide]) -> SiteContext {
        let values = storage.values.pointee
        let guides = values.guides.replacing(replacements)
        let keepsBank = replacements.allSatisfy { QuestionBank.sameShape(values.guides[$0.key], $0.value) }
        let bank = keepsBank ? values.questionBank : QuestionBank(guides: guides)
        return SiteContext(storage: Storage(values.with(guides: guides, questionBank: bank)))
    }

    var siteView: SiteView { SiteView(context: unretained) }
}

/// What views read of the site: `SiteContext`'s values, reached without counting references (see
/// `SiteContext.unretained`).
struct ViewContext: @unchecked Sendable {
    // Unsafe: the SiteContext it came from keeps the values alive while any view exists.
    fileprivate let values: UnsafeMutablePointer<SiteContext.Values>

    var config: SiteConfig { _read { yield values.pointee.config } }
    var urls: SiteURLs { _read { yield values.pointee.urls } }
    var generator: String { values.pointee.generator }
    /// Every published guide, newest first.
    var guides: GuideList { _read { yield values.pointee.guides } }
    /// The guide at `index`, borrowed in place: reading a field through `guides[index]` copies the whole guide.
    func guide(at index: Int) -> UnsafeMutablePointer<Guide> { values.pointee.guides.pointer(at: index) }
    var taxonomies: [Taxonomy] { _read { yield values.pointee.taxonomies } }
    /// Whether /feed.xml is written (some guide has a date).
    var hasFeed: Bool { values.pointee.hasFeed }
    /// The guides before and after each guide within its category, by guide index.
    var neighbors: [Int: (previous: Int?, next: Int?)] { _read { yield values.pointee.neighbors } }
    /// Related guides of each guide, best first, by guide index.
    var related: [[Int]] { _read { yield values.pointee.related } }
    var questionBank: QuestionBank { _read { yield values.pointee.questionBank } }
    /// Each guide's link, by guide index: made once, as lists, cards, feeds and the question bank show it often.
    var guideLinks: [String] { _read { yield values.pointee.guideLinks } }
    var cards: [String] { _read { yield values.pointee.cards } }
    var writesStructuredData: Bool { values.pointee.writesStructuredData }
    /// The link of each term of each taxonomy, by positions.
    var termLinks: [[String]] { _read { yield values.pointee.termLinks } }
    var taxonomyLinks: [String] { _read { yield values.pointee.taxonomyLinks } }

    /// The position of the term a name belongs to in the taxonomy at `taxonomy`. Its indexes are read where they
    /// are: calling a method of `taxonomies[i]` copied the taxonomy (terms, indexes, settings) on every call.
    private func termPosition(named name: String, taxonomy: Int) -> Int? {
        values.pointee.taxonomies[taxonomy].positionByName[name] ?? values.pointee.taxonomies[taxonomy].termIndex[Slug.make(name)]
    }

    /// The position in `taxonomies` of the first taxonomy of front-matter key `key` (`category`, `tags`), found
    /// by comparing keys: a site has a handful of taxonomies, their keys are short (compared as two words), and
    /// a guide page asks a dozen times.
    func taxonomyPosition(key: String) -> Int? {
        values.pointee.taxonomies.withUnsafeBufferPointer { taxonomies in
            taxonomies.firstIndex { $0.config.key == key }
        }
    }

    /// A name under the taxonomy of `key` as the site spells and links it; unlinked when the site has no such
    /// taxonomy. Read in place: `taxonomies[i]` would copy the whole taxonomy, its terms and indexes.
    func termView(named name: String, key: String) -> TermView {
        guard let taxonomy = taxonomyPosition(key: key), let position = termPosition(named: name, taxonomy: taxonomy) else {
            return TermView(slug: Slug.make(name), displayName: name, url: nil)
        }
        return TermView(slug: values.pointee.taxonomies[taxonomy].terms[position].slug,
                        displayName: values.pointee.taxonomies[taxonomy].terms[position].name,
                        url: values.pointee.termLinks[taxonomy][position])
    }

    /// The term a name belongs to under the taxonomy of `key`, as its name and page path; nil when the site
    /// has no such taxonomy or term. Read in place, like `termView(named:key:)`.
    func term(named name: String, key: String) -> (name: String, path: String)? {
        guard let taxonomy = taxonomyPosition(key: key), let position = termPosition(named: name, taxonomy: taxonomy) else {
            return nil
        }
        return (values.pointee.taxonomies[taxonomy].terms[position].name,
                SiteURLs.termPath(taxonomy: values.pointee.taxonomies[taxonomy].config.path,
                                  slug: values.pointee.taxonomies[taxonomy].terms[position].slug))
    }

    var siteView: SiteView { SiteView(context: self) }
}
