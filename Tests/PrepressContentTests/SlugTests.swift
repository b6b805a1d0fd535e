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

    /// ASCII names take a byte path; it must agree with the Unicode one on every kind of character.
    @Test func asciiSlugsMatchTheUnicodePath() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array((0x20..<0x7F).map { Character(Unicode.Scalar(UInt8($0))) }) + ["\t", "\n"]
        var names = ["C++ & C#", "-- Lead / Senior --", "100% @home <3", "a+b=c", "$5 > €"]
        for _ in 0..<2_000 {
            names.append(String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for name in names {
            #expect(Slug.make(name) == Slug.makeUnicode(name), "\(name.debugDescription)")
        }
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
