internal import CCmark

/// The Markdown switches a site can set in `site.yml` under `markdown:`.
public struct MarkdownOptions: Sendable, Equatable {
    /// Curly quotes, en and em dashes and ellipses (cmark's `--smart`).
    public var smartPunctuation: Bool
    /// Passes raw HTML and `javascript:` links through; when off they are omitted.
    public var unsafeHTML: Bool
    /// Folds each answer behind `<details><summary>Show answer</summary>`.
    public var practiceMode: Bool
    /// Highlights fenced code whose language KSyntaxHighlighting knows (`CodeHighlighter`).
    public var highlight: Bool

    public init(smartPunctuation: Bool = true, unsafeHTML: Bool = true, practiceMode: Bool = true, highlight: Bool = true) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
        self.practiceMode = practiceMode
        self.highlight = highlight
    }

    var cmarkOptions: Int32 {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SOURCEPOS
        if smartPunctuation { options |= CMARK_OPT_SMART }
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }
}
