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
