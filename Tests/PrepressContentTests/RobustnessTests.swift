import Testing
@testable import PrepressContent

/// Whatever bytes a guide holds, parsing reports problems and never crashes.
@Suite struct RobustnessTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed = """
    ---
    term: "Guide"
    description: 'One: two'
    tags: [a, "b", {c: d}]
    pubDate: 2025-01-14T09:30:00+01:00
    author: {name: Ada, url: /a/}
    image:
      url: /x.png
      alt: X
    list:
      - &anchor one
      - *anchor
    ---
    ## Body
    """

    @Test func mutatedFrontMatterNeverCrashes() {
        var random = SplitMix(state: 42)
        let pieces = ["---", "+++", ":", "\"", "'", "[", "]", "{", "}", "\n", "\t", " ", "- ", "&a ", "*a", "!!str ", "|", ">", "#", "\u{0}", "\u{FEFF}", "é", "😀", "\r\n", "%YAML 1.1\n", "<<: *a\n", "= ", "[[t]]\n"]
        var checked = 0
        for _ in 0..<3000 {
            var text = Array(Self.seed)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let position = Int.random(in: 0...text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text.insert(contentsOf: pieces.randomElement(using: &random)!, at: position)
                case 1: if position < text.count { text.remove(at: position) }
                default: text = Array(text[..<position]) + Array(pieces.randomElement(using: &random)!) + Array(text[position...])
                }
            }
            do {
                _ = try GuideParser.parse(String(text), file: "x.md")
            } catch {
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.column >= 1 })
            }
            checked += 1
        }
        #expect(checked == 3000)
    }

    @Test func aliasBombsAreRefused() {
        var yaml = "---\nterm: T\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(previous)]\n"
        }
        yaml += "---\n"
        #expect(throws: DiagnosticsError.self) { try GuideParser.parse(yaml, file: "x.md") }
    }
}
