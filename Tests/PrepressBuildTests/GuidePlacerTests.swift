import Foundation
import Testing
@testable import PrepressBuild
@testable import PrepressContent

/// The slug a guide's file name gives when terms collide: the name's last segment without its extension,
/// read as bytes — the same as Foundation's path functions give, for every path kind content/ can hold.
struct GuidePlacerTests {
    @Test(arguments: [
        "nurse-2.md", "roles/nurse-2.md", "roles/care/Nurse Lead.markdown", "a.b.md", "roles.v2/nurse",
        ".hidden.md", "Café-ops.md", "面接/対策.md", "x", "deep/er/still/file.name.with.dots.md",
    ])
    func fileSlugReadsTheFileName(_ path: String) {
        let foundation = Slug.make(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
        #expect(GuidePlacer.fileSlug(path) == foundation)
    }
}
