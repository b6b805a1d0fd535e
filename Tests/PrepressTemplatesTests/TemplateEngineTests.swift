import Foundation
import Testing
@testable import PrepressTemplates

private struct Person: TemplateView {
    var name = "Ada"
    var url: String? = nil
    var tags = ["math", "engines"]
    var friend: Friend? = Friend()
    var extra: TemplateData = .map(["note": .string("free")])

    static let templateKeys = TemplateKeys<Person>("a person", plural: "people", [
        "name": .text(\.name),
        "url": .optionalText(\.url),
        "tags": .list { person in person.tags.map { Tag(label: $0) } },
        "friend": .optionalView(\.friend),
        "extra": .data(\.extra),
        "count": .number { $0.tags.count },
    ])
}

private struct Friend: TemplateView {
    var hasFriend = false
    static let templateKeys = TemplateKeys<Friend>("a friend", plural: "friends", [
        "name": .text { _ in "Charles" },
        "friend": .optionalView { $0.hasFriend ? Friend() : nil },
    ])
}

/// A view whose section finds the same view again, without end: only the depth limit stops it.
private struct Loop: TemplateView {
    static let templateKeys = TemplateKeys<Loop>("a loop", plural: "loops", [
        "again": .view { _ in Loop() },
    ])
}

private struct Tag: TemplateView {
    let label: String
    static let templateKeys = TemplateKeys<Tag>("a tag", plural: "tags", [
        "label": .text(\.label),
    ])
}

private func library(_ templates: [String: String], root: String = "page") throws -> TemplateLibrary {
    try TemplateLibrary(templates.sorted { $0.key < $1.key }.map { (name: $0.key, text: Array($0.value.utf8)) },
                        checking: [(root, Person.self)])
}

private func problems(_ templates: [String: String]) throws -> [String] {
    try library(templates).problems.map { "\($0.template):\($0.line):\($0.column): \($0.message)" }
}

@Suite struct TemplateEngineTests {
    /// What the checker finds a page may read: keys by view type, and how deep views of a type nest — through
    /// sections, dotted names and partials; unknown under free-form data or beyond the limit.
    @Test func theReadsOfCheckedTemplatesBoundWhatAPageShows() throws {
        func reads(_ page: String, _ partials: [String: String] = [:]) throws -> TemplateReads {
            try library(["page": page].merging(partials) { first, _ in first }).reads
        }
        let plain = try reads("{{name}} {{friend.name}}")
        #expect(plain.mayRead("name", of: Person.self, under: Person.self))
        #expect(!plain.mayRead("count", of: Person.self, under: Person.self))
        #expect(plain.mayRead("name", of: Friend.self, under: Person.self))
        #expect(!plain.mayRead("friend", of: Friend.self, under: Person.self))
        #expect(!plain.mayRead("name", of: Person.self, under: Friend.self), "no page of that type was checked")
        #expect(plain.nesting(of: Friend.self, under: Person.self) == 1)
        #expect(plain.nesting(of: Person.self, under: Person.self) == 1)
        #expect(try reads("{{#friend}}{{#friend}}{{name}}{{/friend}}{{/friend}}").nesting(of: Friend.self, under: Person.self) == 2)
        // A dotted name walks a view that is no frame: still counted.
        #expect(try reads("{{#friend.friend}}{{name}}{{/friend.friend}}").nesting(of: Friend.self, under: Person.self) == 2)
        #expect(try reads("{{friend.friend.friend.name}}").nesting(of: Friend.self, under: Person.self) == 3)
        // Through a partial, as deep as it goes; a partial that includes itself has no bound.
        #expect(try reads("{{#friend}}{{>inner}}{{/friend}}", ["inner": "{{#friend}}{{name}}{{/friend}}"]).nesting(of: Friend.self, under: Person.self) == 2)
        #expect(try reads("{{#friend}}{{>again}}{{/friend}}", ["again": "{{name}}{{#friend}}{{>again}}{{/friend}}"]).nesting(of: Friend.self, under: Person.self) == nil)
        // A name under free-form data may come from any view below it.
        let free = try reads("{{#extra}}{{count}}{{/extra}}")
        #expect(free.mayRead("count", of: Person.self, under: Person.self))
        #expect(free.nesting(of: Friend.self, under: Person.self) == nil)
        #expect(try reads("{{name}}").nesting(of: Friend.self, under: Person.self) == 0)
        // Past the checker's budget, repeats are no longer kept: nesting is unknown, and problems still found.
        let nested = [(name: "page", text: Array("{{#friend}}{{>inner}}{{/friend}}".utf8)),
                      (name: "inner", text: Array("{{#friend}}{{name}}{{nmae}}{{/friend}}".utf8))]
        let budgeted = try TemplateLibrary(nested, checking: [("page", Person.self)], checkBudget: 0)
        #expect(budgeted.reads.nesting(of: Friend.self, under: Person.self) == nil)
        #expect(budgeted.problems.count == 1)
        #expect(try TemplateLibrary(nested, checking: [("page", Person.self)]).reads.nesting(of: Friend.self, under: Person.self) == 2)
    }

