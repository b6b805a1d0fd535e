/// A front-matter key the schema does not know, kept for templates as `params`.
public struct ParamEntry: Sendable, Equatable {
    public var key: String
    public var value: ParamValue

    public init(key: String, value: ParamValue) {
        self.key = key
        self.value = value
    }
}
