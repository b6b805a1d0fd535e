import Testing
@testable import PrepressBuild

/// The link checks read ASCII links on their bytes and others by characters: both must answer alike.
@Suite struct LinkRewriteTests {
    /// The rules as written by characters, for comparison.
    static func schemeByCharacters(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        return !url[..<colon].contains("/") && url[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    static func splitByCharacters(_ url: String) -> (String, String) {
        guard let index = url.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (url, "") }
        return (String(url[..<index]), String(url[index...]))
    }

    static func markdownByCharacters(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")
    }

    static let links = [
        "https://example.com/a", "HTTPS://x", "mailto:a@b.c", "git+ssh://h/r", "a.b-c+d:rest", ":empty-scheme", "no-colon",
        "/guides/x/", "//cdn.example/x", "../other.md", "Other.MD", "notes.Markdown#part", "a.md?x=1#y", "a.mdx", ".md",
        "md", "file.m\u{0E}d", "file\u{0E}md", "x\u{0E}md", "#anchor", "?q", "a/b:c", "a#b:c", "résumé.md", "RÉSUMÉ.MD",
        "a\u{301}:x", "e\u{301}.md#x", "#\u{20E3}x", "x#\u{20E3}", "a?b#c", "ſ.md", "K.MD", "", "\r\n:x", "1:2",
    ]

    @Test func theByteRulesAnswerAsTheCharacterRules() {
        for link in Self.links {
            #expect(GuideRenderer.hasScheme(link) == Self.schemeByCharacters(link), "scheme of \(link.debugDescription)")
            let split = GuideRenderer.split(link)
            let expected = Self.splitByCharacters(link)
            #expect(split.path == expected.0 && split.suffix == expected.1, "split of \(link.debugDescription)")
            #expect(GuideRenderer.namesMarkdown(split.path) == Self.markdownByCharacters(split.path), "Markdown file \(split.path.debugDescription)")
        }
    }
}
