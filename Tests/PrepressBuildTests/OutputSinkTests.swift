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
