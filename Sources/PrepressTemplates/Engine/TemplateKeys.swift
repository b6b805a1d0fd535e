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
