import Foundation
import Testing
import PrepressTestSupport

/// The golden-tree comparison the site tests rely on: it must find every difference, say where, and never
/// let a recording pass.
@Suite struct GoldenTreeTests {
    @Test func aChangedLineIsShownWithItsNumberAndContext() throws {
        let folder = try TemporaryFolder(["expected/page.html": "one\ntwo\nthree\nfour\nfive\nsix\n", "expected/gone.txt": "x"])
        let built = ["page.html": Data("one\ntwo\nTHREE\nfour\nfive\nsix\n".utf8), "new.txt": Data("y".utf8)]
        let problems = try GoldenTree.compare(built, with: folder.path("expected"), recording: false)
        #expect(problems.count == 3)
        #expect(problems.contains("files the build no longer writes: gone.txt"))
        #expect(problems.contains("files the build writes that the golden tree lacks: new.txt"))
        let diff = try #require(problems.first { $0.hasPrefix("page.html") })
        #expect(diff == """
            page.html differs from its golden file (- golden, + built):
            @@
              1: one
              2: two
            - 3: three
            +    THREE
              4: four
              5: five
            """)
    }

    @Test func theSameTreeHasNoProblems() throws {
        let folder = try TemporaryFolder(["expected/a/b.txt": "same\n"])
        #expect(try GoldenTree.compare(["a/b.txt": Data("same\n".utf8)], with: folder.path("expected"), recording: false).isEmpty)
    }

    @Test func recordingWritesTheTreeAndStillFails() throws {
        let folder = try TemporaryFolder(["expected/old.txt": "old"])
        let problems = try GoldenTree.compare(["new/file.txt": Data("new".utf8)], with: folder.path("expected"), recording: true)
        #expect(problems.count == 1)
        #expect(problems[0].contains("recorded a new golden tree"))
        #expect(try readTree(folder.path("expected")) == ["new/file.txt": Data("new".utf8)])
        #expect(try GoldenTree.compare(["new/file.txt": Data("new".utf8)], with: folder.path("expected"), recording: false).isEmpty)
    }

    @Test func aMissingGoldenTreeIsAProblem() throws {
        let folder = try TemporaryFolder()
        #expect(try GoldenTree.compare(["a": Data()], with: folder.path("nothing"), recording: false).first?.contains("no golden tree") == true)
    }
}
