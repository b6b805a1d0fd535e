import PrepressContent
import PrepressMarkdown

/// Every question of the site grouped by type, for the question bank pages.
struct QuestionBank: Sendable {
    /// One question, with the guide it belongs to.
    struct Entry: Sendable {
        var guide: Int
        var question: Question
    }

    /// A question type across the site (`Technical`), with its questions in guide order.
    struct QuestionType: Sendable {
        var name: String
        var slug: String
        var entries: [Entry]
    }

    /// Types in order of first appearance, reading guides newest first.
    var types: [QuestionType]

    /// Site path of the bank: `questions/`.
    static let path = "questions/"

    init(guides: [Guide]) {
        var types: [QuestionType] = []
        var positions: [String: Int] = [:]
        // Thousands of guides share a handful of type names: each name's slug is made once.
        var slugs: [String: String] = [:]
        for index in guides.indices {
            for group in guides[index].rendered.questionGroups {
                var slug = slugs[group.name] ?? Slug.make(group.name)
                slugs[group.name] = slug
                // `questions/page/2/` is the bank's own second page.
                if slug == "page" { slug = "page-questions" }
                let position = positions[slug] ?? {
                    types.append(QuestionType(name: group.name, slug: slug, entries: []))
                    positions[slug] = types.count - 1
                    return types.count - 1
                }()
                types[position].entries += group.questions.map { Entry(guide: index, question: $0) }
            }
        }
        self.types = types
    }

    var totalCount: Int { types.reduce(0) { $0 + $1.entries.count } }

    static func typePath(_ type: QuestionType) -> String { path + type.slug + "/" }
}
