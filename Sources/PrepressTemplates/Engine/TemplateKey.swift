/// One key of a view: its type and how to read it.
public struct TemplateKey<View>: Sendable {
    let type: TemplateType
    let read: @Sendable (View) -> TemplateValue

    public init(type: TemplateType, read: @escaping @Sendable (View) -> TemplateValue) {
        self.type = type
        self.read = read
    }

    public static func text(_ read: @escaping @Sendable (View) -> String) -> Self {
        Self(type: .text) { .text(read($0)) }
    }

    /// Text that may be missing: absent (falsy, and the lookup stops here) when nil.
    public static func optionalText(_ read: @escaping @Sendable (View) -> String?) -> Self {
        Self(type: .text) { .text(read($0)) }
    }

    /// Text the view makes as UTF-8 bytes.
    public static func bytes(_ read: @escaping @Sendable (View) -> [UInt8]) -> Self {
        Self(type: .text) { .bytes(read($0)) }
    }

    public static func number(_ read: @escaping @Sendable (View) -> Int) -> Self {
        Self(type: .number) { .number(read($0)) }
    }

    public static func optionalNumber(_ read: @escaping @Sendable (View) -> Int?) -> Self {
        Self(type: .number) { view in read(view).map(TemplateValue.number) ?? .absent }
    }

    public static func flag(_ read: @escaping @Sendable (View) -> Bool) -> Self {
        Self(type: .flag) { .flag(read($0)) }
    }

    public static func view<Child: TemplateView>(_ read: @escaping @Sendable (View) -> Child) -> Self {
        Self(type: .view(Child.self)) { .view(read($0)) }
    }

    public static func optionalView<Child: TemplateView>(_ read: @escaping @Sendable (View) -> Child?) -> Self {
        Self(type: .view(Child.self)) { view in read(view).map { .view($0) } ?? .absent }
    }

    public static func list<Child: TemplateView>(_ read: @escaping @Sendable (View) -> [Child]) -> Self {
        Self(type: .list(.view(Child.self))) { view in .views(TemplateViewList(read(view))) }
    }

    public static func data(_ read: @escaping @Sendable (View) -> TemplateData) -> Self {
        Self(type: .data) { .data(read($0)) }
    }
}
