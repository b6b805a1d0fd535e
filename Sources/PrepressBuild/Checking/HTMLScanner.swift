#if canImport(Glibc)
import Glibc
#endif

/// Finds attribute values in HTML by scanning bytes: fast enough to read every page of a large site.
///
/// It reads the attributes Prepress and its theme write (`href="…"`, `src="…"`, `id="…"`, double-quoted);
/// it is not a general HTML parser.
enum HTMLScanner {
    /// One pass over a page: its `id` values, and its `href` and `src` values (links) in document order.
    static func idsAndLinks(in html: String) -> (ids: [String], links: [String]) {
        var ids: [String] = []
        var links: [String] = []
        var html = html
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var index = 0
            // Jumps from one `=` to the next (memchr), then looks back for ` id`, ` src` or ` href`.
            while index < count, let found = memchr(base + index, 0x3D, count - index) {
                let equals = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                index = equals + 1
                guard equals + 1 < count, bytes[equals + 1] == 0x22 else { continue }
                var isID = false
                if equals >= 3, bytes[equals - 3] == 0x20, bytes[equals - 2] == 0x69, bytes[equals - 1] == 0x64 {
                    isID = true
                } else if equals >= 4, bytes[equals - 4] == 0x20, bytes[equals - 3] == 0x73, bytes[equals - 2] == 0x72,
                          bytes[equals - 1] == 0x63 {
                    // ` src`
                } else if equals >= 5, bytes[equals - 5] == 0x20, bytes[equals - 4] == 0x68, bytes[equals - 3] == 0x72,
                          bytes[equals - 2] == 0x65, bytes[equals - 1] == 0x66 {
                    // ` href`
                } else {
                    continue
                }
                let start = equals + 2
                var end = start
                if let quote = memchr(base + start, 0x22, count - start) {
                    end = base.distance(to: quote.assumingMemoryBound(to: UInt8.self))
                } else {
                    end = count
                }
                let value = decodeEntities(String(decoding: bytes[start..<end], as: UTF8.self))
                if isID { ids.append(value) } else { links.append(value) }
                index = end + 1
            }
        }
        return (ids, links)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'")
            .replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">").replacingAll("&amp;", with: "&")
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
