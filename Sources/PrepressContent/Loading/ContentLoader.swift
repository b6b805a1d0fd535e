import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads `content/`: every `*.md` and `*.markdown` at any depth is a guide, parsed on all cores.
public struct ContentLoader: Sendable {
    /// Folder holding the guides.
    public var directory: String
    /// How paths under it are shown in messages (`content` or `mysite/content`).
    public var displayPrefix: String

    /// Parsed guides from earlier builds; nil parses every file.
    public var cache: (any ParsedGuideCache)?

    public init(directory: String, displayPrefix: String) {
        self.directory = directory
        self.displayPrefix = displayPrefix
    }

    public static let guideExtensions: Set<String> = ["md", "markdown"]

    public func load() throws(DiagnosticsError) -> LoadedContent {
        let files: [String]
        do {
            files = try Self.listFiles(in: directory)
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: displayPrefix), "cannot read the content folder: \(error.localizedDescription)")])
        }
        cache?.listedContent(files)
        var guidePaths: [String] = []
        var staticFiles: [StaticFile] = []
        for path in files {
            if Self.isGuide(path) {
                guidePaths.append(path)
            } else {
                staticFiles.append(StaticFile(relativePath: path, absolutePath: directory + "/" + path))
            }
        }
        let results = guidePaths.parallelMap(loadGuide)
        var guides: [GuideSource] = []
        var diagnostics: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let guide):
                guides.append(guide)
                diagnostics += guide.parsed.warnings
            case .failure(let error):
                diagnostics += error.diagnostics
            case .missing:
                break
            }
        }
        return LoadedContent(guides: guides, staticFiles: staticFiles, diagnostics: diagnostics)
    }

    /// Reads and parses one guide, by its path under the content folder.
    public func loadGuide(_ path: String) -> GuideLoadResult {
        let full = directory + "/" + path
        let display = displayPrefix + "/" + path
        // A file whose bytes the cache knows, parsed and rendered as nothing will need its body, is not read.
        if let parsed = cache?.parsedGuide(unread: path, displayPath: display) {
            return .success(GuideSource(relativePath: path, displayPath: display, parsed: parsed))
        }
        do throws(DiagnosticsError) {
            // A file gone since the folder was listed is no guide (and no error).
            guard let (text, file) = try Self.readUTF8(full, displayPath: display) else { return .missing }
            if let parsed = cache?.parsedGuide(text: text, file: file, relativePath: path, displayPath: display) {
                return .success(GuideSource(relativePath: path, displayPath: display, parsed: parsed))
            }
            let parsed = try GuideParser.parse(text, file: display)
            cache?.record(parsed, text: text, relativePath: path, displayPath: display)
            return .success(GuideSource(relativePath: path, displayPath: display, parsed: parsed))
        } catch {
            return .failure(error)
        }
    }

    /// Files a static host reads from the top of the site (Netlify, Cloudflare Pages), kept although their
    /// names start with `_`.
    public static let hostFiles: Set<String> = ["_redirects", "_headers"]

    /// Every file under `root`, relative, sorted; names starting with `_` or `.` are skipped with their contents,
    /// but for `hostFiles` at the top. A link is followed (a link to a folder is listed as that folder); one that
    /// leads nowhere is no file.
    public static func listFiles(in root: String) throws -> [String] {
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            let listed = FolderEntries.forEach(in: folder) { descriptor, name, type in
                if name.hasPrefix(".") || (name.hasPrefix("_") && !(relative.isEmpty && hostFiles.contains(name))) { return true }
                var isFolder = type == UInt8(DT_DIR)
                if type != UInt8(DT_DIR), type != UInt8(DT_REG) {
                    // A link, or a file system that gives no types: what it is, links followed.
                    var info = stat()
                    guard fstatat(descriptor, name, &info, 0) == 0 else { return true }
                    isFolder = info.st_mode & S_IFMT == S_IFDIR
                }
                let path = relative.isEmpty ? name : relative + "/" + name
                if isFolder { pending.append(path) } else { result.append(path) }
                return true
            }
            if !listed { throw ListingError(folder: folder, reason: String(cString: strerror(errno))) }
        }
        return result.sorted()
    }

    /// A folder that could not be read while listing files.
    public struct ListingError: LocalizedError {
        public var folder: String
        public var reason: String
        public var errorDescription: String? { "\(folder): \(reason)" }
    }

    /// Whether a path under content/ names a guide: its extension, in any case, is one of `guideExtensions`.
    public static func isGuide(_ path: String) -> Bool {
        // On the bytes, for the ASCII extensions nearly every file has: splitting the path and lowercasing its
        // extension as a string took 2 µs a file, 20 ms of the single-threaded start at 10,000 guides.
        if let answer = path.utf8.withContiguousStorageIfAvailable(asciiExtensionIsGuide), let answer { return answer }
        let name = path.split(separator: "/").last ?? ""
        // As `NSString.pathExtension`: after the name's last dot, unless the name starts with it.
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return guideExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static let guideExtensionBytes: [[UInt8]] = guideExtensions.sorted().map { Array($0.utf8) }

    /// `isGuide` for a path whose extension is ASCII; nil for another, which takes Unicode's lowercasing.
    private static func asciiExtensionIsGuide(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let slash = UInt8(ascii: "/")
        var end = bytes.count
        while end > 0, bytes[end - 1] == slash { end -= 1 }
        var start = end
        while start > 0, bytes[start - 1] != slash { start -= 1 }
        var afterDot = end
        while afterDot > start, bytes[afterDot - 1] != UInt8(ascii: ".") { afterDot -= 1 }
        // No dot, or only the one a hidden name starts with: no extension.
        guard afterDot > start + 1 else { return false }
        let length = end - afterDot
        guard bytes[afterDot..<end].allSatisfy({ $0 < 0x80 }) else { return nil }
        return guideExtensionBytes.contains { known in
            known.count == length && known.indices.allSatisfy { offset in
                let byte = bytes[afterDot + offset]
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                return lower == known[offset]
            }
        }
    }

    /// Reads a file as UTF-8, with its status as it was read (`FileIdentity`); nil when there is no such file.
    /// Bytes that are not UTF-8 are an error at their line and column.
    static func readUTF8(_ path: String, displayPath: String) throws(DiagnosticsError) -> (text: String, file: FileIdentity)? {
        let cannotRead = { (reason: String) in
            DiagnosticsError([.error(at: SourceLocation(file: displayPath), "cannot read the file: \(reason)")])
        }
        let file: FileBytes
        switch FileBytes.read(path) {
        case .success(let read): file = read
        case .failure(.missing): return nil
        case .failure(.notRegular): throw cannotRead("it is not a regular file")
        case .failure(.system(let message)): throw cannotRead(message)
        }
        if let text = String(validating: file.bytes, as: UTF8.self) {
            return (text, file.identity)
        }
        let (line, column, byte) = firstInvalidUTF8(in: file.bytes)
        throw DiagnosticsError([.error(
            at: SourceLocation(file: displayPath, line: line, column: column),
            "the file is not UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)))",
            hint: "save the file as UTF-8 in your editor")])
    }

    /// Line, column (in characters) and value of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8) {
        var index = 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column, byte)
            }
            if index + length > bytes.count { return (line, column, byte) }
            if length > 1 {
                let sequence = Array(bytes[index..<index + length])
                if String(validating: sequence, as: UTF8.self) == nil { return (line, column, byte) }
            }
            if byte == 10 {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column, 0)
    }
}
