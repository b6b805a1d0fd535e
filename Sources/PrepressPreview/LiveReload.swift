import Foundation
import PrepressTemplates
import PrepressContent

/// What the preview adds to served HTML: the live-reload script, and the error overlay while a rebuild fails.
enum LiveReload {
    static let eventsPath = "/__prepress/events"
    static let scriptPath = "/__prepress/live.js"

    /// Reloads the page when the site was rebuilt since the page was served; a page that no longer exists
    /// comes back as the 404 page, which listens too. The server sends the current build number on connect,
    /// so a rebuild between serving the page and connecting is not missed; once it has arrived, the page's
    /// root element carries `data-prepress-live="listening"`.
    static let script = """
    (function () {
      if (!window.EventSource) return;
      var script = document.currentScript;
      var served = script && script.getAttribute("data-generation");
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("reload", function (event) {
        if (event.data !== served) { source.close(); window.location.reload(); return; }
        // Listening: said on the page, for tests and tools that wait for it.
        document.documentElement.setAttribute("data-prepress-live", "listening");
      });
    })();

    """

    /// Inserts the script tag, and the overlay when there are errors, before `</body>` (or at the end).
    static func inject(into html: String, errors: [Diagnostic], generation: Int) -> String {
        var addition = "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>\n"
        if !errors.isEmpty { addition = overlay(errors) + addition }
        if let range = html.range(of: "</body>", options: .backwards) {
            var result = html
            result.insert(contentsOf: addition, at: range.lowerBound)
            return result
        }
        return html + addition
    }

    /// A panel over the page listing the build's errors, HTML-escaped.
    static func overlay(_ errors: [Diagnostic]) -> String {
        var html = """
        <div id="prepress-error-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;\
        background:rgba(20,24,31,0.94);color:#f5f5f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem">
        <h2 style="margin:0 0 1rem;color:#ff8a80;font:600 1.25rem system-ui,sans-serif">The site does not build: \
        \(errors.count) error\(errors.count == 1 ? "" : "s")</h2>
        <p style="margin:0 0 1rem;font-family:system-ui,sans-serif">The last good build is still being served. \
        Fix the file and save: this page reloads by itself.</p>
        <ul style="list-style:none;margin:0;padding:0">

        """
        for error in errors.sorted() {
            html += "<li style=\"margin:0 0 1rem;white-space:pre-wrap\">" + HTMLText.escaped(error.description) + "</li>\n"
        }
        html += "</ul>\n</div>\n"
        return html
    }
}
