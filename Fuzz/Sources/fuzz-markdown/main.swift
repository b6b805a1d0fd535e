import Foundation
import FuzzDriver
import PrepressMarkdown

/// A guide's body, whatever its bytes: cmark, heading ids, question extraction, link rewriting and code
/// highlighting never crash, and every heading id is unique on the page.
func fuzzMarkdown(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let rendered = renderer.render(text) { written in
        written.hasSuffix(".md") ? (written.count % 2 == 0 ? .unlink : .replace("/guides/x/")) : .keep
    }
    let ids = rendered.headings.map(\.id)
    if Set(ids).count != ids.count { fatalError("heading ids repeat: \(ids) for \(text.debugDescription)") }
}

private let renderer = MarkdownRenderer(options: MarkdownOptions(), reservedIDs: ["main", "toc-title"])

exit(runFuzzer { start, count in
    fuzzMarkdown(UnsafeBufferPointer(start: start, count: count))
    return 0
})
