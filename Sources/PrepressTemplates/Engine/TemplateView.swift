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
}

/// The keys of a view type, through its static table.
func keyTable<View: TemplateView>(of type: View.Type) -> TemplateKeyTable {
    View.templateKeys
}
