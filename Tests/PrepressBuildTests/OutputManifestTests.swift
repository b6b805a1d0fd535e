import Foundation
import Testing
@testable import PrepressBuild

/// The output manifest reads back exactly what it wrote, and anything else is no manifest.
@Suite struct OutputManifestTests {
    static let manifest: OutputManifest = {
        var manifest = OutputManifest(outputFolder: "/site/output")
        manifest.files["index.html"] = .init(digest: 0x0123_4567_89AB_CDEF, status: .init(size: 1234, seconds: 1_780_000_000, nanoseconds: 999_999_999, inode: 42))
        manifest.files["guides/a guide with spaces/index.html"] = .init(digest: nil, status: .init(size: 0, seconds: 0, nanoseconds: 0, inode: UInt64.max))
        manifest.files["tags/résumé/index.html"] = .init(digest: 0, status: .init(size: Int64.max, seconds: 5, nanoseconds: 6, inode: 7))
        return manifest
    }()

    @Test func aManifestReadsBackAsItWasWritten() throws {
        let bytes = try #require(Self.manifest.encoded())
        #expect(OutputManifest.decode(bytes, outputFolder: "/site/output") == Self.manifest)
        #expect(OutputManifest.decode(bytes, outputFolder: "/elsewhere") == nil, "a manifest for another folder")
        let empty = OutputManifest(outputFolder: "/site/output")
        #expect(OutputManifest.decode(try #require(empty.encoded()), outputFolder: "/site/output") == empty)
    }

    @Test func aDamagedManifestIsNone() throws {
        let text = String(decoding: try #require(Self.manifest.encoded()), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = lines[2]
        var damaged = [String(text.dropLast()), text + "\n", text.replacingOccurrences(of: line, with: line.replacingOccurrences(of: " ", with: "  "))]
        // Each field of a line: a letter in it, emptied, or made too large for 64 bits.
        let fields = line.split(separator: " ", maxSplits: 5).map(String.init)
        for index in 0..<5 {
            for replacement in ["x" + fields[index], "", "18446744073709551616", "+1"] {
                var changed = fields
                changed[index] = replacement
                damaged.append(text.replacingOccurrences(of: line, with: changed.joined(separator: " ")))
            }
        }
        damaged.append(text.replacingOccurrences(of: line, with: fields[0..<5].joined(separator: " ") + " "))
        damaged.append(text.replacingOccurrences(of: line, with: fields[0..<5].joined(separator: " ")))
        for bytes in damaged {
            #expect(OutputManifest.decode(Array(bytes.utf8), outputFolder: "/site/output") == nil, "\(bytes.debugDescription)")
        }
    }
}
