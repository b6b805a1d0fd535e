import Foundation
import Testing
@testable import PrepressContent
import PrepressTestSupport

/// Inputs `make fuzz` found that crashed, each kept so that it never comes back (docs/fuzzing.md).
@Suite struct FuzzFindingTests {
    func errors(_ text: String) -> [String] {
        do throws(DiagnosticsError) {
            _ = try GuideParser.parse(text, file: "content/x.md")
            return []
        } catch {
            return error.diagnostics.filter(\.isError).map { String($0.description.split(separator: "\n")[0]) }
        }
    }

    /// fuzz-front-matter, crash-a1ad225d: toml++ stopped the process with a failed assertion on a table
    /// header whose name starts with a character no key starts with.
    @Test func aTableHeaderThatNoKeyCanStartIsAnErrorNotACrash() {
        let message = "invalid TOML: a table's name must start with a letter, a digit, '-', '_' or a quote"
        #expect(errors("+++\n [\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{02}T\n+++\n") == ["content/x.md:2:3: error: " + message])
        #expect(errors("+++\n[*]\n+++\n") == ["content/x.md:2:2: error: " + message])
        #expect(errors("+++\nterm = \"T\"\n[\n+++\n") == ["content/x.md:3:2: error: " + message])
        #expect(errors("+++\nterm = \"T\"\n[[ é]]\n+++\n") == ["content/x.md:3:4: error: " + message])
        #expect(errors("+++\nterm = \"T\"\n  [.a]\n+++\n") == ["content/x.md:3:4: error: " + message])
    }

    /// fuzz-front-matter, crash-f399347f: toml++ stopped the process on a date followed by what it took for
    /// the start of a time.
    @Test func aDateFollowedByNoTimeIsAnErrorNotACrash() {
        let message = "invalid TOML: a date's time must follow it as HH:MM, e.g. 2025-01-14T09:30:00"
        #expect(errors("+++\nterm = \"T\"\npubDate = 2025-03-01 1\n+++\n") == ["content/x.md:3:11: error: " + message])
        #expect(errors("+++\nterm = \"T\"\nd = [2025-03-01 1]\n+++\n") == ["content/x.md:3:6: error: " + message])
        #expect(errors("+++\nterm = \"T\"\npubDate = 2024-03-01T\u{FFFD}\u{FFFD}09:30:00-07:00\n+++\n") == ["content/x.md:3:11: error: " + message])
        // Dates and date-times TOML has stay fine, and so do dates in strings.
        #expect(errors("+++\nterm = \"2025-03-01 1\"\npubDate = 2025-03-01\nmodDate = 2025-03-02 10:00:00\nx = 2025-03-03T10:00:00Z\n+++\n") == [])
    }

    /// What the check must not take for such a header: brackets in strings, comments and arrays.
    @Test func bracketsInValuesAreNoTableHeaders() throws {
        let text = "+++\nterm = \"T [*]\" # [*]\nnotes = '''\n[*]\n'''\nrows = [\n  [ +1, -2 ],\n  [3],\n]\n[params]\nk = \"v\"\n+++\n"
        #expect(errors(text) == [])
        let guide = try GuideParser.parse(text, file: "content/x.md")
        #expect(guide.frontMatter.term == "T [*]")
    }

    /// fuzz-front-matter, timeout-6f829b11: Yams compared repeated keys that were themselves mappings in time
    /// exponential in their depth (a 6 KB front matter ran for more than five minutes). libyaml's events are now
    /// composed here, and a key that is no text is an error without any comparison.
    @Test func repeatedKeysThatAreMappingsAreErrorsAtOnce() {
        var key = "a"
        for _ in 0..<30 { key = "{\(key): v}" }
        let text = "---\n\(key): 1\n\(key): 2\nterm: T\n---\n"
        #expect(errors(text) == [
            "content/x.md:2:1: error: a key must be a text, not a mapping",
            "content/x.md:3:1: error: a key must be a text, not a mapping",
        ])
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() {
        let text = "---\nterm: T\nx: " + String(repeating: "[", count: 100_000) + "\n---\n"
        #expect(errors(text).first?.contains("nests lists and mappings more than 256 deep") == true)
    }

    /// Every input the fuzzer found, as it found it (Tests/Fixtures/fuzz/front-matter/), read by each parser.
    @Test func everyFoundInputParsesOrFails() throws {
        let folder = fixturesDirectory + "/fuzz/front-matter"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.count >= 2)
        for name in names {
            let data = try #require(FileManager.default.contents(atPath: folder + "/" + name))
            let text = String(decoding: data, as: UTF8.self)
            _ = errors(text)
            _ = try? YAMLTreeParser.parse(text, file: name)
            _ = try? TOMLTreeParser.parse(text, file: name)
            _ = try? SiteConfigParser.parse(text)
        }
    }
}
