import Foundation
import FuzzDriver
import PrepressTemplates

/// A template and its data, whatever their bytes (template, a NUL, JSON data, a NUL, a partial named `p`):
/// the engine parses, reports or renders and never crashes.
func fuzzTemplates(_ bytes: UnsafeBufferPointer<UInt8>) {
    let parts = bytes.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
    let template = String(decoding: parts[0], as: UTF8.self)
    let json = parts.count > 1 ? Data(parts[1]) : Data("{}".utf8)
    let partial = parts.count > 2 ? String(decoding: parts[2], as: UTF8.self) : "{{x}}"
    _ = try? renderMustache(template, json: json, partials: ["p": partial])
    _ = try? renderMustache(template, json: Data(#"{"a": {"b": [1, "two", true, null]}, "x": "<&>"}"#.utf8), partials: ["p": partial])
}

exit(runFuzzer { start, count in
    fuzzTemplates(UnsafeBufferPointer(start: start, count: count))
    return 0
})
