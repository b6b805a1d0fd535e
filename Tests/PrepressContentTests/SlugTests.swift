import Testing
@testable import PrepressContent

@Suite struct SlugTests {
    @Test(arguments: [
        ("Medical Equipment Account Manager Interview Guide", "medical-equipment-account-manager-interview-guide"),
        ("B2B Sales", "b2b-sales"),
        ("b2b  sales", "b2b-sales"),
        ("Café Ops", "cafe-ops"),
        ("C", "c"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("R&D", "r-and-d"),
        ("R & D", "r-and-d"),
        ("Q/A", "q-a"),
        ("Straße", "strasse"),
        ("面接対策", "面接対策"),
        ("Собеседование", "собеседование"),
        ("🚀", "rocket"),
        ("  ", "untitled"),
    ])
    func slugs(name: String, slug: String) {
        #expect(Slug.make(name) == slug)
    }

    @Test func explicitSlugsMustBeOneSafeSegment() {
        #expect(Slug.problem(withExplicitSlug: "nurse-manager") == nil)
        #expect(Slug.problem(withExplicitSlug: "a/b") != nil)
        #expect(Slug.problem(withExplicitSlug: "..") != nil)
        #expect(Slug.problem(withExplicitSlug: ".hidden") != nil)
        #expect(Slug.problem(withExplicitSlug: "a b") != nil)
        #expect(Slug.problem(withExplicitSlug: "a?b") != nil)
    }
}
