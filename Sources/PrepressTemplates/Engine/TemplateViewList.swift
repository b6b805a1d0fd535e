/// Views of one type, as a list key gives them: a section reads each item's keys in place, through the list,
/// rather than copying the item into a value of its own.
public struct TemplateViewList: Sendable {
    @usableFromInline let storage: TemplateViewStorage

    // Inlinable, so that the readers are made for the view type where the list is (a generic reader would
    // copy each item through its value witnesses and look up the accessors' type on every key).
    @inlinable
    public init<View: TemplateView>(_ views: [View]) {
        let keys = View.templateKeys
        let accessors = keys.accessors
        storage = TemplateViewStorage(
            count: views.count, type: UInt(bitPattern: ObjectIdentifier(View.self)), table: keys,
            value: { item, position in views.withUnsafeBufferPointer { accessors[position]($0[item]) } },
            view: { .of(views[$0]) })
    }

    public var count: Int { storage.count }

    /// The view at `position`, as a value of its own.
    public func item(_ position: Int) -> TemplateValue {
        storage.view(position)
    }
}

/// The items of a `TemplateViewList`, read by position: what the rendering sees of a list without knowing its
/// view type. One object, so that a section's frame holds one reference for the whole list.
public final class TemplateViewStorage: @unchecked Sendable {
    let count: Int
    /// The items' view type, as `TemplateProgram.Part.types` holds it.
    let type: UInt
    let table: TemplateKeyTable
    /// The value of the key at a position of the item at a position.
    let value: @Sendable (_ item: Int, _ position: Int) -> TemplateValue
    /// An item as a value of its own.
    let view: @Sendable (_ item: Int) -> TemplateValue

    @usableFromInline
    init(count: Int, type: UInt, table: TemplateKeyTable, value: @escaping @Sendable (Int, Int) -> TemplateValue,
         view: @escaping @Sendable (Int) -> TemplateValue) {
        self.count = count
        self.type = type
        self.table = table
        self.value = value
        self.view = view
    }
}
