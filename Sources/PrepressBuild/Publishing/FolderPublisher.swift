import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Publishes a built site into a folder, replacing its content in one step.
///
/// The new site is written beside the folder, then the two are exchanged with `renameat2(RENAME_EXCHANGE)`,
/// so that at every moment the folder holds the old site or the new one, never a mix and never nothing.
/// Where the exchange is not available it falls back to two renames.
public struct FolderPublisher: Sendable {
    public let destination: String

    public init(destination: String) {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
    }

    /// What publishing did.
    public enum Outcome: Sendable, Equatable {
        case published(files: Int)
        case unchanged
    }

    /// Replaces the folder's content with `files` (paths under the site root), unless they are the same already.
    public func publish(_ files: [String: [UInt8]], failAfterStaging: Bool = false) throws -> Outcome {
        if isSame(as: files) { return .unchanged }
        let sink = try DirectoryOutputSink(outputPath: destination)
        do {
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                try sink.write(bytes, to: path)
            }
            // Lets a test stop here, as a crash would: the folder must still hold the old site.
            if failAfterStaging { throw OutputError(path: destination, reason: "stopped on purpose after staging") }
            if FileManager.default.fileExists(atPath: destination), Self.exchange(sink.stagingPath, destination) {
                try? FileManager.default.removeItem(atPath: sink.stagingPath)
            } else {
                try sink.commit()
            }
        } catch {
            sink.discard()
            throw error
        }
        return .published(files: files.count)
    }

    /// Whether the folder holds exactly these files with these bytes.
    func isSame(as files: [String: [UInt8]]) -> Bool {
        guard let enumerator = FileManager.default.enumerator(atPath: destination) else { return false }
        var seen = 0
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: destination + "/" + relative, isDirectory: &isDirectory) else { return false }
            if isDirectory.boolValue { continue }
            guard let expected = files[relative],
                  let data = FileManager.default.contents(atPath: destination + "/" + relative),
                  data.count == expected.count, [UInt8](data) == expected else { return false }
            seen += 1
        }
        return seen == files.count
    }

    /// Swaps two paths atomically; false when the system cannot.
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
        #else
        return false
        #endif
    }
}
