import PrepressContent
import PrepressMarkdown

/// Every question of the site grouped by type, for the question bank pages.
struct QuestionBank: Sendable {
    /// One question, by its place: the guide it belongs to, the guide's group of questions and its position
    /// there (the question itself is read from the guide: no copy of every question of the site).
    struct Entry: Sendable, Equatable {
        var guide: Int
        var group: Int32
        var position: Int32
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

    init(guides: GuideList) {
        var types: [QuestionType] = []
        var positions: [String: Int] = [:]
        // Thousands of guides share a handful of type names: each name's slug is made once.
        var slugs: [String: String] = [:]
        for index in guides.indices {
            // Read in place: `for group in groups` copied (and retained) each group, its heading and questions.
            guides.pointer(at: index).pointee.rendered.questionGroups.withUnsafeBufferPointer { groups in
                for number in groups.indices {
                    let group = groups.baseAddress! + number
                    var slug = slugs[group.pointee.name] ?? Slug.make(group.pointee.name)
                    slugs[group.pointee.name] = slug
                    // `questions/page/2/` is the bank's own second page.
                    if slug == "page" { slug = "page-questions" }
                    let position = positions[slug] ?? {
                        types.append(QuestionType(name: group.pointee.name, slug: slug, entries: []))
                        positions[slug] = types.count - 1
                        return types.count - 1
                    }()
                    for question in 0..<group.pointee.questions.count {
                        types[position].entries.append(Entry(guide: index, group: Int32(number), position: Int32(question)))
                    }
                }
            }
        }
        self.types = types
    }

    /// Whether two versions of a guide give the bank the same entries: the same groups, by name, with as many
    /// questions each. Then the bank stays as it is, its entries pointing at the same places.
    static func sameShape(_ before: Guide, _ after: Guide) -> Bool {
        let old = before.rendered.questionGroups
        let new = after.rendered.questionGroups
        return old.count == new.count
            && zip(old, new).allSatisfy { $0.name == $1.name && $0.questions.count == $1.questions.count }
    }

    var totalCount: Int { types.reduce(0) { $0 + $1.entries.count } }

    static func typePath(_ type: QuestionType) -> String { path + type.slug + "/" }
}
