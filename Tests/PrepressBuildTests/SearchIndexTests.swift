import Foundation
import Testing
@testable import PrepressBuild
import PrepressTestSupport

/// The search index as the theme's client reads it: words folded and split by the same rules, shards of
/// postings, display data in chunks. The client itself is tested in a browser (Tests/OutputChecks/test_search.py).
@Suite struct SearchIndexTests {
    @Test func wordsAreFoldedAndSplitAsTheClientDoes() {
        // The same cases and expectations as test_search.py runs through search.js.
        #expect(SearchText.words(in: "Résumé Tips: C++, C# & Node.js") == ["resume", "tips", "c++", "c#", "node", "js"])
        #expect(SearchText.words(in: "面接対策") == ["面接", "接対", "対策"])
        #expect(SearchText.words(in: "面 接") == ["面", "接"])
        #expect(SearchText.words(in: "ΣΟΦΟΣ İstanbul Ｆｕｌｌ ﬁne ½") == ["σοφοσ", "istanbul", "full", "fine", "1", "2"])
        #expect(SearchText.words(in: "don't stop-gap 2025") == ["don", "t", "stop", "gap", "2025"])
        #expect(SearchText.words(in: String(repeating: "x", count: 65) + " kept") == ["kept"])
        var html: [String] = []
        SearchText.words(in: "<p class=\"x\">Fish &amp; <em>chips</em></p>", html: true) { html.append(String(decoding: $0, as: UTF8.self)) }
        #expect(html == ["fish", "chips"])
    }

