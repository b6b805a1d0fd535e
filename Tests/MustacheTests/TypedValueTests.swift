// Prepress's own tests of what it changed in the vendored swift-mustache (see Sources/Mustache/README.md): typed
// values render exactly as the `Any` they stand for, and the shortcuts in name lookup find what upstream finds.

import Foundation
import XCTest

@testable import Mustache

/// A typed view over a dictionary of typed values.
private struct Typed: MustacheTypedParent {
    let values: [String: MustacheValue]

    func value(named name: String) -> MustacheValue? {
        self.values[name]
    }
}

/// The same view seen through the general path only: every value is handed over as `Any`, and views inside it
/// are wrapped too, so the renderer never meets a `MustacheTypedParent`.
private struct Untyped: MustacheParent {
    let base: any MustacheTypedParent

    func child(named name: String) -> Any? {
        self.base.value(named: name).map(Self.untyped)
    }

    static func untyped(_ value: MustacheValue) -> Any {
        switch value {
        case .object(let object): Untyped(base: object)
        case .list(let items): items.map(untyped)
        default: value.anyValue
        }
    }
}

private struct Shouting: MustacheCustomRenderable {
    var renderText: String { "LOUD" }
}

final class TypedValueTests: XCTestCase {
    private let root = Typed(values: [
        "title": .text("Tom & <Jerry>"),
        "empty": .text(""),
        "count": .number(3),
        "zero": .number(0),
        "yes": .flag(true),
        "no": .flag(false),
        "missing": .absent,
        "url": .text("/outer/"),
        "name": .text("outer name"),
        "author": .object(Typed(values: ["name": .text("Ada"), "url": .absent, "page": .text("/ada/")])),
        "nobody": .absent,
        "tags": .list([
            .object(Typed(values: ["name": .text("swift"), "url": .text("/tags/swift/")])),
            .object(Typed(values: ["name": .text("c#"), "url": .absent])),
            .object(Typed(values: ["name": .text("go")])),
        ]),
        "none": .list([]),
        "words": .list([.text("a"), .text("b"), .number(7), .flag(true), .absent]),
        "nested": .object(Typed(values: ["inner": .object(Typed(values: ["leaf": .text("deep")]))])),
        "params": .other(["key": "value", "list": [1, 2]] as [String: Any]),
        "custom": .other(Shouting()),
        "html": .text("<b>bold</b>"),
    ])

    private let templates = [
        "{{title}}|{{{title}}}|{{&title}}|{{empty}}|{{count}}|{{zero}}|{{yes}}|{{no}}|{{missing}}|{{unknown}}",
        "{{#title}}[{{.}}]{{/title}}{{^title}}none{{/title}}|{{#empty}}[{{.}}]{{/empty}}|{{#zero}}z{{/zero}}{{^zero}}!z{{/zero}}",
        "{{#yes}}Y{{/yes}}{{^yes}}y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{#missing}}M{{/missing}}{{^missing}}m{{/missing}}",
        "{{#author}}{{name}} {{url}} {{page}} {{title}}{{/author}} {{author.name}} {{author.url}} {{author.page}} {{author.missing}}",
        "{{#author}}{{#url}}<a href=\"{{url}}\">{{name}}</a>{{/url}}{{^url}}<span>{{name}}</span>{{/url}}{{/author}}",
        "{{#nobody}}x{{/nobody}}{{^nobody}}no one{{/nobody}}{{nobody.name}}",
        "{{#tags}}<li>{{#url}}<a href=\"{{url}}\">{{name}}</a>{{/url}}{{^url}}{{name}}{{/url}}</li>{{/tags}}",
        "{{#tags}}{{name}}{{#first()}} first{{/first()}}{{#last()}} last{{/last()}} {{index()}},{{/tags}}",
        "{{#none}}x{{/none}}{{^none}}empty{{/none}}{{^tags}}t{{/tags}}|{{#words}}({{.}}){{/words}}",
        "{{nested.inner.leaf}}|{{#nested}}{{#inner}}{{leaf}} {{title}}{{/inner}}{{/nested}}|{{nested.missing.leaf}}|{{title.length}}",
        "{{params.key}} {{#params.list}}{{.}}{{/params.list}} {{#params}}{{key}}{{/params}}",
        "{{custom}} {{#custom}}in{{/custom}}|{{html}}|{{{html}}}",
        "{{title(uppercased)}} {{#words}}{{.(uppercased)}}{{/words}} {{count(plusone)}}",
        "{{#title}}{{title}} inside{{/title}} {{#author}}{{#page}}{{name}} at {{.}}{{/page}}{{/author}}",
        "{{.title}} {{#author}}{{.name}} {{.title}}{{/author}}",
    ]

