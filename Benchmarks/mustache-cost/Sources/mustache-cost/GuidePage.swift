import PrepressTemplates

// A guide page shaped like the bench corpus's: the keys guide.mustache, base, header and footer read, with
// 12 questions in 4 types, 5 tags, a table of contents, 5 related guides and a 20 KB body.

struct GuidePage: TemplateView {
    let site = SiteInfo()
    let page = PageInfo()
    let guide = GuideInfo()

    static let templateKeys = TemplateKeys<GuidePage>("a guide page", plural: "guide pages", [
        "site": .view(\.site), "page": .view(\.page), "guide": .view(\.guide),
    ])
}

struct SiteInfo: TemplateView {
    static let templateKeys = TemplateKeys<SiteInfo>("the site", plural: "sites", [
        "title": .text { _ in "Interview Guides" },
        "description": .text { _ in "Role-by-role interview preparation." },
        "language": .text { _ in "en" },
        "base_path": .text { _ in "/" },
        "generator": .text { _ in "Prepress 0.1.0" },
        "feed_url": .text { _ in "/feed.xml" },
        "questions_url": .text { _ in "/questions/" },
        "search_url": .text { _ in "/search/" },
        "search_index_url": .text { _ in "/search/index.json" },
        "taxonomies": .list { _ in [Link(url: "/tags/", title: "Tags"), Link(url: "/categories/", title: "Categories"), Link(url: "/verticals/", title: "Verticals")] },
    ])
}

struct PageInfo: TemplateView {
    static let templateKeys = TemplateKeys<PageInfo>("the page", plural: "pages", [
        "title": .text { _ in "Nurse Manager Interview Guide · Interview Guides" },
        "description": .text { _ in "How to prepare for a nurse manager interview." },
        "permalink": .text { _ in "https://example.org/guides/nurse-manager/" },
        "kind": .text { _ in "guide" },
    ])
}

struct Link: TemplateView {
    let url: String
    let title: String
    static let templateKeys = TemplateKeys<Link>("a link", plural: "links", [
        "url": .text(\.url), "title": .text(\.title), "term": .text(\.title), "name": .text(\.title),
    ])
}

struct Crumb: TemplateView {
    let name: String
    let url: String?
    static let templateKeys = TemplateKeys<Crumb>("a breadcrumb", plural: "breadcrumbs", [
        "name": .text(\.name), "url": .optionalText(\.url),
    ])
}

struct DateInfo: TemplateView {
    static let templateKeys = TemplateKeys<DateInfo>("a date", plural: "dates", [
        "machine": .text { _ in "2025-01-14" }, "display": .text { _ in "January 14, 2025" }, "rfc3339": .text { _ in "2025-01-14T00:00:00Z" },
    ])
}

struct Author: TemplateView {
    static let templateKeys = TemplateKeys<Author>("an author", plural: "authors", [
        "name": .text { _ in "Will Gordon" }, "url": .optionalText { _ in nil }, "page_url": .text { _ in "/authors/will-gordon/" },
    ])
}

struct Image: TemplateView {
    static let templateKeys = TemplateKeys<Image>("an image", plural: "images", [
        "url": .text { _ in "/images/ward.jpg" }, "absolute_url": .text { _ in "https://example.org/images/ward.jpg" },
        "alt": .text { _ in "A hospital ward at night" },
    ])
}

struct Question: TemplateView {
    let number: Int
    static let templateKeys = TemplateKeys<Question>("a question", plural: "questions", [
        "anchor": .text { "question-\($0.number)-how-do-you-build-a-safe-staffing-plan" },
        "text": .text { "Question \($0.number): How do you build a safe staffing plan?" },
    ])
}

struct QuestionGroup: TemplateView {
    let name: String
    let first: Int
    static let templateKeys = TemplateKeys<QuestionGroup>("a question type", plural: "question types", [
        "anchor": .text { $0.name.lowercased() + "-questions" },
        "name": .text(\.name),
        "questions": .list { group in (group.first..<group.first + 3).map(Question.init) },
    ])
}

struct TocEntry: TemplateView {
    let id: String
    let children: [TocEntry]
    static let templateKeys = TemplateKeys<TocEntry>("a table of contents entry", plural: "entries", [
        "id": .text(\.id), "text": .text { $0.id.capitalized },
        "has_children": .flag { !$0.children.isEmpty }, "children": .list(\.children),
    ])
}

struct Card: TemplateView {
    let number: Int
    static let templateKeys = TemplateKeys<Card>("a card", plural: "cards", [
        "card": .text { "<article class=\"card\"><h3><a href=\"/guides/related-\($0.number)/\">Related guide \($0.number)</a></h3>"
            + "<p class=\"card-summary\">A related interview guide that shares tags with this one.</p></article>" },
    ])
}

let body = (1...40).map { "<h3 id=\"section-\($0)\">Section \($0)</h3>\n<p>" + String(repeating: "Prepare a clear and specific answer with an example. ", count: 8) + "</p>\n" }.joined()
let jsonLD = "{\"@context\":\"https://schema.org\",\"@graph\":[" + (1...12).map { "{\"@type\":\"Question\",\"name\":\"Question \($0)\",\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":\"" + String(repeating: "An answer with detail. ", count: 35) + "\"}}" }.joined(separator: ",") + "]}"

struct GuideInfo: TemplateView {
    static let templateKeys = TemplateKeys<GuideInfo>("a guide", plural: "guides", [
        "term": .text { _ in "Nurse Manager Interview Guide" },
        "description": .text { _ in "How to prepare for a nurse manager interview at a hospital." },
        "permalink": .text { _ in "https://example.org/guides/nurse-manager/" },
        "published": .view { _ in DateInfo() },
        "updated": .view { _ in DateInfo() },
        "image": .view { _ in Image() },
        "avatar": .view { _ in Image() },
        "author": .view { _ in Author() },
        "json_ld": .text { _ in jsonLD },
        "breadcrumbs": .list { _ in [Crumb(name: "Home", url: "/"), Crumb(name: "Healthcare", url: "/categories/healthcare/"), Crumb(name: "Nurse Manager Interview Guide", url: nil)] },
        "category": .view { _ in Link(url: "/categories/healthcare/", title: "Healthcare") },
        "vertical": .view { _ in Link(url: "/verticals/hospitals/", title: "Hospitals") },
        "reading_time": .number { _ in 9 },
        "has_tags": .flag { _ in true },
        "tags": .list { _ in ["Leadership", "Staffing", "Nursing", "Interview Prep", "Healthcare"].map { Link(url: "/tags/\($0.lowercased())/", title: $0) } },
        "has_questions": .flag { _ in true },
        "question_summary": .text { _ in "12 questions · 3 technical · 3 behavioral · 3 situational · 3 problem-solving" },
        "question_groups": .list { _ in ["Technical", "Behavioral", "Situational", "Problem-Solving"].enumerated().map { QuestionGroup(name: $0.element, first: $0.offset * 3 + 1) } },
        "has_toc": .flag { _ in true },
        "toc": .list { _ in (1...4).map { group in TocEntry(id: "part-\(group)", children: (1...3).map { TocEntry(id: "part-\(group)-\($0)", children: []) }) } },
        "content": .text { _ in body },
        "has_related": .flag { _ in true },
        "related": .list { _ in (1...5).map(Card.init) },
        "previous": .view { _ in Link(url: "/guides/charge-nurse/", title: "Charge Nurse Interview Guide") },
        "next": .view { _ in Link(url: "/guides/nurse-educator/", title: "Nurse Educator Interview Guide") },
    ])
}
