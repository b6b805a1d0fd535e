import PrepressContent

/// What every view may ask about the whole site: settings, URLs, guides and taxonomies.
///
/// Views hold it and are copied for every key a template looks up, so the unchanging part lives in one
/// shared object: a copy is a few reference counts, not one per guide list and dictionary.
@dynamicMemberLookup
struct SiteContext: Sendable {
    private let storage: Storage

    /// The same context without reference counting, for views: valid while this context lives.
    ///
    /// Views are made and copied for every key a template looks up, on every thread at once; counting references
    /// to the two shared objects on each copy made both threads contend for their cache lines (about a tenth of
    /// the page stage at 10,000 guides). Every view lives within one render call, during which the renderer
    /// holds this context.
    var unretained: ViewContext { ViewContext(storage: storage, rendering: rendering) }

    /// Every value of `ViewContext` (settings, guides, taxonomies, links), read through it.
    subscript<Value>(dynamicMember keyPath: KeyPath<ViewContext, Value>) -> Value {
        unretained[keyPath: keyPath]
    }

    /// Each guide's card (`partials/guide-card` rendered once), shown in lists as `{{{card}}}`.
    var cards: [String] {
        get { rendering.cards }
        set { rendering = Rendering(cards: newValue, writesStructuredData: rendering.writesStructuredData) }
    }
    /// Whether guide pages get their JSON-LD. The link check turns it off: JSON-LD holds no attribute the
    /// checker reads (its quotes are escaped), and it is a tenth of the rendering.
    var writesStructuredData: Bool {
        get { rendering.writesStructuredData }
        set { rendering = Rendering(cards: rendering.cards, writesStructuredData: newValue) }
    }
    /// The settings above, in a shared object too, so that the context is two references: a view holding it
    /// and a guide index fits in an existential's inline buffer, and Mustache does not allocate a box for it.
    private var rendering = Rendering(cards: [], writesStructuredData: true)

    fileprivate final class Rendering: Sendable {
        let cards: [String]
        let writesStructuredData: Bool

        init(cards: [String], writesStructuredData: Bool) {
            self.cards = cards
            self.writesStructuredData = writesStructuredData
        }
    }

    fileprivate final class Storage: @unchecked Sendable {
        let config: SiteConfig
        let urls: SiteURLs
        let generator: String
        let guides: GuideList
        let taxonomies: [Taxonomy]
        let hasFeed: Bool
        let neighbors: [Int: (previous: Int?, next: Int?)]
        let related: [[Int]]
        let questionBank: QuestionBank
        let guideLinks: [String]
        /// Each taxonomy's position, by its front-matter key, and the link of each of its terms, made once.
        let taxonomyPositions: [String: Int]
        let termLinks: [[String]]

        /// The same storage with other guides and question bank, everything else kept.
        init(_ other: Storage, guides: GuideList, questionBank: QuestionBank) {
            config = other.config
            urls = other.urls
            generator = other.generator
            self.guides = guides
            taxonomies = other.taxonomies
            hasFeed = other.hasFeed
            neighbors = other.neighbors
            related = other.related
            self.questionBank = questionBank
            guideLinks = other.guideLinks
            taxonomyPositions = other.taxonomyPositions
            termLinks = other.termLinks
        }

        init(config: SiteConfig, urls: SiteURLs, generator: String, guides: GuideList, taxonomies: [Taxonomy], hasFeed: Bool,
             neighbors: [Int: (previous: Int?, next: Int?)], related: [[Int]], questionBank: QuestionBank) {
            self.config = config
            self.urls = urls
            self.generator = generator
            self.guides = guides
            self.taxonomies = taxonomies
            self.hasFeed = hasFeed
            self.neighbors = neighbors
            self.related = related
            self.questionBank = questionBank
            guideLinks = guides.map { urls.link($0.path) }
            var taxonomyPositions: [String: Int] = [:]
            for (position, taxonomy) in taxonomies.enumerated() where taxonomyPositions[taxonomy.config.key] == nil {
                taxonomyPositions[taxonomy.config.key] = position
            }
            self.taxonomyPositions = taxonomyPositions
            termLinks = taxonomies.map { taxonomy in taxonomy.terms.map { urls.link(taxonomy.path(of: $0)) } }
        }
    }

    init(config: SiteConfig, urls: SiteURLs, generator: String, guides: [Guide], taxonomies: [Taxonomy], related: [[Int]]) {
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
        let list = GuideList(guides)
        storage = Storage(config: config, urls: urls, generator: generator, guides: list, taxonomies: taxonomies,
                          hasFeed: guides.contains { $0.frontMatter.pubDate != nil }, neighbors: neighbors, related: related,
                          questionBank: QuestionBank(guides: list))
    }

