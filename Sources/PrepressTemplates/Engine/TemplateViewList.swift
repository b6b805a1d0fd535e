/// Views of one type, each handed to the template as `.view` when a section reaches it.
public struct TemplateViewList: Sendable {
    public let count: Int
    /// The item at a position, as a value.
    public let item: @Sendable (Int) -> TemplateValue

    public init<View: TemplateView>(_ views: [View]) {
        count = views.count
        item = { .view(views[$0]) }
    }
}