    /// The index of a small site, decoded: word → (term of each guide it is in, impact).
    func index(of files: [String: String]) throws -> (postings: [String: [(String, Int)]], files: [String: [UInt8]]) {
        let site = try TemporarySite(files)
        let sink = MemoryOutputSink()
        _ = try SiteBuilder(options: site.options()).build(into: sink)
        let built = sink.files
        let metaBytes = try #require(built["search/index.json"])
        let meta = try #require(try JSONSerialization.jsonObject(with: Data(metaBytes)) as? [String: Any])
        let chunk = try #require(meta["chunk"] as? Int)
        var terms: [Int: String] = [:]
        for (path, bytes) in built where path.hasPrefix("search/d/") {
            let number = Int(path.dropFirst("search/d/".count).dropLast(".json".count))!
            let documents = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]])
            for (offset, document) in documents.enumerated() { terms[number * chunk + offset] = document["t"] as? String }
        }
        var postings: [String: [(String, Int)]] = [:]
        for key in try #require(meta["shards"] as? [String]) {
            let bytes = try #require(built[SearchIndexer.shardPath(key)], "shard \(key)")
            var at = 0
            func varint() -> Int {
                var value = 0, shift = 0
                while true {
                    let byte = bytes[at]; at += 1
                    value |= Int(byte & 0x7F) << shift
                    shift += 7
                    if byte < 0x80 { return value }
                }
            }
            while at < bytes.count {
                let length = varint()
                let word = String(decoding: bytes[at..<at + length], as: UTF8.self)
                at += length
                #expect(word.unicodeScalars.starts(with: key.unicodeScalars), "\(word) in shard \(key)")
                var document = 0
                for _ in 0..<varint() {
                    document += varint()
                    postings[word, default: []].append((terms[document] ?? "?", Int(bytes[at])))
                    at += 1
                }
            }
        }
        return (postings, built)
    }

    static let guides = [
        "content/sample.md": "---\nterm: Medical Equipment Account Manager\ncategory: Sales\nvertical: Medical Device\ntags: [Hospital Procurement]\npubDate: 2025-01-14\n---\n## Technical Questions\n\n### Question 1: How do you handle calibration audits?\n\nKeep a zymurgy log of every device.\n",
        "content/other.md": "---\nterm: Calibration Engineer\ncategory: Engineering\ntags: [Résumé Tips]\npubDate: 2025-01-15\n---\n## Notes\n\nAbout the job.\n",
        "content/japanese.md": "---\nterm: 面接対策ガイド\ntags: [面接対策]\npubDate: 2025-01-16\n---\n## 質問\n\n本文です。\n",
    ]

    @Test func guidesAreFoundByEveryField() throws {
        let (postings, _) = try index(of: Self.guides)
        func guides(_ word: String) -> Set<String> { Set((postings[word] ?? []).map(\.0)) }
        #expect(guides("zymurgy") == ["Medical Equipment Account Manager"], "a word only in an answer")
        #expect(guides("audits") == ["Medical Equipment Account Manager"], "a word of a question")
        #expect(guides("procurement") == ["Medical Equipment Account Manager"], "a tag")
        #expect(guides("sales") == ["Medical Equipment Account Manager"], "a category")
        #expect(guides("resume") == ["Calibration Engineer"], "an accented tag, folded")
        #expect(guides("面接") == ["面接対策ガイド"], "a Japanese term, in pairs")
        // Kana fold like accents: ガ is カ with a voicing mark, so ガイ is read as カイ, by the client too.
        #expect(SearchText.words(in: "ガイ") == ["カイ"])
        #expect(guides("カイ") == ["面接対策ガイド"])
    }

    @Test func practiceModesAnswerLabelIsNoWordOfAGuide() throws {
        // Practice mode (the default) folds every answer behind the theme's "Show answer": searching "answer"
        // must find the guides that say it, not every guide with a question.
        let (postings, files) = try index(of: [
            "content/a.md": "---\nterm: Alpha\npubDate: 2025-01-02\n---\n## Technical questions\n\n### Why?\n\nBecause.\n",
            "content/b.md": "---\nterm: Beta\npubDate: 2025-01-03\n---\n## Technical questions\n\n### How?\n\nThe answer is here.\n",
        ])
        #expect(Set((postings["answer"] ?? []).map(\.0)) == ["Beta"])
        #expect(postings["show"] == nil)
        let chunk = String(decoding: files["search/d/0.json"] ?? [], as: UTF8.self)
        #expect(!chunk.contains("Show answer"))
    }

    @Test func aMatchInTheTermWeighsMoreThanOneInTheBody() throws {
        let (postings, _) = try index(of: Self.guides)
        let calibration = Dictionary(uniqueKeysWithValues: try #require(postings["calibration"]))
        let inTerm = try #require(calibration["Calibration Engineer"])
        let inQuestion = try #require(calibration["Medical Equipment Account Manager"])
        #expect(inTerm > inQuestion)
        let device = Dictionary(uniqueKeysWithValues: try #require(postings["device"]))
        let log = Dictionary(uniqueKeysWithValues: try #require(postings["log"]))
        // "device" is in the vertical and the body of the sample; "log" only in its body.
        let inVertical = try #require(device["Medical Equipment Account Manager"])
        let inBody = try #require(log["Medical Equipment Account Manager"])
        #expect(inVertical > inBody)
    }

    @Test func theIndexIsTheSameBytesEveryTime() throws {
        let first = try index(of: Self.guides).files.filter { $0.key.hasPrefix("search/") }
        let second = try index(of: Self.guides).files.filter { $0.key.hasPrefix("search/") }
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func searchFalseLeavesTheIndexThePageAndTheFormOut() throws {
        var files = Self.guides
        files["site.yml"] = "search: false\n"
        let (_, built) = try index(of: ["content/sample.md": Self.guides["content/sample.md"]!])
        #expect(built["search/index.html"] != nil)
        let site = try TemporarySite(files)
        let (off, _) = try site.buildInMemory()
        #expect(off.keys.filter { $0.hasPrefix("search/") }.isEmpty)
        #expect(off["assets/search.js"] == nil)
        #expect(off["assets/search.css"] == nil)
        #expect(built["assets/search.css"] != nil)
        #expect(off.filter { $0.key.hasSuffix(".html") }.values.allSatisfy { !$0.contains("site-search") && !$0.contains("search.js\"") })
    }

    @Test func guidesAreNumberedByCategoryVerticalAndTermInByteOrder() throws {
        func guide(_ term: String, _ category: String) -> String {
            "---\nterm: \(term)\ncategory: \(category)\npubDate: 2025-01-02\n---\nText.\n"
        }
        let (_, files) = try index(of: [
            "content/a.md": guide("Zeta", "Sales"),
            "content/b.md": guide("Beta", "Engineering"),
            "content/c.md": guide("Alpha", "Engineering"),
            "content/d.md": guide("Omega", "Eng"),
            "content/e.md": guide("Étude", "Engineering"),
        ])
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(files["search/d/0.json"] ?? [])) as? [[String: Any]])
        // A category that begins another comes first; "É" (UTF-8 C3 89) after every ASCII letter.
        #expect(documents.compactMap { $0["t"] as? String } == ["Omega", "Alpha", "Beta", "Étude", "Zeta"])
    }

    @Test func aGuidesWordsAreReadUntilAByteOutOfPlace() {
        var writer = CacheWriter()
        for length in [3, 0, 0, 0, 0, 0, 40] { writer.number(UInt64(length)) }
        writer.number(2)
        writer.string("ab")
        writer.number(0b100_0001)
        writer.number(1)
        writer.number(7)
        writer.string("cdefg")
        writer.number(0b1)
        let whole = writer.bytes
        var lengths: [Int] = []
        var read: [(String, [UInt16])] = []
        func readAll(_ bytes: [UInt8]) {
            lengths = []
            read = []
            GuideWords(bytes: bytes).read { lengths = Array(UnsafeBufferPointer(start: $0, count: 7)) } word: { word, counts in
                read.append((String(decoding: word, as: UTF8.self), Array(UnsafeBufferPointer(start: counts, count: 7))))
            }
        }
        readAll(whole + [2])
        #expect(lengths == [3, 0, 0, 0, 0, 0, 40])
        #expect(read.map(\.0) == ["ab", "cdefg"])
        #expect(read.map(\.1) == [[1, 0, 0, 0, 0, 0, 7], [2, 0, 0, 0, 0, 0, 0]])
        // Cut before the last count: the first word only. Cut inside a word's bytes: no word past it.
        readAll(whole)
        #expect(read.map(\.0) == ["ab"])
        readAll(Array(whole.prefix(17)))
        #expect(read.map(\.0) == ["ab"])
        readAll(Array(whole.prefix(3)))
        #expect(lengths.isEmpty && read.isEmpty)
    }

    @Test func anExcerptIsCutAtAWordWithItsWhiteSpaceMadeOneSpace() {
        #expect(SearchIndexer.lead("  short\n\ttext  ", limit: 20) == "short text")
        #expect(SearchIndexer.lead("one two three four", limit: 10) == "one two…")
        #expect(SearchIndexer.lead("exactly ten", limit: 11) == "exactly ten")
        // No space to cut at: cut before a character, never inside one.
        #expect(SearchIndexer.lead("abcdefghij", limit: 4) == "abcd…")
        #expect(SearchIndexer.lead("ééééé", limit: 3) == "é…")
        #expect(SearchIndexer.lead("", limit: 5) == "")
        for limit in 0...12 {
            let lead = SearchIndexer.lead("Résumé tips für 面接", limit: limit)
            #expect(lead.utf8.count <= limit + 4)
            #expect(!lead.contains("\u{FFFD}"))
        }
    }

    @Test func largeShardsAreSplitByTheNextLetter() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var words = ["re"]
        for number in 0..<300 { words.append("re\(letters[number % 26])word\(number)") }
        let shards = SearchIndexer.shards(of: words) { _ in 1000 }
        #expect(shards["re"] == ["re"])
        #expect(shards.keys.allSatisfy { $0.count >= 2 })
        #expect(shards.values.reduce(0) { $0 + $1.count } == words.count)
        for (key, group) in shards { #expect(group.allSatisfy { $0.hasPrefix(key) }) }
        #expect(shards.count > 10)
    }

    @Test func theWordTableTellsApartWordsThatShareTheirFirstBytes() {
        // An entry keeps a word's first eight bytes, its length and hash: words alike in those must still differ.
        let words = ["a", "ab", "intervie", "interview", "interviews", "interviewer", "interviewed",
                     "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefghijklmnopq", "面接", "面接対"]
        var table = WordTable(capacity: 2)
        func number(_ word: String) -> Int {
            Array(word.utf8).withUnsafeBufferPointer { table.number(of: $0) }
        }
        let numbers = words.map(number)
        #expect(numbers == Array(0..<words.count))
        // Asked again (after the table has grown), each word gives its own number back.
        #expect(words.reversed().map(number) == Array((0..<words.count).reversed()))
        #expect((0..<words.count).map { table.word($0) } == words)
        #expect(table.count == words.count)
    }

    @Test func aPaddedWordHasTheNumberOfTheSameWordReadByteByByte() {
        // `number(ofPadded:)` reads eight bytes whatever the word's length: the bytes after a short word, here
        // unlike for each word, must not make it another.
        let words = ["a", "ab", "abc", "interview", "intervie", "c++", "面接", "abcdefghijklmnopq"]
        var table = WordTable()
        let plain = words.map { word in Array(word.utf8).withUnsafeBufferPointer { table.number(of: $0) } }
        for (position, word) in words.enumerated() {
            for filler: UInt8 in [0, 0x7A, 0xFF] {
                let padded = Array(word.utf8) + Array(repeating: filler, count: 8)
                let number = padded.withUnsafeBufferPointer {
                    table.number(ofPadded: UnsafeBufferPointer(rebasing: $0[0..<word.utf8.count]))
                }
                #expect(number == plain[position], "\(word) after \(filler)")
            }
        }
        #expect(table.count == words.count)
    }

    @Test func theCheckReadsTheIndexLinks() {
        let json = #"[{"t":"A","u":"/guides/a/","q":[["Why?","question-1-why","Because."]]}]"#
        let page = SiteChecker.ScannedPage(searchData: "search/d/0.json", bytes: Array(json.utf8))
        #expect(page.links == ["/guides/a/", "/guides/a/#question-1-why"])
    }
}
