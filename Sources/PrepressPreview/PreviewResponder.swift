import Foundation
import PrepressBuild
import PrepressContent

/// Answers a request for a path of the built site: the file, a redirect to the folder, or the site's 404 page.
///
/// Pure: the site and its errors come in, so every rule here is tested without a server.
public enum PreviewResponder {
    /// Where a request path leads.
    enum Target: Equatable {
        /// A file of the site, by its path under the output folder.
        case file(String)
        /// Not a path this server answers: `..`, encoded slashes or backslashes, bad percent-encoding.
        case refused
    }

    public static func respond(
        path rawPath: String, head: Bool = false, ifNoneMatch: String? = nil,
        state: SiteState?, errors: [Diagnostic], generation: Int
    ) -> PreviewResponse {
        guard case .file(let path) = target(rawPath) else {
            return PreviewResponse(status: 400, headers: ["Content-Type": "text/plain; charset=utf-8"],
                                   body: Array("Bad request: that path is not part of the site.\n".utf8))
        }
        guard let state else {
            // No build has succeeded yet: every page is the error overlay.
            let page = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body></body></html>\n"
            return finish(status: errors.isEmpty ? 503 : 500, path: "index.html", body: Array(page.utf8), head: head,
                          ifNoneMatch: nil, errors: errors, generation: generation)
        }
        if let body = state.file(at: path) {
            return finish(status: 200, path: path, body: body, head: head, ifNoneMatch: ifNoneMatch, errors: errors, generation: generation)
        }
        if !rawPath.hasSuffix("/"), state.file(at: path + "/index.html") != nil {
            return PreviewResponse(status: 301, headers: ["Location": rawPath + "/", "Content-Type": "text/plain; charset=utf-8"],
                                   body: head ? [] : Array("Moved to \(rawPath)/\n".utf8))
        }
        let notFound = state.file(at: "404.html") ?? Array("Not found\n".utf8)
        return finish(status: 404, path: state.file(at: "404.html") == nil ? "404.txt" : "404.html", body: notFound,
                      head: head, ifNoneMatch: nil, errors: errors, generation: generation)
    }

    /// The file a request path names, or `.refused` for anything that could reach outside the site.
    static func target(_ rawPath: String) -> Target {
        guard rawPath.hasPrefix("/"), !rawPath.hasPrefix("//") else { return .refused }
        let lowered = rawPath.lowercased()
        if rawPath.contains("\\") || rawPath.contains("\0") || lowered.contains("%2f") || lowered.contains("%5c") || lowered.contains("%00") {
            return .refused
        }
        guard let decoded = rawPath.removingPercentEncoding else { return .refused }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .refused }
        let relative = segments.joined(separator: "/")
        if decoded.hasSuffix("/") || relative.isEmpty {
            return .file(relative.isEmpty ? "index.html" : relative + "/index.html")
        }
        return .file(relative)
    }

    private static func finish(
        status: Int, path: String, body: [UInt8], head: Bool, ifNoneMatch: String?, errors: [Diagnostic], generation: Int
    ) -> PreviewResponse {
        var bytes = body
        let type = ContentType.of(path)
        if type.hasPrefix("text/html") {
            bytes = Array(LiveReload.inject(into: String(decoding: body, as: UTF8.self), errors: errors, generation: generation).utf8)
        }
        let etag = "\"" + String(bytes.withUnsafeBytes { XXHash64.hash($0) }, radix: 16) + "\""
        var headers = ["Content-Type": type, "ETag": etag, "Cache-Control": "no-cache"]
        if status == 200, let ifNoneMatch, ifNoneMatch.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
            return PreviewResponse(status: 304, headers: ["ETag": etag, "Cache-Control": "no-cache"], body: [])
        }
        headers["Content-Length"] = String(bytes.count)
        return PreviewResponse(status: status, headers: headers, body: head ? [] : bytes)
    }
}
