import Testing
@testable import PrepressContent

/// Filling in a permalink pattern: the path is normalised in one pass (no leading `/`, no doubled `/`, one at
/// the end), and the default pattern's paths, already so, are taken as they are.
struct PermalinkPatternTests {
    private func pattern(_ text: String) throws -> PermalinkPattern {
        try PermalinkPattern.parse(text).get()
    }

    @Test func theDefaultPatternGivesTheGuidesFolder() {
        let path = PermalinkPattern.defaultGuide.sitePath(slug: "nurse", relativePath: "nurse.md", category: nil, date: nil)
        #expect(path == "guides/nurse/")
    }

    @Test func emptyPlaceholdersLeaveNoEmptySegment() throws {
        let folder = try pattern("/:folder/:filename/")
        #expect(folder.sitePath(slug: "", relativePath: "nurse.md", category: nil, date: nil) == "nurse/")
        #expect(folder.sitePath(slug: "", relativePath: "roles/care/nurse.md", category: nil, date: nil) == "roles/care/nurse/")
        let category = try pattern("/:category/:slug/")
        #expect(category.sitePath(slug: "x", relativePath: "x.md", category: nil, date: nil) == "x/")
        #expect(category.sitePath(slug: "x", relativePath: "x.md", category: "Health Care", date: nil) == "health-care/x/")
    }

    @Test func normalisedPaths() {
        let cases: [(String, String)] = [
            ("/guides/x/", "guides/x/"), ("guides/x/", "guides/x/"), ("//a//b//", "a/b/"), ("/a/b", "a/b/"),
            ("/", ""), ("", ""), ("///", ""), ("/é//ü/", "é/ü/"),
        ]
        for (path, expected) in cases {
            #expect(PermalinkPattern.normalized(path) == expected, "\(path)")
        }
    }
}