    func testTypedValuesRenderAsTheirAnyForm() throws {
        for text in self.templates {
            let template = try MustacheTemplate(string: text)
            let typed = template.render(self.root)
            let general = template.render(Untyped(base: self.root))
            XCTAssertEqual(typed, general, "template: \(text)")
        }
    }

    func testTypedValuesRenderAsTheirAnyFormInPartialsAndBlocks() throws {
        let library = MustacheLibrary(templates: [
            "page": try MustacheTemplate(string: "{{<base}}{{$main}}{{#tags}}\n  {{>tag}}\n{{/tags}}{{/main}}{{/base}}"),
            "base": try MustacheTemplate(string: "<h1>{{title}}</h1>\n{{$main}}default{{/main}}\n{{author.name}}\n"),
            "tag": try MustacheTemplate(string: "<li>{{name}}</li>\n{{#url}}<a>{{.}}</a>\n{{/url}}"),
        ])
        let typed = library.render(self.root, withTemplate: "page")
        let general = library.render(Untyped(base: self.root), withTemplate: "page")
        XCTAssertEqual(typed, general)
        // What upstream swift-mustache 2.1.1 renders for the same templates and data (checked by hand).
        XCTAssertEqual(
            typed,
            "<h1>Tom &amp; &lt;Jerry&gt;</h1>\n\n<li>swift</li>\n<a>/tags/swift/</a>\n\n<li>c#</li>\n\n<li>go</li>\n<a>/outer/</a>\n\nAda\n"
        )
    }

    func testTypedValuesRenderAsExpected() throws {
        // The equality above would also hold if both paths were wrong in the same way: pin a few results.
        let template = try MustacheTemplate(string: templates[0] + "\n" + templates[4] + "\n" + templates[6])
        XCTAssertEqual(
            template.render(self.root),
            "Tom &amp; &lt;Jerry&gt;|Tom & <Jerry>|Tom & <Jerry>||3|0|true|false||\n"
                + "<span>Ada</span>\n"
                + "<li><a href=\"/tags/swift/\">swift</a></li><li>c#</li><li><a href=\"/outer/\">go</a></li>"
        )
    }

    func testLeafValuesHaveNoChildrenForMirror() {
        // The lookup skips text, numbers and flags pushed as a section's context instead of asking Mirror,
        // which finds no labelled children in them.
        for value in ["text", 42, true, 2.5] as [Any] {
            XCTAssertTrue(isLeafValue(value))
            XCTAssertTrue(Mirror(reflecting: value).children.allSatisfy { $0.label == nil }, "\(value)")
        }
        XCTAssertFalse(isLeafValue(["a": 1]))
        XCTAssertFalse(isLeafValue(Shouting()))
    }

    func testNameKinds() {
        XCTAssertEqual(MustacheName(".").kind, .dot)
        XCTAssertEqual(MustacheName("").kind, .empty)
        XCTAssertEqual(MustacheName(".title").kind, .leadingDot)
        XCTAssertEqual(MustacheName("title").kind, .single)
        XCTAssertEqual(MustacheName("title.").kind, .single)
        XCTAssertEqual(MustacheName("a.b").kind, .dotted)
        XCTAssertEqual(MustacheName("a..b").parts, ["a", "b"])
    }

    func testSectionOnTextFindsOuterNames() throws {
        // `{{#url}}` pushes the text itself; names inside it are found further up, as upstream finds them.
        let template = try MustacheTemplate(string: "{{#url}}{{name}} {{url}} {{.}}{{/url}}")
        let view = Typed(values: ["url": .text("/x/"), "name": .text("X")])
        XCTAssertEqual(template.render(view), "X /x/ /x/")
        XCTAssertEqual(template.render(Untyped(base: view)), "X /x/ /x/")
    }
}
