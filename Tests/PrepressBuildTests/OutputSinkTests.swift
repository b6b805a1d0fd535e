import Foundation
import Testing
@testable import PrepressBuild

@Suite struct RemoveTreeTests {
    @Test func deletesEveryLevelButNotWhatALinkPointsAt() throws {
        let base = NSTemporaryDirectory() + "prepress-remove-" + UUID().uuidString
        let tree = base + "/tree"
        let outside = base + "/outside"
        defer { try? FileManager.default.removeItem(atPath: base) }
        for folder in ["a/b/c", "a/d", "e"] {
            try FileManager.default.createDirectory(atPath: tree + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["index.html", "a/x.html", "a/b/c/y.html", "a/d/z.html", "e/.hidden"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: tree + "/" + file))
        }
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/kept.txt"))
        try FileManager.default.createSymbolicLink(atPath: tree + "/a/link", withDestinationPath: outside)

        StagingFolder.removeTree(tree)

        #expect(!FileManager.default.fileExists(atPath: tree))
        #expect(FileManager.default.fileExists(atPath: outside + "/kept.txt"), "a link is deleted, not followed")
    }
}

@Suite struct StagingFolderTests {
    @Test func makesEveryMissingFolderAboveAFileWhateverTheOrder() throws {
        let base = NSTemporaryDirectory() + "prepress-staging-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        let staging = try StagingFolder(for: base + "/output")
        // A folder whose parent exists, one three levels down at once, then a sibling under the new levels.
        for file in ["guides/a/index.html", "tags/x/page/2/index.html", "tags/x/page/3/index.html", "index.html"] {
            _ = try Array(file.utf8).withUnsafeBytes { try staging.write($0, to: file) }
        }
        try Array("guides/b".utf8).withUnsafeBytes { buffer in _ = try staging.write(buffer, to: "guides/b/index.html") }
        for file in ["guides/a/index.html", "tags/x/page/2/index.html", "tags/x/page/3/index.html", "index.html", "guides/b/index.html"] {
            #expect(FileManager.default.fileExists(atPath: staging.path + "/" + file), "\(file)")
        }
        #expect(staging.folders == ["", "guides", "guides/a", "guides/b", "tags", "tags/x", "tags/x/page", "tags/x/page/2", "tags/x/page/3"])
        #expect(String(decoding: FileManager.default.contents(atPath: staging.path + "/guides/b/index.html") ?? Data(), as: UTF8.self) == "guides/b")
        staging.remove()
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test func aFileWhereAFolderMustBeIsAnErrorNamingIt() throws {
        let base = NSTemporaryDirectory() + "prepress-staging-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        let staging = try StagingFolder(for: base + "/output")
        defer { staging.remove() }
        _ = try Array("x".utf8).withUnsafeBytes { try staging.write($0, to: "feed") }
        #expect(throws: OutputError.self) {
            _ = try Array("x".utf8).withUnsafeBytes { try staging.write($0, to: "feed/page/index.html") }
        }
    }
}
