/// The templates of a library that did not parse.
public struct TemplateLibraryError: Error, Sendable {
    public let failures: [TemplateLibrary.Failure]
}
