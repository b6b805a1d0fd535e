import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent

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

    /// The forms that write without joining texts first: two texts as one string, texts joined by a separator,
    /// a key made at run time, a date from its parts, and numbers of every width.
    @Test func partsAreWrittenAsOneValue() throws {
        var json = JSONWriter(capacity: 64)
        json.beginObject()
        json.key("@id")
        json.string("https://x.org/a\"b/", "#q<1>")
        json.key("keywords")
        json.string(joining: ["SQL", "C&D", "Ünïcode"], separator: ", ")
        json.key(text: "Tags \"all\"")
        json.beginArray()
        json.integer(0)
        json.integer(9)
        json.integer(10)
        json.integer(-3)
        json.integer(123_456)
        json.endArray()
        json.key("date")
        json.date(GuideDate(year: 2025, month: 1, day: 14, hour: 9, minute: 30, offsetMinutes: 60))
        json.key("none")
        json.string(joining: [], separator: ", ")
        json.endObject()
        let text = String(decoding: json.output, as: UTF8.self)
        #expect(text == #"{"@id":"https://x.org/a\"b/#q\u003c1\u003e","keywords":"SQL, C\u0026D, Ünïcode","Tags \"all\"":[0,9,10,-3,123456],"date":"2025-01-14T09:30:00+01:00","none":""}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.output)) as? [String: Any])
        #expect(parsed["@id"] as? String == "https://x.org/a\"b/#q<1>")
        #expect(parsed["keywords"] as? String == "SQL, C&D, Ünïcode")
        #expect(parsed["Tags \"all\""] as? [Int] == [0, 9, 10, -3, 123_456])
    }

    @Test func objectsInArraysAreSeparatedByCommas() {
        var json = JSONWriter(capacity: 64)
        json.beginArray()
        json.beginObject()
        json.member("a", 1)
        json.endObject()
        json.beginObject()
        json.endObject()
        json.beginArray()
        json.endArray()
        json.string("z")
        json.endArray()
        #expect(String(decoding: json.output, as: UTF8.self) == #"[{"a":1},{},[],"z"]"#)
    }
}
