import Testing
@testable import PrepressPreview
import PrepressBuild

@Suite struct ChangeClassifierTests {
    @Test(arguments: [
        ("content/nurse.md", ChangeClassifier.Kind.guide("nurse.md")),
        ("content/roles/nurse.markdown", .guide("roles/nurse.markdown")),
        ("content/Roles/Nurse.MD", .guide("Roles/Nurse.MD")),
        ("content/images/me.png", .staticFile),
        ("templates/guide.mustache", .template),
        ("templates/assets/style.css", .template),
        ("site.yml", .config),
        ("output/index.html", .ignored),
        ("content/.nurse.md.swp", .ignored),
        ("content/nurse.md.swx", .ignored),
        ("content/nurse.md~", .ignored),
        ("content/#nurse.md#", .ignored),
        ("content/.#nurse.md", .ignored),
        ("content/4913", .ignored),
        ("content/nurse.md.tmp", .ignored),
        ("content/nurse.md___jb_tmp___", .ignored),
        ("content/nurse.md.tmp.1234", .ignored),
        ("content/_drafts/nurse.md", .ignored),
        ("content/.git/index", .ignored),
        ("templates/.DS_Store", .ignored),
        ("README.md", .ignored),
        ("content", .folder),
    ])
    func classify(path: String, kind: ChangeClassifier.Kind) {
        #expect(ChangeClassifier.classify(path) == kind)
    }

    @Test func aNewFolderUnderContentIsReadAgain() {
        #expect(ChangeClassifier.classify("content/roles", isDirectory: true) == .folder)
        #expect(ChangeClassifier.changes(for: [ChangedPath(path: "content/roles", isDirectory: true)]) == SiteChanges(rescan: true))
    }

    @Test func aBurstOfEventsFoldsIntoOneSetOfChanges() {
        let changes = ChangeClassifier.changes(for: [
            ChangedPath(path: "content/.a.md.swp", isDirectory: false),
            ChangedPath(path: "content/a.md", isDirectory: false),
            ChangedPath(path: "content/a.md~", isDirectory: false),
            ChangedPath(path: "content/b.md", isDirectory: false),
            ChangedPath(path: "content/images/x.png", isDirectory: false),
        ])
        #expect(changes == SiteChanges(guides: ["a.md", "b.md"], staticFiles: true))
        #expect(ChangeClassifier.changes(for: [ChangedPath(path: "content/.a.md.swp", isDirectory: false)]) == nil)
    }
}
