import Foundation
import Testing
@testable import PrepressMarkdown
import PrepressTestSupport

@Suite struct QuestionTests {
    let renderer = MarkdownRenderer()

    /// The sample guide's body (from the line after its front matter).
    var sampleBody: String {
        get throws {
            let path = repositoryRoot + "/content/medical-equipment-account-manager.md"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return String(text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n"))
        }
    }

    @Test func theSampleGuideHasFourTypesWithOneQuestionEach() throws {
        let result = renderer.render(try sampleBody)
        #expect(result.questionGroups.map(\.name) == ["Technical", "Behavioral", "Situational", "Problem-Solving"])
        #expect(result.questions.map(\.text) == [
            "What is your experience with medical equipment sales, and how do you stay informed about the latest industry trends?",
            "Describe a time when you had to overcome a significant challenge in your sales career.",
            "How would you handle a situation where a client is dissatisfied with a product they purchased from you?",
            "Describe a time when you had to analyze a complex problem and develop a solution.",
        ])
        #expect(result.questions.map(\.number) == [1, 2, 3, 4])
        let anchors = result.questions.map(\.anchor)
        #expect(Set(anchors).count == 4)
        #expect(anchors.allSatisfy { result.html.contains("id=\"\($0)\"") })
        let first = try #require(result.questions.first)
        #expect(first.answerHTML.hasPrefix("<p><strong>Answer:</strong></p>\n<ul>\n<li><strong>Example 1</strong>"))
        #expect(first.answerText.hasPrefix("Answer:\n- Example 1: In my previous role"))
        #expect(first.answerText.contains("Follow-Up Points:\n- Discuss any specific innovations"))
        #expect(!first.answerHTML.contains("Behavioral Questions"), "an answer ends at the next heading of its level or higher")
    }

    @Test func answersAreFoldedBehindDetailsInPracticeMode() {
        let markdown = "### Technical Questions\n\n#### Question 1: Why?\n\nBecause.\n\n##### Detail\n\nMore.\n\n#### Question 2: How?\n\nSo.\n"
        let html = renderer.render(markdown).html
        #expect(html == """
        <h3 id="technical-questions">Technical Questions</h3>
        <h4 id="question-1-why">Question 1: Why?</h4>
        <details class="answer">
        <summary>Show answer</summary>
        <p>Because.</p>
        <h5 id="detail">Detail</h5>
        <p>More.</p>
        </details>
        <h4 id="question-2-how">Question 2: How?</h4>
        <details class="answer">
        <summary>Show answer</summary>
        <p>So.</p>
        </details>

        """)
        let plain = MarkdownRenderer(options: MarkdownOptions(practiceMode: false)).render(markdown)
        #expect(!plain.html.contains("<details"))
        #expect(plain.questions.map(\.answerHTML) == ["<p>Because.</p>\n<h5 id=\"detail\">Detail</h5>\n<p>More.</p>\n", "<p>So.</p>\n"])
    }

    @Test func headingsEndingInAQuestionMarkAreQuestionsOnlyUnderATypeSection() {
        let result = renderer.render("""
        ## Why this guide?

        Intro.

        ## Situational Questions

        ### How would you handle a late shipment?

        Call the carrier.

        ## Closing thoughts

        ### Any questions?

        None.
        """)
        #expect(result.questionGroups.map(\.name) == ["Situational"])
        #expect(result.questions.map(\.text) == ["How would you handle a late shipment?"])
        #expect(result.questions.map(\.number) == [nil])
        #expect(result.questions.first?.answerText == "Call the carrier.")
    }

    @Test func aGuideWithoutTheShapeIsAPlainArticle() {
        let result = renderer.render("# Notes\n\nSome text.\n\n## Tips\n\n- one\n")
        #expect(result.questionGroups.isEmpty)
        #expect(!result.html.contains("<details"))
    }

    @Test func twoQuestionsWithTheSameTextGetDifferentAnchors() {
        let result = renderer.render("## Technical Questions\n\n### Why?\n\nA.\n\n## Behavioral Questions\n\n### Why?\n\nB.\n")
        #expect(result.questions.map(\.anchor) == ["why", "why-1"])
        #expect(result.questions.map(\.answerText) == ["A.", "B."])
    }

    @Test func questionHeadingsKeepInlineMarkupInHTMLAndDropItInText() {
        let result = renderer.render("## Technical Questions\n\n### Question 7: What does `git rebase` *really* do?\n\nIt replays commits.\n")
        let question = try! #require(result.questions.first)
        #expect(question.text == "What does git rebase really do?")
        #expect(question.number == 7)
        #expect(question.anchor == "question-7-what-does-git-rebase-really-do")
        #expect(result.html.contains("<h3 id=\"question-7-what-does-git-rebase-really-do\">Question 7: What does <code>git rebase</code> <em>really</em> do?</h3>"))
    }

    @Test(arguments: [
        ("Technical Questions", "Technical"),
        ("Problem-Solving Questions:", "Problem-Solving"),
        ("Questions", "General"),
        ("Interview Questions and Answers", nil as String?),
        // Case, trailing colons and spaces; the bytes are told apart before the characters are.
        ("BEHAVIORAL QUESTIONS", "BEHAVIORAL"),
        ("Situational qUeStIoNs :  ", "Situational"),
        ("Questions:", "General"),
        ("Questión", nil),
        ("QUESTİONS", nil),
        ("Technical Questionsé", nil),
        ("uestions", nil),
        ("", nil),
    ])
    func typeNames(heading: String, name: String?) {
        #expect(QuestionExtractor.typeName(heading) == name)
    }

    @Test(arguments: [
        ("Question 3: Why?", 3 as Int?, "Why?" as String?),
        ("  question 12. How so", 12, "How so"),
        ("QUESTION 1) What", 1, "What"),
        ("Why now?  ", nil, "Why now?"),
        ("Questionnaire design", nil, nil),
        ("Quest", nil, nil),
        ("Overview", nil, nil),
        ("Qüestion 1: x", nil, nil),
        ("Is it? ́", nil, nil),
    ])
    func questionHeadings(heading: String, number: Int?, text: String?) {
        let question = QuestionExtractor.question(heading)
        #expect(question?.0 == number)
        #expect(question?.1 == text)
    }

    /// Answers cut out of the document's one rendering are exactly the answers rendered apart, and the
    /// document's HTML is the same either way: every demo guide, and edge cases, practice mode on and off.
    @Test(arguments: [false, true])
    func answersCutFromTheDocumentEqualAnswersRenderedApart(practiceMode: Bool) throws {
        let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("content")
        var bodies = try FileManager.default.contentsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }.sorted().map {
            String(try String(contentsOfFile: content.appendingPathComponent($0).path, encoding: .utf8)
                .components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n"))
        }
        #expect(bodies.count > 3)
        bodies += [
            "## Technical Questions\n### Question 1: First?\n#### Question 2: Empty answer?\n### Question 3: Last?\n> quoted\n\n    code\n",
            "### Technical Questions\n\n#### Why?\n\n- a\n- b\n\n#### How?\n\n<div>raw</div>\n\n## Next\n\nText.\n",
            "## Questions\n### Question 1: Only?\n",
        ]
        var together = MarkdownRenderer(options: MarkdownOptions(practiceMode: practiceMode))
        var apart = together
        together.cutsAnswersFromDocument = true
        apart.cutsAnswersFromDocument = false
        for body in bodies {
            let cut = together.render(body)
            #expect(!cut.questions.isEmpty)
            #expect(cut == apart.render(body))
        }
    }
}
