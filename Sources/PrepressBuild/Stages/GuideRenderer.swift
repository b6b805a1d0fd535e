import Foundation
import PrepressContent
import PrepressMarkdown

/// Renders each guide's Markdown and points links to other guides' `.md` files at their pages.
struct GuideRenderer: Sendable {
    let markdown: MarkdownRenderer
    let urls: SiteURLs
    /// Site path of each published guide's page, by its path under content/.
    let pathsBySource: [String: String]
    /// Guides under content/ left out of this build (drafts, future).
    let leftOut: Set<String>
    /// Rendered Markdown from earlier builds (`prepress build`'s cache); nil renders every guide.
    var cache: GuideCache? = nil
    /// Rendered Markdown the preview made before, by path under content/, of guides whose files have not
    /// changed since: reused like the cache's (when every link still leads where it led).
    var previous: [String: RenderedMarkdown] = [:]

    /// Ids the default theme uses on guide pages; headings never take them.
    static let reservedIDs: Set<String> = ["main", "toc-title", "intro-title", "question-index-title", "related-title"]

    /// What shapes rendered Markdown besides the guide: the options and the ids headings may not take.
    var renderKey: String { Self.renderKey(of: markdown) }

    static func renderKey(of markdown: MarkdownRenderer) -> String {
        let options = markdown.options
        return "smart=\(options.smartPunctuation) unsafe=\(options.unsafeHTML) practice=\(options.practiceMode) highlight=\(options.highlight) reserved="
            + markdown.reservedIDs.sorted().joined(separator: ",")
    }

    /// The Markdown renderer a site's guides are rendered with.
    static func markdownRenderer(for config: SiteConfig) -> MarkdownRenderer {
        MarkdownRenderer(
            options: MarkdownOptions(smartPunctuation: config.smartPunctuation, unsafeHTML: config.unsafeHTML,
                                     practiceMode: config.practiceMode, highlight: config.highlight),
            reservedIDs: reservedIDs)
    }

    func render(_ placed: PlacedGuide) -> (Guide, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var unresolved: [String] = []
        let parsed = placed.source.parsed
        let rendered: RenderedMarkdown
        let key = cache == nil ? "" : renderKey
        if let cached = cache?.rendering(of: placed.source.displayPath, key: key) ?? previous[placed.source.relativePath],
           // Reused only when each link still leads where it led (a linked guide may have moved).
           cached.links.allSatisfy({ link in
               Self.destination(of: link.written, rewrite(link.written, from: placed.source.relativePath, unresolved: &unresolved))
                   == link.destination
           }) {
            rendered = cached
        } else {
            unresolved = []
            var body = parsed.body
            // A guide loaded without reading its file (its bytes known, its rendering cached) is read now.
            switch cache?.unreadBody(of: placed.source.displayPath) {
            case nil: break
            case .success(let read): body = read
            case .failure:
                diagnostics.append(.error(at: SourceLocation(file: placed.source.displayPath),
                                          "the file changed while the site was being built", hint: "build again"))
            }
            rendered = markdown.render(body) { written in
                rewrite(written, from: placed.source.relativePath, unresolved: &unresolved)
            }
            cache?.record(rendered, of: placed.source.displayPath, key: key)
        }
        if !unresolved.isEmpty {
            for link in rendered.links where unresolved.contains(link.written) {
                let location = SourceLocation(
                    file: placed.source.displayPath, line: parsed.bodyStartLine + link.line - 1, column: link.column)
                let target = Self.resolve(Self.split(link.written).path, from: placed.source.relativePath)
                let reason = leftOut.contains(target) ? "is a draft or future guide left out of this build" : "matches no guide"
                diagnostics.append(.warning(at: location, "link to '\(link.written)' \(reason): its text is kept, without the link",
                                            hint: "links to guides name their file relative to this one, e.g. other-guide.md"))
            }
        }
        for line in rendered.unhighlightedCode {
            diagnostics.append(.warning(
                at: SourceLocation(file: placed.source.displayPath, line: parsed.bodyStartLine + line - 1, column: 1),
                "code block left plain: a line of it is longer than \(MarkdownRenderer.longestHighlightedLine) bytes",
                hint: "highlighting takes time that grows with the square of a line's length; break the line to highlight it"))
        }
        // The guide keeps its HTML, not its Markdown: nothing after this reads the body, and without it a large
        // site's bodies can go once rendered.
        var source = placed.source
        source.parsed.body = ""
        let guide = Guide(source: source, slug: placed.slug, path: placed.path, rendered: rendered)
        return (guide, diagnostics)
    }

    /// A link to a guide's file points at its page; a link to a `.md` file that is no published guide is
    /// dropped (its text kept, with a warning): the output never links to a Markdown file.
    private func rewrite(_ written: String, from source: String, unresolved: inout [String]) -> LinkRewrite {
        if written.hasPrefix("#") || written.hasPrefix("//") || Self.hasScheme(written) { return .keep }
        let (path, suffix) = Self.split(written)
        if Self.namesMarkdown(path) {
            let target = Self.resolve(path, from: source)
            guard let page = pathsBySource[target] else {
                unresolved.append(written)
                return .unlink
            }
            return .replace(urls.link(page) + suffix)
        }
        if path.hasPrefix("/") {
            let moved = urls.authored(written)
            return moved == written ? .keep : .replace(moved)
        }
        return .keep
    }

    /// The destination a rewrite writes into the HTML (`Link.destination`).
    static func destination(of written: String, _ rewrite: LinkRewrite) -> String {
        switch rewrite {
        case .keep: written
        case .replace(let destination): destination
        case .unlink: ""
        }
    }

    /// Whether the link starts with a scheme (`https:`, `mailto:`): letters, digits, `+`, `-` or `.` up to its
    /// first colon. Read on the bytes while they are ASCII (every link is checked again on every rebuild,
    /// whose guides come from the cache); by characters from the first other byte.
    static func hasScheme(_ url: String) -> Bool {
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            case 0x80...: return hasSchemeByCharacters(url)
            default: return false
            }
        }
        return false
    }

    private static func hasSchemeByCharacters(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        return !url[..<colon].contains("/") && url[..<colon].allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// The path and the `?query#fragment` after it.
    static func split(_ url: String) -> (path: String, suffix: String) {
        if url.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a byte is a character.
            guard let index = url.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else { return (url, "") }
            return (String(url[..<index]), String(url[index...]))
        }
        guard let index = url.firstIndex(where: { $0 == "#" || $0 == "?" }) else { return (url, "") }
        return (String(url[..<index]), String(url[index...]))
    }

    /// Whether a link's path names a Markdown file (`.md`, `.markdown`, in any case).
    static func namesMarkdown(_ path: String) -> Bool {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else {
            let lowered = path.lowercased()
            return lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")
        }
        func endsWith(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard path.utf8.count >= count else { return false }
            let bytes = UnsafeBufferPointer(start: suffix.utf8Start, count: count)
            // Letters compared lower-cased, anything else as it is.
            return zip(path.utf8.suffix(count), bytes).allSatisfy { byte, wanted in
                (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == wanted
            }
        }
        return endsWith(".md") || endsWith(".markdown")
    }

    /// A link's target as a path under content/: relative to the linking file, or to content/ when it starts with `/`.
    static func resolve(_ link: String, from source: String) -> String {
        let decoded = link.removingPercentEncoding ?? link
        var components: [Substring] = decoded.hasPrefix("/") ? [] : source.split(separator: "/").dropLast()
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(part)
            }
        }
        return components.joined(separator: "/")
    }
}
