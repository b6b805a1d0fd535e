import PrepressContent

/// What every view may ask about the whole site: settings, URLs, guides and taxonomies.
struct SiteContext: Sendable {
    let config: SiteConfig
    let urls: SiteURLs
    let generator: String
    /// Every published guide, newest first.
    let guides: [Guide]
    let taxonomies: [Taxonomy]
    /// Whether /feed.xml is written (some guide has a date).
    let hasFeed: Bool
    /// The guides before and after each guide within its category, by guide index.
    let neighbors: [Int: (previous: Int?, next: Int?)]
    /// Related guides of each guide, best first, by guide index.
    let related: [[Int]]
    let questionBank: QuestionBank
    /// Each guide's card (`partials/guide-card` rendered once), shown in lists as `{{{card}}}`.
    var cards: [String] = []
    /// Whether guide pages get their JSON-LD. The link check turns it off: JSON-LD holds no attribute the
    /// checker reads (its quotes are escaped), and it is a tenth of the rendering.
    var writesStructuredData = true

    init(config: SiteConfig, urls: SiteURLs, generator: String, guides: [Guide], taxonomies: [Taxonomy], related: [[Int]]) {
        self.config = config
        self.urls = urls
        self.generator = generator
        self.guides = guides
        self.taxonomies = taxonomies
        hasFeed = guides.contains { $0.frontMatter.pubDate != nil }
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
        self.neighbors = neighbors
        self.related = related
        questionBank = QuestionBank(guides: guides)
    }

    func taxonomy(forKey key: String) -> Taxonomy? {
        taxonomies.first { $0.config.key == key }
    }

    var siteView: SiteView { SiteView(context: self) }
}
