import Foundation
import FuzzDriver
@_spi(Fuzzing) import PrepressContent

/// A guide's file, whatever its bytes: YAML or TOML front matter and the schema never crash, and the plain
/// YAML parser gives exactly Yams's tree for every front matter it reads.
func fuzzFrontMatter(_ bytes: UnsafeBufferPointer<UInt8>) {
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? GuideParser.parse(text, file: "fuzz.md")
    // The same bytes as front matter alone, and as site.yml.
    if let difference = YAMLTreeParser.plainParserDisagreement(text) {
        fatalError("PlainYAMLParser and Yams disagree on \(text.debugDescription):\n\(difference)")
    }
    _ = try? SiteConfigParser.parse(text)
    _ = try? TOMLTreeParser.parse(text, file: "fuzz.md")
}

exit(runFuzzer { start, count in
    fuzzFrontMatter(UnsafeBufferPointer(start: start, count: count))
    return 0
})
