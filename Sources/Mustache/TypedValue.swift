//
// Prepress: added to the vendored swift-mustache; see README.md.
//

/// A value a view hands to the renderer in a form it can use without dynamic casts.
///
/// Each case renders exactly as the `Any` it stands for (`anyValue`) renders through `MustacheParent`:
/// the typed path only skips the casts that work out what that `Any` is.
public enum MustacheValue {
    /// Text, as a `String`.
    case text(String)
    /// A whole number, as an `Int`.
    case number(Int)
    /// A flag, as a `Bool`: a section shows when it is true.
    case flag(Bool)
    /// A view with keys of its own.
    case object(any MustacheTypedParent)
    /// A list, as an array of its items.
    case list([MustacheValue])
    /// A key the view knows but has no value for: renders empty, is falsy, and stops the lookup there rather than
    /// letting it go on up the context stack.
    case absent
    /// Anything else: rendered by the general path.
    case other(Any)

    /// Whether the value is one the typed path pushes as a section's context itself: text, a number or a view.
    var isTyped: Bool {
        switch self {
        case .text, .number, .object: true
        case .flag, .list, .absent, .other: false
        }
    }

    /// The value as the general path sees it.
    public var anyValue: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .object(let object): object
        case .list(let items): items.map(\.anyValue)
        case .absent: MustacheAbsent()
        case .other(let value): value
        }
    }
}

/// A view whose keys answer with typed values: the renderer's fast path.
///
/// Its `child(named:)` answers with the same values as `Any`, for the general path (transforms, lambdas,
/// `{{.}}`).
public protocol MustacheTypedParent: MustacheParent {
    /// The value of `name`; nil when this view does not know the key, so that the lookup goes on up the stack.
    func value(named name: String) -> MustacheValue?
}

extension MustacheTypedParent {
    public func child(named name: String) -> Any? {
        self.value(named: name)?.anyValue
    }
}

/// What `MustacheValue.absent` is on the general path: renders empty and is falsy.
public struct MustacheAbsent: MustacheCustomRenderable, Sendable {
    public init() {}
    public var renderText: String { "" }
    public var isNull: Bool { true }
}