    private init(storage: Storage, rendering: Rendering) {
        self.storage = storage
        self.rendering = rendering
    }

    /// The same site with some guides replaced by versions that keep their places (URL, title, date, lists,
    /// taxonomies; `SiteUpdater.samePlace`): everything made from the places is kept, the question bank made
    /// again unless every replaced guide keeps its questions' groups and counts (`QuestionBank.sameShape`).
    /// The cards stay as they were, for the caller to update.
    func replacingGuides(_ replacements: [Int: Guide]) -> SiteContext {
        let guides = storage.guides.replacing(replacements)
        let keepsBank = replacements.allSatisfy { QuestionBank.sameShape(storage.guides[$0.key], $0.value) }
        let bank = keepsBank ? storage.questionBank : QuestionBank(guides: guides)
        return SiteContext(storage: Storage(storage, guides: guides, questionBank: bank), rendering: rendering)
    }

    var siteView: SiteView { SiteView(context: unretained) }
}

/// What views read of the site: `SiteContext`'s values, reached without counting references (see
/// `SiteContext.unretained`).
struct ViewContext: @unchecked Sendable {
    // Unowned and unsafe: the SiteContext it came from keeps both objects alive while any view exists.
    fileprivate unowned(unsafe) let storage: SiteContext.Storage
    fileprivate unowned(unsafe) let rendering: SiteContext.Rendering

    var config: SiteConfig { storage.config }
    var urls: SiteURLs { storage.urls }
    var generator: String { storage.generator }
    /// Every published guide, newest first.
    var guides: GuideList { storage.guides }
    /// The guide at `index`, borrowed in place: reading a field through `guides[index]` copies the whole guide.
    func guide(at index: Int) -> UnsafeMutablePointer<Guide> { storage.guides.pointer(at: index) }
    var taxonomies: [Taxonomy] { storage.taxonomies }
    /// Whether /feed.xml is written (some guide has a date).
    var hasFeed: Bool { storage.hasFeed }
    /// The guides before and after each guide within its category, by guide index.
    var neighbors: [Int: (previous: Int?, next: Int?)] { storage.neighbors }
    /// Related guides of each guide, best first, by guide index.
    var related: [[Int]] { storage.related }
    var questionBank: QuestionBank { storage.questionBank }
    /// Each guide's link, by guide index: made once, as lists, cards, feeds and the question bank show it often.
    var guideLinks: [String] { _read { yield storage.guideLinks } }
    var cards: [String] { rendering.cards }
    var writesStructuredData: Bool { rendering.writesStructuredData }
    /// Each taxonomy's position in `taxonomies`, by its front-matter key (`category`, `tags`).
    var taxonomyPositions: [String: Int] { storage.taxonomyPositions }
    /// The link of each term of each taxonomy, by positions.
    var termLinks: [[String]] { storage.termLinks }

    /// A name under the taxonomy of `key` as the site spells and links it; unlinked when the site has no such
    /// taxonomy. Read in place: `taxonomies[i]` would copy the whole taxonomy, its terms and indexes.
    func termView(named name: String, key: String) -> TermView {
        storage.taxonomies.withUnsafeBufferPointer { taxonomies in
            guard let taxonomy = storage.taxonomyPositions[key], let position = taxonomies[taxonomy].position(named: name) else {
                return TermView(slug: Slug.make(name), displayName: name, url: nil)
            }
            return taxonomies[taxonomy].terms.withUnsafeBufferPointer { terms in
                TermView(slug: terms[position].slug, displayName: terms[position].name, url: storage.termLinks[taxonomy][position])
            }
        }
    }

    /// The term a name belongs to under the taxonomy of `key`, as its name and page path; nil when the site
    /// has no such taxonomy or term. Read in place, like `termView(named:key:)`.
    func term(named name: String, key: String) -> (name: String, path: String)? {
        storage.taxonomies.withUnsafeBufferPointer { taxonomies in
            guard let taxonomy = storage.taxonomyPositions[key], let position = taxonomies[taxonomy].position(named: name) else {
                return nil
            }
            return taxonomies[taxonomy].terms.withUnsafeBufferPointer { terms in
                (terms[position].name, SiteURLs.termPath(taxonomy: taxonomies[taxonomy].config.path, slug: terms[position].slug))
            }
        }
    }

    var siteView: SiteView { SiteView(context: self) }
}
