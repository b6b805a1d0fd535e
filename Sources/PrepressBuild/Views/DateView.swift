import PrepressContent
import PrepressMarkdown
import PrepressTemplates

/// A date, for people and for machines.
struct DateView: TemplateView {
    let date: GuideDate

    static let templateKeys = TemplateKeys<DateView>("a date", plural: "dates", [
        "machine": .text(\.date.machineReadable),
        "display": .text(\.date.displayText),
        "iso": .text(\.date.day8601),
        "rfc3339": .text(\.date.rfc3339),
        "year": .number(\.date.year),
    ])
}
