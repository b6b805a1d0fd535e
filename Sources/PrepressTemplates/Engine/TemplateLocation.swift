/// Where a tag stands in its template: a byte offset, turned into line and column for messages.
struct TemplateLocation: Sendable, Hashable {
    let offset: Int
}
