// Times Prepress's template engine (typed views) against swift-mustache 2.1.1 (the same data as dictionaries) in
// one run: nanoseconds per tag of each kind, and microseconds per whole guide page rendered with the real theme
// (templates/ of this repository: guide.mustache with base, header and footer). Every pair of renders is checked
// to give the same bytes first.
import Foundation
import Mustache
import PrepressTemplates

// MARK: Views, declared once; swift-mustache gets the same values as dictionaries.

struct Item: TemplateView {
    let number: Int
    static let templateKeys = TemplateKeys<Item>("an item", plural: "items", [
        "anchor": .text { "question-\($0.number)" },
        "text": .text { "Question \($0.number)" },
    ])
}

struct Page: TemplateView {
    static let templateKeys = TemplateKeys<Page>("a page", plural: "pages", [
        "title": .text { _ in "A guide" },
        "items": .list { _ in (0..<20).map(Item.init) },
        "author": .view { _ in Item(number: 1) },
        "nested": .view { _ in Nested() },
        "flag": .flag { _ in true },
        "missing": .optionalText { _ in nil },
    ])
}

struct Nested: TemplateView {
    static let templateKeys = TemplateKeys<Nested>("a nested view", plural: "nested views", [
        "inner": .view { _ in Item(number: 2) },
    ])
}

/// A view as swift-mustache's dictionaries: every key, read through the view's own accessors.
func dictionary(_ value: TemplateValue) -> Any? {
    switch value {
    case .text(let text): return text
    case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
    case .number(let number): return number
    case .flag(let flag): return flag
    case .list(let items): return items.compactMap(dictionary)
    case .views(let views): return (0..<views.count).compactMap { dictionary(views.item($0)) }
    case .item: fatalError("list items are read through their list")
    case .absent: return nil
    case .data: fatalError("no free-form data in these views")
    case .view(let box): return dictionary(of: box.view)
    }
}

func dictionary(of view: some TemplateView) -> [String: Any] {
    var result: [String: Any] = [:]
    for (position, name) in type(of: view).templateKeys.names.enumerated() {
        result[name] = dictionary(view.templateValue(at: position))
    }
    return result
}

// MARK: Timing

/// Best time of `rounds` rounds of `repeats` calls, per call, in nanoseconds.
func nanoseconds(repeats: Int, rounds: Int = 7, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        for _ in 0..<repeats { body() }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = min(best, seconds * 1e9 / Double(repeats))
    }
    return best
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

// MARK: Tags

struct TagCase {
    let name: String
    let template: String
    /// Tags rendered by one render: the template's copies times the items a section goes through.
    let tagsPerRender: Int
    var partials: [String: String] = [:]
}

let copies = 50
func repeated(_ text: String) -> String { String(repeating: text, count: copies) }

let tagCases = [
    TagCase(name: "text", template: repeated("x"), tagsPerRender: copies),
    TagCase(name: "{{name}}", template: repeated("{{title}}"), tagsPerRender: copies),
    TagCase(name: "{{{name}}}", template: repeated("{{{title}}}"), tagsPerRender: copies),
    TagCase(name: "{{a.b.c}}", template: repeated("{{nested.inner.text}}"), tagsPerRender: copies),
    TagCase(name: "{{#view}}{{key}}{{/view}}", template: repeated("{{#author}}{{text}}{{/author}}"), tagsPerRender: copies),
    TagCase(name: "{{#flag}}…{{/flag}}", template: repeated("{{#flag}}y{{/flag}}"), tagsPerRender: copies),
    TagCase(name: "{{^missing}}…{{/missing}}", template: repeated("{{^missing}}n{{/missing}}"), tagsPerRender: copies),
    TagCase(name: "list item, 2 keys", template: "{{#items}}<a href=\"#{{anchor}}\">{{text}}</a>{{/items}}", tagsPerRender: 20),
    TagCase(name: "{{>partial}}", template: repeated("{{>p}}"), tagsPerRender: copies, partials: ["p": "{{title}}"]),
    TagCase(name: "{{<parent}}{{$block}}", template: repeated("{{<p}}{{$b}}{{title}}{{/b}}{{/p}}"), tagsPerRender: copies,
            partials: ["p": "[{{$b}}{{/b}}]"]),
]

