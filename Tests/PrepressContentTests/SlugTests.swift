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

    /// A guide's `slug:` may name folders (#17, item 3), each segment a safe one.
    @Test func guideSlugsMayNameNestedSegments() {
        #expect(Slug.problem(withNestedSlug: "nurse-manager") == nil)
        #expect(Slug.problem(withNestedSlug: "coding/arrays") == nil)
        #expect(Slug.problem(withNestedSlug: "a/b/c.d_e") == nil)
        #expect(Slug.problem(withNestedSlug: "/coding/arrays") == "must not start with '/': it is a path under the guides' folder")
        #expect(Slug.problem(withNestedSlug: "coding//arrays") == "has an empty segment: write segments separated by one '/'")
        #expect(Slug.problem(withNestedSlug: "coding/arrays/") == "has an empty segment: write segments separated by one '/'")
        #expect(Slug.problem(withNestedSlug: "coding/../etc") == "must not contain '..' or '.' as a segment")
        #expect(Slug.problem(withNestedSlug: "./x") == "must not contain '..' or '.' as a segment")
        #expect(Slug.problem(withNestedSlug: "a\\b") == "must not contain '\\'")
        #expect(Slug.problem(withNestedSlug: "coding/.git") == "segment '.git' must not start with '.'")
        #expect(Slug.problem(withNestedSlug: "coding/a b") == "segment 'a b' contains ' ', which is not safe in a URL path")
        #expect(Slug.makeNested("/Coding/Arrays & Lists/") == "coding/arrays-and-lists")
    }
}
