import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// One entry of a table of contents.
struct TocEntryView: TemplateView {
    let heading: Heading
    var children: [TocEntryView] = []

    static let templateKeys = TemplateKeys<TocEntryView>("a table of contents entry", plural: "table of contents entries", [
        "id": .text(\.heading.id),
        "text": .text(\.heading.text),
        "level": .number(\.heading.level),
        "children": .list(\.children),
        "has_children": .flag { !$0.children.isEmpty },
    ])
}
