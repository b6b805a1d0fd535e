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
        guard case .success(let file) = FileBytes.read(path) else { return nil }
        return decode(file.bytes, outputFolder: outputFolder)
    }

    /// The manifest `encoded()` wrote, read a byte at a time: splitting its 18,000 lines into strings and
    /// parsing each number from a string of its own took 50 ms, on one thread, before every rebuild.
    static func decode(_ bytes: [UInt8], outputFolder: String) -> OutputManifest? {
        bytes.withUnsafeBufferPointer { bytes -> OutputManifest? in
            var position = 0
            // The next line without its line break; nil at the end, or for a last line without one.
            func nextLine() -> UnsafeBufferPointer<UInt8>? {
                guard position < bytes.count, let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
                defer { position = end + 1 }
                return UnsafeBufferPointer(rebasing: bytes[position..<end])
            }
            guard let first = nextLine(), String(decoding: first, as: UTF8.self) == header,
                  let second = nextLine(), String(decoding: second, as: UTF8.self) == "output " + outputFolder
            else { return nil }
            var manifest = OutputManifest(outputFolder: outputFolder)
            while position < bytes.count {
                guard let line = nextLine() else { return nil }
                var field = FieldReader(line: line)
                let digest: UInt64?
                if field.skip("- ") {
                    digest = nil
                } else {
                    guard let hex = field.number(radix: 16) else { return nil }
                    digest = hex
                }
                guard let size = field.number(), let seconds = field.number(), let nanoseconds = field.number(),
                      let inode = field.number(), let path = field.rest(), Int64(exactly: size) != nil,
                      Int64(exactly: seconds) != nil, Int64(exactly: nanoseconds) != nil
                else { return nil }
                let status = OutputListing.FileStatus(size: Int64(size), seconds: Int64(seconds), nanoseconds: Int64(nanoseconds),
                                                      inode: inode)
                manifest.files[path] = Entry(digest: digest, status: status)
            }
            return manifest
        }
    }

    /// The fields of one line of the manifest, read in turn.
    private struct FieldReader {
        let line: UnsafeBufferPointer<UInt8>
        var position = 0

        /// Skips `text` when the line goes on with it.
        mutating func skip(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard line.count - position >= count, memcmp(line.baseAddress! + position, text.utf8Start, count) == 0 else { return false }
            position += count
            return true
        }

        /// A number of at least one digit and the space after it; nil for anything else, or one past 64 bits.
        mutating func number(radix: UInt64 = 10) -> UInt64? {
            var value: UInt64 = 0
            var digits = 0
            while position < line.count, line[position] != UInt8(ascii: " ") {
                let byte = line[position]
                let digit: UInt64
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt64(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                let (scaled, overflow) = value.multipliedReportingOverflow(by: radix)
                let (sum, carry) = scaled.addingReportingOverflow(digit)
                guard !overflow, !carry else { return nil }
                value = sum
                digits += 1
                position += 1
            }
            guard digits > 0, position < line.count else { return nil }
            position += 1
            return value
        }

        /// The rest of the line (a path, which may hold spaces); nil when empty.
        mutating func rest() -> String? {
            guard position < line.count else { return nil }
            defer { position = line.count }
            return String(decoding: UnsafeBufferPointer(rebasing: line[position...]), as: UTF8.self)
        }
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
