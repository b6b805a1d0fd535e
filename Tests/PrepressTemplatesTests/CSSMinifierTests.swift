import Foundation
import Testing
@testable import PrepressTemplates

/// The built-in theme's CSS is served minified: smaller, and meaning exactly what the source means.
@Suite struct CSSMinifierTests {
    @Test(arguments: [
        ("a { color: red; }", "a{color:red}"),
        ("/* note */ a ,  b > c\n{\n  margin : 0 ;\n  padding: 0 1px;\n}\n", "a,b>c{margin : 0;padding:0 1px}"),
        // A selector's colon keeps the space before it: `a :hover` is not `a:hover`.
        (".x :hover { top: 0 }", ".x :hover{top:0}"),
        // Spaces that carry meaning stay: calc's operators, `and (`, values' separators.
        (".w { width: calc(100% - 2.5rem); top: calc(100% + 0.3rem) }", ".w{width:calc(100% - 2.5rem);top:calc(100% + 0.3rem)}"),
        ("@media screen and (prefers-color-scheme: dark) { :root { --bg: #111; } }",
         "@media screen and (prefers-color-scheme: dark){:root{--bg:#111}}"),
        ("li + li::before { content: \"›  /* not a comment */ \"; }", "li + li::before{content:\"›  /* not a comment */ \"}"),
        (".p a[href^=\"http\"]::after { content: \" (\" attr(href) \")\"; }", ".p a[href^=\"http\"]::after{content:\" (\" attr(href) \")\"}"),
        ("a { shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 8%); }", "a{shadow:0 1px 2px rgb(16 24 40 / 6%),0 1px 3px rgb(16 24 40 / 8%)}"),
        ("a{b:'it\\'s'}", "a{b:'it\\'s'}"),
        ("/* unclosed", ""),
    ])
    func minifies(source: String, minified: String) {
        #expect(CSSMinifier.minify(source) == minified)
    }

    /// The theme's own CSS loses nothing but white space, comments and each block's last `;`: with those gone
    /// from the source by hand, both are the same characters.
    @Test func theThemesCSSKeepsEveryRule() throws {
        for file in BuiltinTheme.files where file.path.hasSuffix(".css") {
            let minified = CSSMinifier.minify(file.text)
            let source = file.text.replacingOccurrences(of: "/\\*[\\s\\S]*?\\*/", with: "", options: .regularExpression)
            func squeezed(_ css: String) -> String {
                css.replacingOccurrences(of: "\\s+", with: "", options: .regularExpression).replacingOccurrences(of: ";}", with: "}")
            }
            #expect(squeezed(minified) == squeezed(source), "\(file.path)")
            #expect(minified.utf8.count < file.text.utf8.count * 9 / 10, "\(file.path)")
            let served = try #require(Theme.builtIn.files.first { $0.path == file.path })
            #expect(served.contents == Data(minified.utf8))
        }
    }
}
