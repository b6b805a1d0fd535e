import PrepressContent
import PrepressMarkdown

/// Builds a guide's schema.org JSON-LD: `Article` and `BreadcrumbList`, plus `FAQPage` when it has questions and
/// the site turns it on (`structured_data: {faq: true}`).
struct StructuredData {
    let context: ViewContext

    /// The guide's JSON-LD as UTF-8 bytes, written straight from the guide (read in place, not copied).
    func jsonLD(for index: Int) -> [UInt8] {
        // Through the pointer, each field is read where it is: `.pointee` into a constant would copy the guide.
        let guide = UnsafePointer(context.guide(at: index))
        let urls = context.urls
        let permalink = urls.absolute(guide.pointee.path)
        var json = JSONWriter(capacity: 2048 + (context.config.faqStructuredData ? guide.pointee.rendered.questionCount * 1024 : 0))
        json.beginObject()
        json.member("@context", "https://schema.org")
        json.key("@graph")
        json.beginArray()

        json.beginObject()
        json.member("@type", "Article")
        json.key("@id")
        json.string(permalink, "#article")
        json.member("headline", guide.pointee.frontMatter.term)
        json.member("url", permalink)
        json.member("mainEntityOfPage", permalink)
        json.member("inLanguage", context.config.language)
        json.member("wordCount", guide.pointee.rendered.wordCount)
        if let description = guide.pointee.frontMatter.description { json.member("description", description) }
        if let published = guide.pointee.frontMatter.pubDate {
            json.key("datePublished")
            json.date(published)
        }
        if let modified = guide.pointee.frontMatter.modDate ?? guide.pointee.frontMatter.pubDate {
            json.key("dateModified")
            json.date(modified)
        }
        if let author = guide.pointee.frontMatter.author ?? context.config.author.map({ Author(name: $0) }) {
            json.key("author")
            json.beginObject()
            json.member("@type", "Person")
            json.member("name", author.name)
            if let url = author.url { json.member("url", urls.absoluteAuthored(url)) }
            json.endObject()
        }
        if let image = guide.pointee.frontMatter.image { json.member("image", urls.absoluteAuthored(image.url)) }
        if let category = guide.pointee.frontMatter.category { json.member("articleSection", category) }
        if !guide.pointee.frontMatter.tags.isEmpty {
            json.key("keywords")
            json.string(joining: guide.pointee.frontMatter.tags, separator: ", ")
        }
        json.key("publisher")
        json.beginObject()
        json.member("@type", "Organization")
        json.member("name", context.config.title)
        json.member("url", context.config.baseURL)
        json.endObject()
        json.endObject()

        var crumbs: [(name: String, url: String)] = [("Home", urls.absolute(""))]
        if let category = guide.pointee.frontMatter.category, let term = context.term(named: category, key: "category") {
            crumbs.append((term.name, urls.absolute(term.path)))
        }
        crumbs.append((guide.pointee.frontMatter.term, permalink))
        json.beginObject()
        json.member("@type", "BreadcrumbList")
        json.key("itemListElement")
        json.beginArray()
        for (position, crumb) in crumbs.enumerated() {
            json.beginObject()
            json.member("@type", "ListItem")
            json.member("position", position + 1)
            json.member("name", crumb.name)
            json.member("item", crumb.url)
            json.endObject()
        }
        json.endArray()
        json.endObject()

        let groups = guide.pointee.rendered.questionGroups
        // FAQPage only where the site asks for it: docs/structured-data.md says why.
        if context.config.faqStructuredData, !groups.isEmpty {
            json.beginObject()
            json.member("@type", "FAQPage")
            json.key("@id")
            json.string(permalink, "#faq")
            json.key("mainEntity")
            json.beginArray()
            for group in groups {
                // Each question is read in place: a loop over the array would copy it, retaining all its texts.
                group.questions.withUnsafeBufferPointer { questions in
                    for position in questions.indices {
                        let question = questions.baseAddress! + position
                        json.beginObject()
                        json.member("@type", "Question")
                        json.member("name", question.pointee.text)
                        json.key("url")
                        json.string(permalink, "#" + question.pointee.anchor)
                        json.key("acceptedAnswer")
                        json.beginObject()
                        json.member("@type", "Answer")
                        json.member("text", question.pointee.answerText)
                        json.endObject()
                        json.endObject()
                    }
                }
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.output
    }
}
