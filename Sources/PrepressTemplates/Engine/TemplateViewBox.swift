/// A view as a template value, held by reference: a value then copies as one reference count rather than
/// through the view's value witnesses, and a lookup reads a key of the view where it is.
public class TemplateViewBox: @unchecked Sendable {
    /// The view's type, as `TemplateProgram.Part.types` holds it.
    let type: UInt
    let table: TemplateKeyTable

    @usableFromInline
    init(type: UInt, table: TemplateKeyTable) {
        self.type = type
        self.table = table
    }

    /// The value of the key at `position` of the view's keys.
    func value(at position: Int) -> TemplateValue {
        preconditionFailure("TemplateViewBox is abstract")
    }

    /// The view itself.
    public var view: any TemplateView {
        preconditionFailure("TemplateViewBox is abstract")
    }
}

/// The box of one view type: made where the view type is known (the factories are inlinable), so that making
/// one needs no run-time type lookup; reading a key goes through the view's own specialised accessor.
@usableFromInline
final class TypedTemplateViewBox<View: TemplateView>: TemplateViewBox, @unchecked Sendable {
    @usableFromInline let content: View

    @inlinable
    init(_ content: View) {
        self.content = content
        super.init(type: UInt(bitPattern: ObjectIdentifier(View.self)), table: View.templateKeys)
    }

    override func value(at position: Int) -> TemplateValue {
        content.templateValue(at: position)
    }

    override var view: any TemplateView { content }
}

extension TemplateValue {
    /// A view as a value.
    @inlinable
    public static func of<View: TemplateView>(_ view: View) -> TemplateValue {
        .view(TypedTemplateViewBox(view))
    }
}

/// A view boxed once, for a key every page reads many times (`site`, `page`): each read retains the one box,
/// where a key returning the view itself copies it into a new box every time (a page's header and `<head>`
/// read `site` and `page` about thirty times).
public struct BoxedView<Child: TemplateView>: Sendable {
    @usableFromInline let value: TemplateValue

    @inlinable
    public init(_ view: Child) {
        value = .of(view)
    }
}

extension TemplateKey {
    /// A view made once and boxed (`BoxedView`): the checker sees `Child`'s keys, as for `view(_:)`.
    @inlinable
    public static func view<Child: TemplateView>(_ read: @escaping @Sendable (View) -> BoxedView<Child>) -> Self {
        Self(type: .view(Child.self)) { read($0).value }
    }
}
