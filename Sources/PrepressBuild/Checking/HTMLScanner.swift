/// Finds attribute values in HTML by scanning bytes: fast enough to read every page of a large site.
///
/// It reads the attributes Prepress and its theme write (`href="…"`, `src="…"`, `id="…"`, double-quoted);
/// it is not a general HTML parser.
enum HTMLScanner {
    /// Values of `name="…"` attributes, in document order, entities `&amp;` `&quot;` `&#39;` `&lt;` `&gt;` decoded.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        let needle = Array((" " + name + "=\"").utf8)
        var values: [String] = []
        var html = html
        html.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index + needle.count <= count {
                // Look for the first byte quickly, then compare the rest.
                if bytes[index] != needle[0] {
                    index += 1
                    continue
                }
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if !matches {
                    index += 1
                    continue
                }
                let start = index + needle.count
                var end = start
                while end < count, bytes[end] != 0x22 { end += 1 }
                values.append(decodeEntities(String(decoding: bytes[start..<end], as: UTF8.self)))
                index = end + 1
            }
        }
        return values
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'")
            .replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">").replacingAll("&amp;", with: "&")
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
