internal import CSyntaxHighlighting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fenced code highlighted when the site is built, by KDE's KSyntaxHighlighting (docs/highlighting.md): each
/// token its syntax definition styles (keyword, string, comment, number, type, function…) in a `<span>` the
/// theme colours, the language's name above the block.
enum CodeHighlighter {
    /// A language a fence may name, as the library calls it (`Python`, `SQL`, `Bash`, `YAML`): the name of
    /// its definition, which pages also show.
    struct Language: Sendable, Equatable {
        let name: String
    }

    /// The language an info string names (its first word, any case: `SQL`, `py`, `yml`, `shell`), or nil for
    /// one no definition covers.
    static func language(forInfo info: String) -> Language? {
        let word = info.prefix { $0 != " " && $0 != "\t" && $0 != "{" }.lowercased()
        guard !word.isEmpty, word.utf8.count <= 40, !plainWords.contains(word) else { return nil }
        // Looked up, and remembered, on the library's side: once per word and thread, with no lock.
        return prepress_highlight_language(aliases[word] ?? word).map { name in
            defer { free(name) }
            return Language(name: String(cString: name))
        }
    }

    /// `code` highlighted as `language`: escaped text with tokens in spans, lines as they were; nil when the
    /// library fails (the block then stays plain).
    static func highlight(_ code: String, as language: Language) -> String? {
        var code = code
        return code.withUTF8 { bytes -> String? in
            guard bytes.count > 0 else { return "" }
            var length = 0
            let html = bytes.withMemoryRebound(to: CChar.self) { chars in
                prepress_highlight(language.name, chars.baseAddress!, chars.count, &length)
            }
            guard let html else { return nil }
            defer { free(html) }
            return String(decoding: UnsafeRawBufferPointer(start: html, count: length), as: UTF8.self)
        }
    }

    /// Words fences use for a language whose definition goes by another name or file extension.
    private static let aliases = ["shell": "bash", "console": "bash", "shell-session": "bash",
                                  "golang": "go", "c++": "cpp", "csharp": "cs", "c#": "cs", "node": "js",
                                  "postgres": "sql", "postgresql": "sql", "mysql": "sql", "sqlite": "sql",
                                  "dockerfile": "Dockerfile", "docker": "Dockerfile", "make": "Makefile"]

    /// Words that mean plain text, whatever a definition's file patterns say.
    private static let plainWords: Set<String> = ["text", "txt", "plain", "plaintext", "none", "output", "nohighlight"]
}
