// Renders templates made of one kind of tag, many times, and prints the time per tag. Views answer through
// `MustacheParent`, as Prepress's do, and escaping is a byte scan that finds nothing to escape, so what is
// left is the engine's own work: looking the name up and deciding what the value is.
import Foundation
import Mustache

struct NoEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            precondition(!bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

struct Page: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": "A guide"
        case "items": (0..<20).map(Item.init)
        case "author": Item(number: 1)
        default: nil
        }
    }
}

struct Item: MustacheParent {
    let number: Int
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": "question-\(number)"
        case "text": "Question \(number)"
        default: nil
        }
    }
}

MustacheContentTypes.register(NoEscaping(), named: "NO_ESCAPING")
let cases: [(name: String, template: String, tags: Int)] = [
    ("static text, per text run", String(repeating: "<p>static</p>\n", count: 200), 200),
    ("{{title}}", String(repeating: "<p>{{title}}</p>\n", count: 200), 200),
    ("{{author.text}}", String(repeating: "<p>{{author.text}}</p>\n", count: 200), 200),
    ("{{#items}}<a href=\"#{{anchor}}\">{{text}}</a>{{/items}}, per inner tag",
     String(repeating: "{{#items}}<li><a href=\"#{{anchor}}\">{{text}}</a></li>{{/items}}\n", count: 5), 5 * 20 * 2),
    ("{{#author}}{{text}}{{title}}{{/author}}, per inner tag", String(repeating: "{{#author}}<p>{{text}} {{title}}</p>{{/author}}\n", count: 100), 200),
]
print("swift-mustache 2.1.1, one thread, best of 5 rounds of 2,000 renders")
for (name, text, tags) in cases {
    let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: NO_ESCAPING}}\n" + text)
    var best = Double.infinity
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        var bytes = 0
        for _ in 0..<2_000 { bytes += template.render(Page()).utf8.count }
        precondition(bytes > 0)
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(2_000 * tags))
    }
    print(String(format: "%6.0f ns per tag  ", best) + name)
}