    @Test func typedViewsRenderTheirKeysThroughTheResolvedPositions() throws {
        let templates = ["page": "{{name}}: {{#tags}}[{{label}}]{{/tags}} {{count}} {{friend.name}} {{extra.note}}{{^url}} no url{{/url}}"]
        let checked = try library(templates)
        #expect(checked.problems.isEmpty)
        let expected = "Ada: [math][engines] 2 Charles free no url"
        #expect(String(decoding: checked.render(Person(), template: "page") ?? [], as: UTF8.self) == expected)
        // Unchecked, every name is found by its key instead: the same bytes.
        let unchecked = try TemplateLibrary([(name: "page", text: Array(templates["page"]!.utf8))])
        #expect(String(decoding: unchecked.render(Person(), template: "page") ?? [], as: UTF8.self) == expected)
    }

    @Test func anAbsentKeyStopsTheLookupInsteadOfFallingBackToAnOuterContext() throws {
        // `url` inside `friend` is not a key of a friend, so it is the person's; but an absent `url` of the
        // person itself renders nothing rather than anything further out.
        let checked = try library(["page": "{{#friend}}<{{url}}>{{/friend}}"])
        #expect(String(decoding: checked.render(Person(url: "/ada/"), template: "page") ?? [], as: UTF8.self) == "</ada/>")
        #expect(String(decoding: checked.render(Person(url: nil), template: "page") ?? [], as: UTF8.self) == "<>")
    }

    @Test func unknownKeysAreReportedWithTheClosestKeyInScope() throws {
        #expect(try problems(["page": "x\n  {{nmae}}"]) == ["page:2:5: 'nmae' is not a key of a person; did you mean 'name'?"])
        #expect(try problems(["page": "{{friend.nam}}"]) == ["page:1:10: 'nam' is not a key of a friend; did you mean 'name'?"])
        #expect(try problems(["page": "{{#tags}}{{lable}}{{/tags}}"]) == ["page:1:12: 'lable' is not a key of a tag; did you mean 'label'?"])
        #expect(try problems(["page": "{{zzz}}"]) == ["page:1:3: 'zzz' is not a key of a person"])
    }

    @Test func valuesUsedAsTheWrongKindAreReported() throws {
        #expect(try problems(["page": "{{tags}}"]) == ["page:1:3: 'tags' is a list of tags, not a text"])
        #expect(try problems(["page": "{{friend}}"]) == ["page:1:3: 'friend' is a friend, not a text"])
        #expect(try problems(["page": "{{name.first}}"]) == ["page:1:3: 'name' is a text, which has no key 'first'"])
    }

