/// One key of a view: its type and how to read it.
public struct TemplateKey<View>: Sendable {
    @usableFromInline let type: TemplateType
    @usableFromInline let read: @Sendable (View) -> TemplateValue

    // The factories are inlinable: their closures are then made for the view types where the keys are declared.
    @inlinable
    public init(type: TemplateType, read: @escaping @Sendable (View) -> TemplateValue) {
        self.type = type
        self.read = read
    }

    @inlinable
    public static func text(_ read: @escaping @Sendable (View) -> String) -> Self {
        Self(type: .text) { .text(read($0)) }
    }

    /// Text that may be missing: absent (falsy, and the lookup stops here) when nil.
    @inlinable
    public static func optionalText(_ read: @escaping @Sendable (View) -> String?) -> Self {
        Self(type: .text) { .text(read($0)) }
    }

    /// Text the view makes as UTF-8 bytes.
    @inlinable
    public static func bytes(_ read: @escaping @Sendable (View) -> [UInt8]) -> Self {
        Self(type: .text) { .bytes(read($0)) }
    }

    /// Text made as UTF-8 bytes that may be missing: absent when nil, as `optionalText`.
    @inlinable
    public static func optionalBytes(_ read: @escaping @Sendable (View) -> [UInt8]?) -> Self {
        Self(type: .text) { view in read(view).map(TemplateValue.bytes) ?? .absent }
    }

    @inlinable
    public static func number(_ read: @escaping @Sendable (View) -> Int) -> Self {
        Self(type: .number) { .number(read($0)) }
    }

    @inlinable
    public static func optionalNumber(_ read: @escaping @Sendable (View) -> Int?) -> Self {
        Self(type: .number) { view in read(view).map(TemplateValue.number) ?? .absent }
    }

    @inlinable
    public static func flag(_ read: @escaping @Sendable (View) -> Bool) -> Self {
        Self(type: .flag) { .flag(read($0)) }
    }

    @inlinable
    public static func view<Child: TemplateView>(_ read: @escaping @Sendable (View) -> Child) -> Self {
        Self(type: .view(Child.self)) { .of(read($0)) }
    }

    @inlinable
    public static func optionalView<Child: TemplateView>(_ read: @escaping @Sendable (View) -> Child?) -> Self {
        Self(type: .view(Child.self)) { view in read(view).map { .of($0) } ?? .absent }
    }

    @inlinable
    public static func list<Child: TemplateView>(_ read: @escaping @Sendable (View) -> [Child]) -> Self {
        Self(type: .list(.view(Child.self))) { view in .views(TemplateViewList(read(view))) }
    }

    @inlinable
    public static func data(_ read: @escaping @Sendable (View) -> TemplateData) -> Self {
        Self(type: .data) { .data(read($0)) }
    }
}
