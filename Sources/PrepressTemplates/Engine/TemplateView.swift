/// A value shaped for templates: a fixed set of keys, each with a declared type and an accessor.
///
/// Templates are checked against the keys when the theme loads, so a misspelled name is an error at its
/// `file:line:column` rather than an empty string on a page; rendering reads a key through its accessor by
/// position, found when the template was checked, without comparing names.
public protocol TemplateView: Sendable {
    /// The keys this view offers.
    static var templateKeys: TemplateKeys<Self> { get }
    /// The value of the key at `position` in `templateKeys`.
    func templateValue(at position: Int) -> TemplateValue
}

extension TemplateView {
    // Inlinable, so that each view's witness is specialised for its type where it is declared: generic code
    // would look up the accessor's function type at run time on every key read.
    @inlinable
    public func templateValue(at position: Int) -> TemplateValue {
        Self.templateKeys.accessors[position](self)
    }

    /// Where `key` is among this view's keys, found by name.
    func position(ofKey key: String) -> Int? {
        Self.templateKeys.positions[key]
    }
}

/// What a key holds, for checking templates: the value kinds of `TemplateValue`, with the type of a view or
/// of a list's items.
public indirect enum TemplateType: Sendable {
    case text
    case number
    case flag
    case view(any TemplateView.Type)
    case list(TemplateType)
    /// Free-form data: anything may be looked up in it, so names under it are not checked.
    case data

    /// How an error message names a value of this type: "a text", "a list of guides".
    var spoken: String {
        switch self {
        case .text: "a text"
        case .number: "a number"
        case .flag: "a flag"
        case .view(let type): keyTable(of: type).description
        case .list(let item):
            if case .view(let type) = item { "a list of \(keyTable(of: type).plural)" } else { "a list" }
        case .data: "free-form data"
        }
    }
}

/// A view type's keys: names, types and, in the typed subclass, accessors.
public class TemplateKeyTable: @unchecked Sendable {
    /// What error messages call a value of the view: "a guide page".
    public let description: String
    /// The same, for lists: "guides".
    public let plural: String
    /// The keys, in declaration order.
    public let names: [String]
    let types: [TemplateType]
    let positions: [String: Int]

    init(description: String, plural: String, names: [String], types: [TemplateType]) {
        self.description = description
        self.plural = plural
        self.names = names
        self.types = types
        var positions: [String: Int] = [:]
        for (position, name) in names.enumerated() where positions[name] == nil { positions[name] = position }
        self.positions = positions
    }
}

/// The keys of the view type `View`, declared once as a static table:
///
/// ```swift
/// static let templateKeys = TemplateKeys<TermView>("a term", plural: "terms", [
///     "name": .text { $0.displayName },
///     "url": .optionalText { $0.url },
/// ])
/// ```
public final class TemplateKeys<View>: TemplateKeyTable, @unchecked Sendable {
    @usableFromInline let accessors: [@Sendable (View) -> TemplateValue]

    public init(_ description: String, plural: String, _ keys: KeyValuePairs<String, TemplateKey<View>>) {
        accessors = keys.map(\.value.read)
        super.init(description: description, plural: plural, names: keys.map(\.key), types: keys.map(\.value.type))
    }

    /// `keys`, then every key of `inner` not among them, read from the view `through` gives.
    public init<Inner>(_ description: String, plural: String, _ keys: KeyValuePairs<String, TemplateKey<View>>,
                       including inner: TemplateKeys<Inner>, through read: @escaping @Sendable (View) -> Inner) {
        var names = keys.map(\.key)
        var types = keys.map(\.value.type)
        var accessors = keys.map(\.value.read)
        for (position, name) in inner.names.enumerated() where !names.contains(name) {
            let innerRead = inner.accessors[position]
            names.append(name)
            types.append(inner.types[position])
            accessors.append { view in innerRead(read(view)) }
        }
        self.accessors = accessors
        super.init(description: description, plural: plural, names: names, types: types)
    }
}

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

/// The keys of a view type, through its static table.
func keyTable<View: TemplateView>(of type: View.Type) -> TemplateKeyTable {
    View.templateKeys
}