    @Test func freeFormDataIsNotChecked() throws {
        #expect(try problems(["page": "{{extra.anything.deeper}}{{#extra}}{{whatever}}{{/extra}}"]).isEmpty)
    }

    @Test func partialsAreCheckedWhereTheyAreIncluded() throws {
        #expect(try problems(["page": "{{#friend}}{{>part}}{{/friend}}", "part": "{{name}} {{tags}}"])
            == ["part:1:12: 'tags' is a list of tags, not a text"])
        #expect(try problems(["page": "{{>prat}}", "part": ""]) == ["page:1:4: there is no template 'prat'; did you mean 'part'?"])
    }

    @Test func blocksAParentDoesNotHaveAreReported() throws {
        let found = try problems(["page": "{{<layout}}{{$mian}}x{{/mian}}{{/layout}}", "layout": "{{$main}}{{/main}}"])
        #expect(found == ["page:1:15: 'mian' is not a block of 'layout'; did you mean 'main'?"])
    }

    @Test func aPartialIncludingItselfIsCheckedAndRenderedToAnEnd() throws {
        let checked = try library(["page": "{{>node}}", "node": "{{name}}{{#friend}}({{>node}}){{/friend}}"])
        #expect(checked.problems.isEmpty)
        // The friend's own `friend` is absent, so the recursion ends with the data.
        #expect(String(decoding: checked.render(Person(), template: "page") ?? [], as: UTF8.self) == "Ada(Charles)")
        #expect(String(decoding: checked.render(Person(friend: Friend(hasFriend: true)), template: "page") ?? [], as: UTF8.self)
            == "Ada(Charles(Charles))")
        let endless = try TemplateLibrary([(name: "node", text: Array("({{#again}}{{>node}}{{/again}})".utf8))], checking: [("node", Loop.self)])
        // Stopped at the depth limit: no page rather than a page cut short.
        #expect(endless.render(Loop(), template: "node") == nil)
        // Twice per level would be exponential: the number of inclusions is bounded too (fuzz-templates found it).
        #expect(throws: TemplateLimitExceeded.self) {
            try renderMustache("{{>p}}", json: Data("{}".utf8), partials: ["p": "x{{>p}}{{>p}}"])
        }
        // Recursion that the data ends, as the specification's partials test has it, still renders.
        #expect(try renderMustache("{{>node}}", json: Data(#"{"content": "X", "nodes": [{"content": "Y", "nodes": []}]}"#.utf8),
                                   partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"]) == "X<Y<>>")
    }

    @Test func syntaxErrorsSayWhereAndHowToFixThem() throws {
        func error(_ text: String) -> TemplateSyntaxError? {
            do {
                _ = try TemplateLibrary([(name: "t", text: Array(text.utf8))])
                return nil
            } catch {
                return error.failures.first?.error
            }
        }
        #expect(error("a\n{{#x}}") == TemplateSyntaxError(line: 2, column: 4, message: "'x' is opened here and never closed", hint: "close it with {{/x}}"))
        #expect(error("{{#x}}{{/y}}")?.message == "{{/y}} closes 'x', opened at line 1, column 4")
        #expect(error("{{/y}}")?.message == "{{/y}} closes nothing")
        #expect(error("ab {{name")?.column == 4)
        #expect(error("{{=<% %>}}")?.message == "this tag is never closed")
        #expect(error("{{= x =}}")?.message.hasPrefix("a set-delimiter tag needs two delimiters") == true)
        #expect(error("{{a..b}}")?.message == "'a..b' is not a name: a dot must stand between two names")
        #expect(error("{{<p}}{{x}}{{/p}}")?.message == "only blocks ({{$name}}…{{/name}}) may stand inside {{<p}}")
        #expect(error("é{{}}")?.column == 2, "columns count characters, not bytes")
    }

    @Test func suggestionsCountASwapOfTwoLettersAsOneEdit() {
        #expect(TemplateChecker.editDistance("titel", "title") == 1)
        #expect(TemplateChecker.editDistance("", "abc") == 3)
        #expect(TemplateChecker.editDistance("kitten", "sitting") == 3)
        #expect(TemplateChecker.closest(to: "titel", among: ["term", "title"]) == "title")
        #expect(TemplateChecker.closest(to: "zz", among: ["term", "title"]) == nil)
    }

    @Test func theRenderPathUsesNoReflectionCastsOrDescriptions() throws {
        let engine = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PrepressTemplates/Engine")
        for file in ["TemplateRendering.swift", "TemplateProgram.swift", "TemplateValue.swift", "TemplateView.swift", "HTMLText.swift",
                     "TemplateViewBox.swift", "TemplateViewList.swift"] {
            let text = try String(contentsOf: engine.appendingPathComponent(file), encoding: .utf8)
            for forbidden in ["Mirror(", " as? ", " as! ", "String(describing", "type(of:"] where text.contains(forbidden) {
                Issue.record("\(file) uses \(forbidden)")
            }
        }
    }

    @Test func escapingCoversTheFiveHTMLCharactersAndLeavesTheRestAlone() {
        #expect(HTMLText.escaped(#"<a href="x">Tom & 'Jerry'</a> é"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt; é")
        #expect(HTMLText.escaped("plain") == "plain")
    }

    /// Escaping skips eight bytes at a time when none is special: every special character, at every offset of
    /// texts longer and shorter than eight bytes, beside multi-byte characters and bytes one away from the
    /// special ones (`%`, `'`+1, `;`, `=`, `?`, `!`, `#`), escapes exactly as one byte at a time does.
    @Test func escapingFindsEverySpecialCharacterAtEveryOffset() {
        func reference(_ text: String) -> String {
            var result = ""
            for character in text.unicodeScalars {
                switch character {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case "'": result += "&#39;"
                default: result.unicodeScalars.append(character)
                }
            }
            return result
        }
        for filler in ["a", "é", "%", "(", ";", "=", "?", "!", "#", "\u{7F}"] {
            for length in [1, 7, 8, 9, 16, 23] {
                for special in ["&", "<", ">", "\"", "'"] {
                    for offset in 0..<length {
                        var characters = Array(repeating: filler, count: length)
                        characters[offset] = special
                        let text = characters.joined()
                        #expect(HTMLText.escaped(text) == reference(text), "\(text)")
                    }
                }
                let plain = String(repeating: filler, count: length)
                #expect(HTMLText.escaped(plain) == plain)
            }
        }
    }
}

