import Foundation
import Testing
@testable import PrepressBuild

/// The JSON-LD writer, below the pages: every text it writes must parse back to itself and be safe in `<script>`.
@Suite struct JSONWriterTests {
    private func written(_ text: String) -> String {
        var json = JSONWriter(capacity: 64)
        json.beginArray()
        json.string(text)
        json.endArray()
        return String(decoding: json.output, as: UTF8.self)
    }

    /// The writer skips eight plain bytes at a time: each character it must escape is tried at every offset of a
    /// word and next to non-ASCII text, and must come back whole.
    @Test func everyEscapeIsFoundAtEveryOffset() throws {
        let specials = ["\"", "\\", "<", ">", "&", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{2028}", "\u{2029}", "é", "日", "\u{2027}"]
        for special in specials {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 16 - offset % 16)
                let json = written(text)
                let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
                #expect(parsed == [text], "\(special.unicodeScalars.map { $0.value }) at \(offset)")
                #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
                #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}"))
            }
        }
    }

    @Test func membersAreSeparatedByCommas() {
        var json = JSONWriter(capacity: 64)
        json.beginObject()
        json.member("a", "x")
        json.member("b", 2)
        json.key("c")
        json.beginArray()
        json.string("y")
        json.integer(3)
        json.endArray()
        json.endObject()
        #expect(String(decoding: json.output, as: UTF8.self) == #"{"a":"x","b":2,"c":["y",3]}"#)
    }
}
