import Foundation
import FuzzDriver
import PrepressContent

/// Any text as a term or a tag: its slug is never a path segment the build would refuse, and a `slug:` key the
/// rules accept never leaves the guides' folder.
func fuzzSlugs(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    let slug = Slug.make(text)
    if !slug.isEmpty, let problem = Slug.problem(withExplicitSlug: slug) {
        fatalError("Slug.make(\(text.debugDescription)) = \(slug.debugDescription), which \(problem)")
    }
    if Slug.problem(withNestedSlug: text) == nil {
        let segments = text.split(separator: "/", omittingEmptySubsequences: false)
        if text.hasPrefix("/") || segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            fatalError("the nested slug \(text.debugDescription) was accepted")
        }
    }
    _ = Slug.makeNested(text)
}

exit(runFuzzer { start, count in
    fuzzSlugs(UnsafeBufferPointer(start: start, count: count))
    return 0
})