@Suite struct TemplateRobustnessTests {
    /// Templates made of random pieces of Mustache syntax either parse or throw a syntax error; none crashes,
    /// and every one that parses renders.
    @Test func randomTemplatesParseOrFailButNeverCrash() throws {
        let pieces = ["{{", "}}", "{{{", "}}}", "{{#a}}", "{{/a}}", "{{^b}}", "{{/b}}", "{{>p}}", "{{<p}}", "{{/p}}", "{{$x}}",
                      "{{/x}}", "{{!c}}", "{{=<% %>=}}", "<%a%>", "{{=| |=}}", "|a|", "{{.}}", "{{a.b}}", "{{.a}}", "\n", "  ",
                      "\r\n", "text", "é", "{{&a}}", "{{ a }}", "{", "}", "=", "{{#.}}", "{{/.}}", "\t"]
        var generator = SplitMix64(seed: 20261201)
        var parsed = 0
        for _ in 0..<3000 {
            let count = Int(generator.next() % 12) + 1
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let partial = (0..<3).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let data = #"{"a":{"b":[1,2]},"b":false,"x":"<y>"}"#
            if (try? renderMustache(text, json: Data(data.utf8), partials: ["p": partial])) != nil { parsed += 1 }
        }
        #expect(parsed > 100, "enough random templates parse to exercise rendering too")
    }
}

/// A small deterministic generator (SplitMix64), so that a failure can be reproduced.
private struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
