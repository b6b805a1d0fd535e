import Foundation
import Synchronization
import Testing
@testable import PrepressBuild
import PrepressMarkdown

@Suite struct CacheCodingTests {
    /// A rendering read back from the cache is the one written, answers and all, but its HTML and answers are
    /// made only when first read, once: a rebuild that renders one guide's page makes no other guide's HTML.
    @Test func aCachedRenderingMakesItsHTMLOnlyWhenFirstRead() throws {
        let markdown = """
        ## Technical Questions

        ### Question 1: What is a *calibration* curve?

        It maps a model's scores to probabilities. See [the guide](https://example.com/a).

        ### Question 2: Why bin?

        ```swift
        let bins = 10
        ```
        """
        var rendered = MarkdownRenderer().render(markdown)
        #expect(rendered.questionCount == 2)
        // An answer that is no slice of the page's HTML is kept as its own text.
        rendered.questionGroups[0].questions[1].answerHTML = "<p>Kept apart.</p>"
        var writer = CacheWriter()
        var texts = CacheWriter()
        writer.rendered(rendered, texts: &texts)
        let textBytes = texts.bytes
        #expect(!textBytes.isEmpty)

        let reads = Mutex(0)
        var reader = CacheReader(writer.bytes[...], checksummed: true)
        let read = reader.rendered {
            reads.withLock { $0 += 1 }
            return textBytes[...]
        }
        #expect(!reader.failed && reader.isAtEnd)
        // Everything but the HTML and the answers, without making them.
        #expect(read.headings == rendered.headings)
        #expect(read.links == rendered.links)
        #expect(read.questionGroups.map { $0.questions.map(\.text) } == rendered.questionGroups.map { $0.questions.map(\.text) })
        #expect(read.htmlIfMade == nil)
        #expect(read.deferred?.digest == rendered.bodyDigest && read.bodyDigest == rendered.bodyDigest)
        var other = rendered
        other.questionGroups[0].questions[0].answerText += " "
        #expect(other.bodyDigest != rendered.bodyDigest)
        #expect(reads.withLock { $0 } == 0)
        // Then all of it, made once.
        #expect(read.html == rendered.html)
        #expect(read.questions.map(\.answerHTML) == rendered.questions.map(\.answerHTML))
        #expect(read.questions.map(\.answerText) == rendered.questions.map(\.answerText))
        #expect(read == rendered)
        #expect(reads.withLock { $0 } == 1)
        #expect(read.questions[0].answerHTML.contains("calibration") == false && read.questions[0].answerHTML.contains("scores"))
        // A setter makes the value its own.
        var edited = read
        edited.questionGroups[0].questions[0].answerText = "changed"
        #expect(edited.questions[0].answerText == "changed" && edited.questions[0].answerHTML == rendered.questions[0].answerHTML)
        #expect(edited.deferredDigest == nil && edited.bodyDigest != rendered.bodyDigest, "an answer set since is in the digest")
        edited.html = "<p>new</p>"
        #expect(edited.htmlIfMade == "<p>new</p>" && edited.deferred == nil)
    }

    /// A layout that names an answer outside the HTML is a damaged entry: the read fails (the guide is parsed
    /// and rendered anew) rather than making a body later.
    @Test func anAnswerOutsideItsHTMLFailsTheRead() {
        var rendered = MarkdownRenderer().render("## Technical Questions\n\n### Question 1: Why?\n\nBecause.\n")
        #expect(rendered.questionCount == 1)
        var writer = CacheWriter()
        var texts = CacheWriter()
        rendered.html = "<p>An answer long enough to be no small string.</p>"
        rendered.questionGroups[0].questions[0].answerHTML = Substring(rendered.html)
        writer.rendered(rendered, texts: &texts)
        var bytes = writer.bytes
        // The HTML's length (the second number) made 1: the answer, cut from all of it, no longer fits.
        var lengthReader = CacheReader(bytes[...])
        _ = lengthReader.number()
        let at = lengthReader.position
        bytes[at] = 1
        let textBytes = texts.bytes
        var reader = CacheReader(bytes[...], checksummed: true)
        _ = reader.rendered { textBytes[...] }
        #expect(reader.failed)
    }
}