func swiftMustacheLibrary(_ templates: [String: String]) -> MustacheLibrary {
    var library = MustacheLibrary()
    for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
        do { library.register(try MustacheTemplate(string: text), named: name) } catch { fail("swift-mustache: \(name): \(error)") }
    }
    return library
}

func prepressLibrary(_ templates: [String: String], root: String, view: any TemplateView.Type) -> PrepressTemplates.TemplateLibrary {
    do {
        let library = try PrepressTemplates.TemplateLibrary(templates.sorted { $0.key < $1.key }.map { (name: $0.key, text: Array($0.value.utf8)) },
                                                            checking: [(root, view)])
        guard library.problems.isEmpty else { fail("prepress: \(library.problems)") }
        return library
    } catch {
        fail("prepress: \(error)")
    }
}

print("Mustache cost — Prepress's engine (typed views) against swift-mustache 2.1.1 (dictionaries), \(Date())")
print()
print("| tag | swift-mustache 2.1.1 ns | Prepress ns | × |")
print("|---|---:|---:|---:|")
let page = Page()
let pageDictionary = dictionary(of: page)
for tagCase in tagCases {
    let templates = tagCase.partials.merging(["main": tagCase.template]) { $1 }
    let upstream = swiftMustacheLibrary(templates)
    let ours = prepressLibrary(templates, root: "main", view: Page.self)
    let expected = upstream.render(pageDictionary, withTemplate: "main") ?? ""
    let actual = String(decoding: ours.render(page, template: "main") ?? [], as: UTF8.self)
    guard expected == actual else { fail("\(tagCase.name): the engines differ:\n\(expected)\n\(actual)") }
    let upstreamNanoseconds = nanoseconds(repeats: 2_000) { _ = upstream.render(pageDictionary, withTemplate: "main") } / Double(tagCase.tagsPerRender)
    let ourNanoseconds = nanoseconds(repeats: 2_000) { _ = ours.render(page, template: "main") } / Double(tagCase.tagsPerRender)
    print("| \(tagCase.name) | \(String(format: "%.0f", upstreamNanoseconds)) | \(String(format: "%.0f", ourNanoseconds)) | \(String(format: "%.1f", upstreamNanoseconds / ourNanoseconds)) |")
}

// MARK: A whole guide page

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
var theme: [String: String] = [:]
for name in ["base", "guide", "partials/header", "partials/footer"] {
    guard let text = try? String(contentsOf: repository.appendingPathComponent("templates/\(name).mustache"), encoding: .utf8) else {
        fail("cannot read templates/\(name).mustache")
    }
    theme[name] = text
}
let guidePage = GuidePage()
let guideDictionary = dictionary(of: guidePage)
let upstreamTheme = swiftMustacheLibrary(theme)
let ourTheme = prepressLibrary(theme, root: "guide", view: GuidePage.self)
let expectedPage = upstreamTheme.render(guideDictionary, withTemplate: "guide") ?? ""
let actualPage = String(decoding: ourTheme.render(guidePage, template: "guide") ?? [], as: UTF8.self)
guard expectedPage == actualPage else {
    let a = Array(expectedPage.utf8), b = Array(actualPage.utf8)
    let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    fail("guide page: the engines differ at byte \(first):\n…\(String(decoding: a[max(0, first - 80)..<min(a.count, first + 80)], as: UTF8.self))…\n…\(String(decoding: b[max(0, first - 80)..<min(b.count, first + 80)], as: UTF8.self))…")
}
let upstreamPage = nanoseconds(repeats: 300) { _ = upstreamTheme.render(guideDictionary, withTemplate: "guide") } / 1000
let ourPage = nanoseconds(repeats: 300) { _ = ourTheme.render(guidePage, template: "guide", capacity: 65536) } / 1000
print()
print("| whole guide page (\(actualPage.utf8.count / 1024) KB, theme templates) | swift-mustache 2.1.1 µs | Prepress µs | × |")
print("|---|---:|---:|---:|")
print("| guide.mustache with base, header, footer | \(String(format: "%.1f", upstreamPage)) | \(String(format: "%.1f", ourPage)) | \(String(format: "%.1f", upstreamPage / ourPage)) |")
print()
print("Both engines rendered the same bytes for every row. swift-mustache's time for the page does not include")
print("building its dictionaries; Prepress's includes reading every key through the views' accessors.")
