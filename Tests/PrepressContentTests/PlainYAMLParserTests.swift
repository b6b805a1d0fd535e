import Foundation
import Testing
@testable import PrepressContent

/// `PlainYAMLParser` gives exactly the tree libyaml's events make (`YAMLComposer`) (values, quoting, lines and columns) for every text it accepts,
/// and accepts the front matter guides are usually written in.
@Suite struct PlainYAMLParserTests {
    /// libyaml's tree, or nil when libyaml refuses the text.
    func yams(_ text: String) -> FrontMatterNode? {
        try? YAMLTreeParser.parseWithLibYAML(text, file: "guide.md", lineOffset: 1)
    }

    func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let plain = PlainYAMLParser.parse(text, lineOffset: 1) else { return }
        #expect(plain == yams(text), "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    /// Texts the plain parser must read itself (and read as libyaml does).
    static let accepted = [
        "term: Guide\n",
        "term: \"Guide\"\ndescription: 'One: two'\n",
        "term: Guide",
        "\n\nterm: Guide\n\n\ncategory: Sales\n\n",
        "term: C# and C++ (2024), b-c, a:b, http://x.y/z?q=1\n",
        "tags: [\"Client Management\",\"Node.js\",\"🚀 Fast Track\"]\n",
        "tags: [a, b c, 'd, e', \"f]\"]\n",
        "tags: []\n",
        "tags: [ a ,b ]   \n",
        "tags:\n  - one\n  - \"two\"\n  - 'three'\n",
        "tags:\n- one\n- two\nterm: x\n",
        "avatar:\n  url: \"/images/a.png\"\n  alt: \"Tomás Álvarez\"\nimage:\n  url: /b.jpg\n  alt: B\n",
        "author: \"Tomás Álvarez\"\ntags: [\"Tomás\", \"x\"]\n",
        "params:\n  level:\n    name: senior\n    years: 5\n  other: [1, 2]\n",
        "term: 'He said \"hi\"'\nb: \"it's\"\n",
        "pubDate: 2024-01-25\nmodDate: \"2024-05-24T10:00:00+02:00\"\ndraft: true\nweight: 10\n",
        "term:    spaced   \n",
        "key-with-dash: v\nkey_with_underscore: w\n123: n\n",
    ]

    /// Texts the plain parser must leave to libyaml.
    static let declined = [
        "# a comment\nterm: x\n",
        "term: x # a comment\n",
        "term: |\n  block\n",
        "term: >\n  folded\n",
        "term: \"a\\nb\"\n",
        "term: 'it''s'\n",
        "term: plain text\n  continued\n",
        "term: \"open\n  close\"\n",
        "term: &a x\nother: *a\n",
        "term: !!str x\n",
        "term: x\nterm: y\n",
        "term: {a: b}\n",
        "term:\n",
        "term: a: b\n",
        "term: a:\n",
        "\tterm: x\n",
        "term: x\r\n",
        "- a\n- b\n",
        "  term: x\n",
        "term: -5\n",
        "tags: [a, , b]\n",
        "tags: [a,]\n",
        "tags: [a: b]\n",
        "tags: [\"a\" b]\n",
        "tags:\n  - a\n    b\n",
        "a:\n    b: 1\n  c: 2\n",
        "? complex\n: key\n",
        "---\nterm: x\n",
        "term: x\n...\n",
        "term: \u{85}x\n",
        "term: a\u{2028}b\n",
        "term: \u{FEFF}x\n",
        "term : x\n",
        "\"quoted key\": x\n",
        "",
        "\n\n",
    ]

    @Test func acceptsTheUsualFrontMatterAndReadsItAsLibYAMLDoes() throws {
        for text in Self.accepted {
            let plain = PlainYAMLParser.parse(text, lineOffset: 1)
            #expect(plain != nil, "declined \(text.debugDescription)")
            #expect(plain == yams(text), "\(text.debugDescription)")
        }
    }

    @Test func leavesEverythingElseToLibYAML() {
        for text in Self.declined {
            #expect(PlainYAMLParser.parse(text, lineOffset: 1) == nil, "accepted \(text.debugDescription)")
        }
    }

    @Test func parseGivesLibYAMLsTreeOrItsError() throws {
        let tree = try YAMLTreeParser.parse("term: \"Guide\"\ntags: [a, b]\n", file: "g.md", lineOffset: 1)
        #expect(tree == yams("term: \"Guide\"\ntags: [a, b]\n"))
        #expect(throws: DiagnosticsError.self) { try YAMLTreeParser.parse("term: x\nterm: y\n", file: "g.md") }
    }

    /// Lines put together at random from pieces that come close to the subset's edges (quotes, colons, hashes,
    /// indents, brackets, non-ASCII): whatever the plain parser accepts, libyaml reads the same.
    @Test func randomTextsReadAsLibYAMLReadsThem() {
        var random = RobustnessTests.SplitMix(state: 7)
        let keys = ["term", "tags", "a", "b-c", "x_1", "9", "k", "l", "m", "n", "o", "p", "-k", "é", "term "]
        let safe = ["x", "Guide", "\"q\"", "'s'", "[a, b]", "a:b", "C#", "é ü", "😀 x"]
        let values = ["x", "Guide", "\"q\"", "'s'", "'it''s'", "\"a\\\"b\"", "a: b", "a:b", "a #b", "a#b", "C#", "-1",
                      "[a, b]", "[\"a\", 'b']", "[a,]", "[]", "{a: b}", "é ü", "😀", "  padded  ", "&x", "*x", "!t",
                      "|", ">", "%", "@", "`", "\"unclosed", "[unclosed", "a, b", "[a b, c.d/e+f]", "~", "null", "?"]
        var accepted = 0
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let indent = String(repeating: " ", count: [0, 0, 0, 0, 0, 0, 2, 2, 4, 1].randomElement(using: &random)!)
                let value = (Bool.random(using: &random) ? safe : values).randomElement(using: &random)!
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<5: text += "\(indent)\(keys.randomElement(using: &random)!): \(value)\n"
                case 5..<7: text += "\(indent)\(keys.randomElement(using: &random)!):\n"
                case 7..<9: text += "\(indent)- \(value)\n"
                default: text += ["\n", "  \n", "# c\n", "\(indent)cont inued\n"].randomElement(using: &random)!
                }
            }
            if PlainYAMLParser.parse(text, lineOffset: 1) != nil { accepted += 1 }
            expectSame(text)
        }
        // The generator reaches both sides of the subset's edge.
        #expect(accepted > 500 && accepted < 19000, "accepted \(accepted) of 20000")
    }

    /// The front matter of the repository's own guides and fixture sites.
    @Test func theRepositorysGuidesReadAsLibYAMLReadsThem() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0
        for folder in ["content", "Tests/Fixtures/sites"] {
            guard let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            for case let path as String in files where path.hasSuffix(".md") {
                let url = root.appendingPathComponent(folder).appendingPathComponent(path)
                guard let text = try? String(contentsOf: url, encoding: .utf8),
                      let split = GuideParser.split(text), split.delimiter == "---" else { continue }
                expectSame(split.frontMatter)
                checked += 1
            }
        }
        #expect(checked > 10)
    }
}
