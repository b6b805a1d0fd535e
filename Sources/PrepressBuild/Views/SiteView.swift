import PrepressContent
import PrepressTemplates

/// The `site` key every template receives.
struct SiteView: TemplateView {
    let context: ViewContext

    static let templateKeys = TemplateKeys<SiteView>("the site", plural: "sites", [
        "title": .text(\.context.config.title),
        "description": .optionalText(\.context.config.description),
        "base_url": .text(\.context.config.baseURL),
        "base_path": .text(\.context.urls.basePath),
        "language": .text(\.context.config.language),
        "author": .optionalText(\.context.config.author),
        "generator": .text(\.context.generator),
        "params": .data { $0.context.config.params.templateData },
        "feed_url": .optionalText { $0.context.hasFeed ? $0.context.urls.link("feed.xml") : nil },
        "questions_url": .optionalText { $0.context.questionBank.totalCount > 0 ? $0.context.urls.link(QuestionBank.path) : nil },
        "question_count": .number(\.context.questionBank.totalCount),
        "search_url": .optionalText { $0.context.config.search ? $0.context.urls.link(SearchIndexer.pagePath) : nil },
        "search_index_url": .text { $0.context.urls.link(SearchIndexer.folder + "index.json") },
        "taxonomies": .list { view in view.context.taxonomies.indices.map { TaxonomyLinkView(context: view.context, position: $0) } },
    ])
}
