import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// Every file the last build left in the output folder: its digest, and its status right after the build, kept
/// in `<site>/.prepress-cache/output-manifest`. A rebuild writes a file only when its bytes differ from the
/// digest or the file is no longer as the build left it (someone edited, replaced or deleted it).
///
/// The format is text, a line per file after a header: `<digest> <size> <seconds> <nanoseconds> <inode> <path>`,
/// the digest XXH64 in hexadecimal, or `-` where the build that wrote the file did not take it. The header names
/// the format and the output folder the manifest is for.
struct OutputManifest: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        /// The file's XXH64; nil when the file was written by a cold build, which does not hash what it writes
        /// (a rebuild that renders the file again compares its bytes with the file's instead: 18,000 files,
        /// 430 MB, took 2–3% of a cold build's page stage to hash, for the few a rebuild ever renders again).
        var digest: UInt64?
        var status: OutputListing.FileStatus
    }

    static let fileName = "output-manifest"
    static let header = "prepress output manifest 2"

    /// The output folder's absolute path.
    var outputFolder: String
    var files: [String: Entry] = [:]

    static func path(for options: BuildOptions) -> String {
        (options.siteDirectory as NSString).appendingPathComponent(BuildStamp.folderName + "/" + fileName)
    }

    /// The manifest at `path`, if it is one for `outputFolder` and reads without a fault; any fault means
    /// there is none (and the next build writes every file).
    static func read(from path: String, outputFolder: String) -> OutputManifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 3, lines.removeLast().isEmpty,
              String(decoding: lines[0], as: UTF8.self) == header,
              String(decoding: lines[1], as: UTF8.self) == "output " + outputFolder else { return nil }
        var manifest = OutputManifest(outputFolder: outputFolder)
        manifest.files.reserveCapacity(lines.count - 2)
        for line in lines.dropFirst(2) {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: false)
            let unknown = fields.first.map { $0.elementsEqual("-".utf8) } ?? false
            let digest = unknown ? nil : fields.first.flatMap { UInt64(String(decoding: $0, as: UTF8.self), radix: 16) }
            guard fields.count == 6, unknown || digest != nil,
                  let size = Int64(String(decoding: fields[1], as: UTF8.self)),
                  let seconds = Int64(String(decoding: fields[2], as: UTF8.self)),
                  let nanoseconds = Int64(String(decoding: fields[3], as: UTF8.self)),
                  let inode = UInt64(String(decoding: fields[4], as: UTF8.self)),
                  !fields[5].isEmpty else { return nil }
            let status = OutputListing.FileStatus(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode)
            manifest.files[String(decoding: fields[5], as: UTF8.self)] = Entry(digest: digest, status: status)
        }
        return manifest
    }

    /// The manifest as its file holds it, paths in order. Nil when a path holds a line break (the manifest
    /// could not be read back; the next build then writes every file).
    func encoded() -> [UInt8]? {
        var bytes = Array((Self.header + "\noutput " + outputFolder + "\n").utf8)
        bytes.reserveCapacity(bytes.count + files.count * 96)
        // Numbers written digit by digit (`appendNumber`): interpolating five numbers into a string per file
        // took a tenth of a second at 18,000 files.
        func number(_ value: UInt64, radix: Int = 10, width: Int = 1) {
            appendNumber(value, radix: radix, width: width, to: &bytes)
            bytes.append(UInt8(ascii: " "))
        }
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) {
            guard !path.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
            if let digest = entry.digest {
                number(digest, radix: 16, width: 16)
            } else {
                bytes += "- ".utf8
            }
            number(UInt64(max(0, entry.status.size)))
            number(UInt64(max(0, entry.status.seconds)))
            number(UInt64(max(0, entry.status.nanoseconds)))
            number(entry.status.inode)
            bytes += path.utf8
            bytes.append(0x0A)
        }
        return bytes
    }

    /// Writes the manifest at `path` through a temporary file renamed into place; false when it cannot.
    ///
    /// Not flushed to the disk: a manifest lost or left stale by a crash can only make the next build write
    /// more. One that does not read back means a cold build; an old one lists files whose size, time or inode no
    /// longer match the folder, and a file that does not match is written again. (A rebuild's commit is another
    /// matter: its journal and the manifest it names are flushed before any file moves, `UpdatingOutputSink`.)
    /// The flush waited for the disk's journal, the last build's cache files with it: 0.03–0.35 s at the end of
    /// a 10,000-guide build whose site folder is on disk.
    @discardableResult
    func write(to path: String) -> Bool {
        guard let bytes = encoded() else { return false }
        return AtomicFile.write(bytes, to: path, flush: false)
    }
}
