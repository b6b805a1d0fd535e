import Foundation
import Testing
@testable import PrepressContent

struct ContentListingTests {
    @Test func aGuideIsNamedByItsExtensionAsNSStringReadsIt() {
        let paths = ["a.md", "roles/nurse.md", "b.MD", "c.Markdown", "d.markdown.bak", "e.", "f", "g.md/", "x.y/z",
                     "x.md/z", "h..md", "notes.txt", "i.mdx", "j.m d", "dir.md/k.md", ".md", "a/.md", "l.md//", "", "/",
                     "m.\u{212A}", "n.mar\u{212A}down", "o.mä", "p.MarkDown", "日本語.md", "q.d", "r.mdd", "s.m"]
        for path in paths {
            let expected = ContentLoader.guideExtensions.contains((path as NSString).pathExtension.lowercased())
            #expect(ContentLoader.isGuide(path) == expected, "\(path)")
        }
    }

    @Test func listingSkipsHiddenAndUnderscoredNamesFollowsLinksAndSorts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("listing-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        for folder in ["roles/senior", ".git", "_drafts", "roles/_partials", "elsewhere"] {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in ["b.md", "a.md", "roles/nurse.md", "roles/senior/lead.md", ".hidden.md", "_redirects", "_notes.md",
                     ".git/config", "_drafts/x.md", "roles/_partials/y.md", "roles/_headers", "elsewhere/linked.md", "image.png"] {
            try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
        }
        try manager.createSymbolicLink(atPath: root + "/linked", withDestinationPath: root + "/elsewhere")
        try manager.createSymbolicLink(atPath: root + "/alias.md", withDestinationPath: root + "/a.md")
        try manager.createSymbolicLink(atPath: root + "/dangling.md", withDestinationPath: root + "/nowhere.md")
        #expect(try ContentLoader.listFiles(in: root) == [
            "_redirects", "a.md", "alias.md", "b.md", "elsewhere/linked.md", "image.png", "linked/linked.md",
            "roles/nurse.md", "roles/senior/lead.md",
        ])
    }

    @Test func aFolderThatCannotBeReadIsAnError() {
        #expect(throws: ContentLoader.ListingError.self) { try ContentLoader.listFiles(in: "/nonexistent-\(UUID().uuidString)") }
    }
}
