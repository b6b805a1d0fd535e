import Foundation
import Testing
import PrepressTemplates
import PrepressTestSupport

/// Inputs `make fuzz` found in the template engine (Tests/Fixtures/fuzz/templates/), each in the fuzz target's
/// format (template, NUL, JSON data, NUL, a partial named `p`): they render or fail, and end.
@Suite struct TemplateFuzzFindingTests {
    /// timeout-d592e5b3: a partial including itself twice took time exponential in the depth limit; the
    /// number of inclusions is bounded now.
    @Test func everyFoundInputEnds() throws {
        let folder = fixturesDirectory + "/fuzz/templates"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let data = try #require(FileManager.default.contents(atPath: folder + "/" + name))
            let parts = data.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
            let template = String(decoding: parts[0], as: UTF8.self)
            let json = parts.count > 1 ? Data(parts[1]) : Data("{}".utf8)
            // The fuzz target's reading of an input (Fuzz/Sources/fuzz-templates/main.swift), defaults and all.
            let partial = parts.count > 2 ? String(decoding: parts[2], as: UTF8.self) : "{{x}}"
            _ = try? renderMustache(template, json: json, partials: ["p": partial])
            // As the fuzz target does, with data that always decodes.
            _ = try? renderMustache(template, json: Data(#"{"a": {"b": [1, "two", true, null]}, "x": "<&>"}"#.utf8), partials: ["p": partial])
        }
    }
}
