import PrepressContent
import PrepressTemplates

/// The view type each page template renders with, for checking templates when the theme loads.
let pageTemplateViews: [(template: String, view: any TemplateView.Type)] = [
    ("guide", GuidePageView.self),
    ("index", ListPageView.self),
    ("term", ListPageView.self),
    ("taxonomy", TaxonomyPageView.self),
    ("questions", QuestionBankPageView.self),
    ("404", NotFoundPageView.self),
    ("search", SearchPageView.self),
    ("partials/guide-card", CardView.self),
]
