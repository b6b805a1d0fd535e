import PrepressContent
import PrepressMarkdown

/// Builds a guide's schema.org JSON-LD: `Article` and `BreadcrumbList`, plus `FAQPage` when it has questions.
struct StructuredData {
    let context: ViewContext

    func jsonLD(for index: Int) -> String {
        let guide = context.guides[index]
        let matter = guide.frontMatter
        let urls = context.urls
        let permalink = urls.absolute(guide.path)

        var article: [(String, JSONValue)] = [
            ("@type", .string("Article")),
            ("@id", .string(permalink + "#article")),
            ("headline", .string(matter.term)),
            ("url", .string(permalink)),
            ("mainEntityOfPage", .string(permalink)),
            ("inLanguage", .string(context.config.language)),
            ("wordCount", .integer(guide.rendered.wordCount)),
        ]
        if let description = matter.description { article.append(("description", .string(description))) }
        if let published = matter.pubDate { article.append(("datePublished", .string(published.rfc3339))) }
        if let modified = matter.modDate ?? matter.pubDate { article.append(("dateModified", .string(modified.rfc3339))) }
        if let author = matter.author ?? context.config.author.map({ Author(name: $0) }) {
            var person: [(String, JSONValue)] = [("@type", .string("Person")), ("name", .string(author.name))]
            if let url = author.url { person.append(("url", .string(urls.absoluteAuthored(url)))) }
            article.append(("author", .object(person)))
        }
        if let image = matter.image { article.append(("image", .string(urls.absoluteAuthored(image.url)))) }
        if let category = matter.category { article.append(("articleSection", .string(category))) }
        if !matter.tags.isEmpty { article.append(("keywords", .string(matter.tags.joined(separator: ", ")))) }
        article.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(context.config.title)),
                                              ("url", .string(context.config.baseURL))])))

        var crumbs: [(name: String, url: String)] = [("Home", urls.absolute(""))]
        if let category = matter.category, let taxonomy = context.taxonomy(forKey: "category"), let term = taxonomy.term(named: category) {
            crumbs.append((term.name, urls.absolute(taxonomy.path(of: term))))
        }
        crumbs.append((matter.term, permalink))
        let breadcrumbs: JSONValue = .object([
            ("@type", .string("BreadcrumbList")),
            ("itemListElement", .array(crumbs.enumerated().map { position, crumb in
                .object([("@type", .string("ListItem")), ("position", .integer(position + 1)),
                         ("name", .string(crumb.name)), ("item", .string(crumb.url))])
            })),
        ])

        var graph: [JSONValue] = [.object(article), breadcrumbs]
        let questions = guide.rendered.questions
        if !questions.isEmpty {
            graph.append(.object([
                ("@type", .string("FAQPage")),
                ("@id", .string(permalink + "#faq")),
                ("mainEntity", .array(questions.map { question in
                    .object([
                        ("@type", .string("Question")),
                        ("name", .string(question.text)),
                        ("url", .string(permalink + "#" + question.anchor)),
                        ("acceptedAnswer", .object([("@type", .string("Answer")), ("text", .string(question.answerText))])),
                    ])
                })),
            ]))
        }
        return JSONValue.object([("@context", .string("https://schema.org")), ("@graph", .array(graph))]).scriptSafeText
    }
}
