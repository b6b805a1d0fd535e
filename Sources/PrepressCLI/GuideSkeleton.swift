import Foundation
import PrepressContent
import PrepressTemplates

/// The text `prepress new` writes: front matter with every key filled in, and the interview-guide shape.
struct GuideSkeleton {
    var term: String
    var slug: String
    var category: String?
    var vertical: String?
    var tags: [String]
    /// `YYYY-MM-DD`.
    var date: String
    var author: String?

    /// Today's date in the local time zone.
    static func today(_ now: Date = Date()) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// A YAML double-quoted scalar.
    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    var frontMatter: String {
        var lines = [
            "---",
            "term: \(Self.quote(term))",
            "description: \"\"",
            "category: \(Self.quote(category ?? ""))",
            "vertical: \(Self.quote(vertical ?? ""))",
            "pubDate: \(date)",
            "modDate: \(date)",
            "author: \(Self.quote(author ?? ""))",
            "tags: [" + tags.map(Self.quote).joined(separator: ", ") + "]",
            "draft: false",
            "---",
        ]
        if author == nil { lines.removeAll { $0.hasPrefix("author:") } }
        return lines.joined(separator: "\n") + "\n"
    }

    var defaultText: String {
        frontMatter + """

        ## Overview of Required Skills, Experience, and Certifications

        ### Educational Background

        - **Degree**: What employers look for, and why.

        ### Certifications

        - **Certification**: What it shows an employer.

        ## Interview Questions and Answers

        ### Technical Questions

        #### Question 1: Write the question here?

        **Answer:**
        - **Example 1**: A concrete example from experience.
        - **Reasoning**: Why this answer works.

        **Follow-Up Points**:
        - A follow-up the interviewer may ask.

        ### Behavioral Questions

        #### Question 2: Describe a time when…

        **Answer:**
        - **Example 1**: The situation, what you did, and the result.

        **Follow-Up Points**:
        - What you learned.

        ### Situational Questions

        #### Question 3: What would you do if…?

        **Answer:**
        - **Scenario 1**: Your approach, step by step.

        **Follow-Up Points**:
        - How you would follow up.

        ### Problem-Solving Questions

        #### Question 4: How would you find out why…?

        **Answer:**
        - **Example 1**: How you would narrow the problem down.

        **Follow-Up Points**:
        - How you would confirm the cause.

        """
    }

    /// Renders a site's own skeleton (`templates/archetypes/guide.md`) with the guide's keys, unescaped.
    func render(archetype: String, displayPath: String) throws(DiagnosticsError) -> String {
        var keys: [String: TemplateData] = [
            "term": .string(term), "slug": .string(slug), "date": .string(date),
            "tags": .list(tags.map(TemplateData.string)), "front_matter": .string(frontMatter),
        ]
        if let category { keys["category"] = .string(category) }
        if let vertical { keys["vertical"] = .string(vertical) }
        if let author { keys["author"] = .string(author) }
        return try TemplateRenderer.renderText(archetype, data: .map(keys), displayPath: displayPath)
    }
}
