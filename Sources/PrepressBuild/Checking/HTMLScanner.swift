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
            let count = bytes.count
            var index = 0
            while index + 5 < count {
                guard bytes[index] == 0x20 else { index += 1; continue }
                // ` id="`, ` src="`, ` href="`
                var start = -1
                var isID = false
                if bytes[index + 1] == 0x69, bytes[index + 2] == 0x64, bytes[index + 3] == 0x3D, bytes[index + 4] == 0x22 {
                    start = index + 5
                    isID = true
                } else if index + 6 < count, bytes[index + 1] == 0x73, bytes[index + 2] == 0x72, bytes[index + 3] == 0x63,
                          bytes[index + 4] == 0x3D, bytes[index + 5] == 0x22 {
                    start = index + 6
                } else if index + 7 < count, bytes[index + 1] == 0x68, bytes[index + 2] == 0x72, bytes[index + 3] == 0x65,
                          bytes[index + 4] == 0x66, bytes[index + 5] == 0x3D, bytes[index + 6] == 0x22 {
                    start = index + 7
                }
                guard start >= 0 else { index += 1; continue }
                var end = start
                while end < count, bytes[end] != 0x22 { end += 1 }
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
