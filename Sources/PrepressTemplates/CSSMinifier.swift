/// Makes the built-in theme's CSS smaller for the reader's download without changing what it means: comments
/// go, every run of white space becomes one space, and the spaces that carry no meaning go too — around
/// `{ } ; , >` and after a property's colon — as does the last `;` of a block. Strings are kept as written, and
/// so is every space that could matter: before `(` (`and (width…)`), around `+` and `-` (`calc(a + b)`),
/// before a selector's `:` (`a :hover` is not `a:hover`). A site's own CSS is served as it wrote it.
enum CSSMinifier {
    static func minify(_ css: String) -> String {
        let input = Array(css.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        /// Whether white space was skipped since the last byte written.
        var pendingSpace = false
        /// Where the text since the last `{` or `;` starts in `output`, to tell a property's colon.
        var segmentStart = 0

        func isQuiet(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ";")
                || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ">")
        }
        /// Whether `output[segmentStart...]` is a property name followed by the colon just written.
        func afterPropertyColon() -> Bool {
            guard let last = output.last, last == UInt8(ascii: ":") else { return false }
            let name = output[segmentStart..<(output.count - 1)]
            return !name.isEmpty && name.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
            }
        }

        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "/"), index + 1 < input.count, input[index + 1] == UInt8(ascii: "*") {
                var end = index + 2
                while end + 1 < input.count, !(input[end] == UInt8(ascii: "*") && input[end + 1] == UInt8(ascii: "/")) { end += 1 }
                index = min(end + 2, input.count)
                pendingSpace = true
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                index += 1
                continue
            }
            if pendingSpace {
                pendingSpace = false
                if let last = output.last, !isQuiet(last), !isQuiet(byte), !afterPropertyColon() { output.append(0x20) }
            }
            if byte == UInt8(ascii: "}"), output.last == UInt8(ascii: ";") { output.removeLast() }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                // A string, escapes and all, as written.
                var end = index + 1
                while end < input.count, input[end] != byte {
                    end += input[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                end = min(end + 1, input.count)
                output += input[index..<end]
                index = end
                continue
            }
            output.append(byte)
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "}") { segmentStart = output.count }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
