/// A guide's author: a name, and optionally a page about them.
public struct Author: Sendable, Equatable {
    public var name: String
    public var url: String?

    public init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }
}
