import Foundation
import PrepressContent
import PrepressTemplates

/// Reads `site.yml`, `content/` and `templates/`, collecting every problem instead of stopping at the first.
struct SiteLoader {
    let options: BuildOptions
    /// Guides parsed by earlier builds; nil parses every guide.
    var cache: GuideCache? = nil

    func loadConfig(into diagnostics: inout [Diagnostic]) -> SiteConfig {
        let path = (options.siteDirectory as NSString).appendingPathComponent("site.yml")
        var config = SiteConfig()
        if let data = FileManager.default.contents(atPath: path) {
            let display = options.displayPath("site.yml")
            if let text = String(validating: data, as: UTF8.self) {
                do {
                    let (parsed, warnings) = try SiteConfigParser.parse(text, file: display)
                    config = parsed
                    diagnostics += warnings
                } catch {
                    diagnostics += error.diagnostics
                }
            } else {
                diagnostics.append(.error(at: SourceLocation(file: display), "site.yml is not UTF-8 text"))
            }
        }
        if let baseURL = options.baseURL {
            config.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        }
        return config
    }

    func loadContent(into diagnostics: inout [Diagnostic]) -> LoadedContent {
        let directory = (options.siteDirectory as NSString).appendingPathComponent("content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            diagnostics.append(.error(
                at: SourceLocation(file: options.displayPath("content")), "there is no content folder",
                hint: "create content/ and put guides (*.md) in it, or pass --site with the site's folder"))
            return LoadedContent(guides: [], staticFiles: [], diagnostics: [])
        }
        do {
            var contentLoader = ContentLoader(directory: directory, displayPrefix: options.displayPath("content"))
            contentLoader.cache = cache
            let content = try contentLoader.load()
            diagnostics += content.diagnostics
            return content
        } catch {
            diagnostics += error.diagnostics
            return LoadedContent(guides: [], staticFiles: [], diagnostics: [])
        }
    }

    func loadTheme(into diagnostics: inout [Diagnostic]) -> (Theme, TemplateRenderer?) {
        let directory = (options.siteDirectory as NSString).appendingPathComponent("templates")
        do {
            let theme = try Theme.load(overriding: directory, displayPrefix: options.displayPath("templates"))
            do {
                return (theme, try TemplateRenderer(theme: theme, pages: pageTemplateViews))
            } catch {
                diagnostics += error.diagnostics
                return (theme, nil)
            }
        } catch {
            diagnostics += error.diagnostics
            return (Theme.builtIn, nil)
        }
    }
}
