// Renders templates made of one kind of tag, many times, and prints the time per tag: with swift-mustache
// 2.1.1 as published, and with Prepress's vendored copy, given the same views through `MustacheParent` and
// then as typed views (`MustacheTypedParent`), as Prepress's views are. Escaping is a byte scan that finds
// nothing to escape, so what is left is each engine's own work: looking the name up and deciding what the
// value is.
import Foundation
import Mustache
import VendoredMustache

struct NoEscaping: Mustache.MustacheContentType, VendoredMustache.MustacheContentType {
    func escapeText(_ text: String) -> String {
        precondition(!text.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        return text
    }
}

/// Views answering through `MustacheParent`, which both engines understand.
struct Page: Mustache.MustacheParent, VendoredMustache.MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": "A guide"
        case "items": (0..<20).map(Item.init)
        case "author": Item(number: 1)
        default: nil
        }
    }
}

struct Item: Mustache.MustacheParent, VendoredMustache.MustacheParent {
    let number: Int
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": "question-\(number)"
        case "text": "Question \(number)"
        default: nil
        }
    }
}

/// The same views, typed.
struct TypedPage: MustacheTypedParent {
    func value(named name: String) -> MustacheValue? {
        switch name {
        case "title": .text("A guide")
        case "items": .list((0..<20).map { .object(TypedItem(number: $0)) })
        case "author": .object(TypedItem(number: 1))
        default: nil
        }
    }
}

struct TypedItem: MustacheTypedParent {
    let number: Int
    func value(named name: String) -> MustacheValue? {
        switch name {
        case "anchor": .text("question-\(number)")
        case "text": .text("Question \(number)")
        default: nil
        }
    }
}

Mustache.MustacheContentTypes.register(NoEscaping(), named: "NO_ESCAPING")
VendoredMustache.MustacheContentTypes.register(NoEscaping(), named: "NO_ESCAPING")
let cases: [(name: String, template: String, tags: Int)] = [
    ("static text, per text run", String(repeating: "<p>static</p>\n", count: 200), 200),
    ("{{title}}", String(repeating: "<p>{{title}}</p>\n", count: 200), 200),
    ("{{author.text}}", String(repeating: "<p>{{author.text}}</p>\n", count: 200), 200),
    ("{{#items}}<a href=\"#{{anchor}}\">{{text}}</a>{{/items}}, per inner tag",
     String(repeating: "{{#items}}<li><a href=\"#{{anchor}}\">{{text}}</a></li>{{/items}}\n", count: 5), 5 * 20 * 2),
    ("{{#author}}{{text}}{{title}}{{/author}}, per inner tag", String(repeating: "{{#author}}<p>{{text}} {{title}}</p>{{/author}}\n", count: 100), 200),
]

/// Best time per tag, in nanoseconds, of 5 rounds of 2,000 renders.
func timePerTag(tags: Int, _ render: () -> Int) -> Double {
    var best = Double.infinity
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        var bytes = 0
        for _ in 0..<2_000 { bytes += render() }
        precondition(bytes > 0)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(2_000 * tags))
    }
    return best
}

print("ns per tag, one thread, best of 5 rounds of 2,000 renders")
print("  upstream 2.1.1   vendored   vendored, typed views")
for (name, text, tags) in cases {
    let source = "{{% CONTENT_TYPE: NO_ESCAPING}}\n" + text
    let upstream = try Mustache.MustacheTemplate(string: source)
    let vendored = try VendoredMustache.MustacheTemplate(string: source)
    let expected = upstream.render(Page())
    precondition(vendored.render(Page()) == expected && vendored.render(TypedPage()) == expected, "the engines disagree on \(name)")
    let a = timePerTag(tags: tags) { upstream.render(Page()).utf8.count }
    let b = timePerTag(tags: tags) { vendored.render(Page()).utf8.count }
    let c = timePerTag(tags: tags) { vendored.render(TypedPage()).utf8.count }
    print(String(format: "%8.0f %14.0f %12.0f      ", a, b, c) + name)
}
