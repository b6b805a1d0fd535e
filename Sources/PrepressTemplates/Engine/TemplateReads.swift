/// What a theme's page templates may read, found while checking them (`TemplateChecker`): which keys of
/// which views, and how deep views of one type nest under a page. A build uses it to know what a page is
/// made from without rendering it (the page record's digests).
///
/// Both answers are upper bounds: a name is counted wherever the checker found it, whether or not the
/// section around it renders. A name looked up where free-form data (`params`) is in scope may, at run time,
/// come from any view below the data: then every key of that name may be read, and nesting is unknown.
public struct TemplateReads: Sendable {
    /// The deepest nesting counted exactly; deeper is reported as unknown.
    public static let nestingLimit = 3
    /// Checks of a template in one scope after which the checker stops counting nesting: many view types
    /// including each other could otherwise make the orders of their kept frames (`TemplateChecker.normalized`)
    /// too many to check.
    public static let checkBudget = 20_000

    struct Key: Hashable, Sendable {
        let type: ObjectIdentifier
        let position: Int
    }

    /// Nil when the checker did not count nesting everywhere (`checkBudget`).
    let nesting: [ObjectIdentifier: [ObjectIdentifier: Int]]?
    let keysByPage: [ObjectIdentifier: Set<Key>]
    let freeFormNames: Set<String>

    init(nesting: [ObjectIdentifier: [ObjectIdentifier: Int]]?, keysByPage: [ObjectIdentifier: Set<Key>],
         freeFormNames: Set<String>) {
        self.nesting = nesting
        self.keysByPage = keysByPage
        self.freeFormNames = freeFormNames
    }

    /// The most views of `type` a name read under a page of `page` passes through, counting the frames in scope
    /// and the views a dotted name walks (a guide page's guide is 1, its related guides 2, theirs 3); 0 when no
    /// view of `type` is read there; nil when it could be more than `nestingLimit`, or is unknown because some
    /// name was looked up under free-form data, or because the templates include each other in too many ways to
    /// count (`checkBudget`).
    public func nesting(of type: any TemplateView.Type, under page: any TemplateView.Type) -> Int? {
        guard freeFormNames.isEmpty, let nesting else { return nil }
        let count = nesting[ObjectIdentifier(page)]?[ObjectIdentifier(type)] ?? 0
        return count <= Self.nestingLimit ? count : nil
    }

    /// Whether a template may read `key` of a view of `type` while rendering a page of `page`'s type (what it
    /// includes counted where it is included).
    public func mayRead(_ key: String, of type: any TemplateView.Type, under page: any TemplateView.Type) -> Bool {
        if freeFormNames.contains(key) { return true }
        guard let position = keyTable(of: type).positions[key] else { return false }
        return keysByPage[ObjectIdentifier(page)]?.contains(Key(type: ObjectIdentifier(type), position: position)) ?? false
    }
}
