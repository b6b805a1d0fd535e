import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a staging folder beside the output folder and swaps it in only on `commit()`.
///
/// A build that fails calls `discard()`, leaving the output folder exactly as it was. Entries at the top
/// of the old output whose names start with a dot (`.git`, `.gitkeep`, `.nojekyll`) are carried over.
public final class DirectoryOutputSink: ByteOutputSink, @unchecked Sendable {
    public let outputPath: String
    public var stagingPath: String { staging.path }
    private let staging: StagingFolder
    private let lock = NSLock()
    /// Each file written: its digest and its status right after the write, for the manifest and the stamp.
    private var writtenFiles: [String: OutputManifest.Entry] = [:]

    public init(outputPath: String) throws {
        let output = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        self.outputPath = output
        staging = try StagingFolder(for: output)
    }

    func writeBytes(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        let info = try staging.write(buffer, to: path)
        // No digest: a rebuild that makes the file again compares its bytes with the file's (`OutputManifest.Entry`).
        let entry = OutputManifest.Entry(digest: nil, status: OutputListing.FileStatus(info))
        lock.lock()
        writtenFiles[path] = entry
        lock.unlock()
    }

    /// The digest of the output folder's listing (`BuildFingerprint.output(at:)`) as the committed build leaves
    /// it, from what this sink wrote: a rename keeps every file's inode and time, so no walk is needed.
    public func listingDigest() -> String {
        lock.lock()
        defer { lock.unlock() }
        var listing = BuildFingerprint.Listing()
        for path in staging.folders where !path.isEmpty && !path.hasPrefix(".") {
            listing.addFolder(path)
        }
        for (path, entry) in writtenFiles where !path.hasPrefix(".") {
            listing.addFile(path, entry.status)
        }
        return listing.digest
    }

    /// What the output folder holds once committed, file by file.
    func manifest() -> OutputManifest {
        lock.lock()
        defer { lock.unlock() }
        return OutputManifest(outputFolder: outputPath, files: writtenFiles.filter { !$0.key.hasPrefix(".") })
    }

    /// Files written.
    var writtenCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return writtenFiles.count
    }

    /// Replaces the output folder with the staging folder.
    public func commit() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let hadOutput = manager.fileExists(atPath: outputPath, isDirectory: &isDirectory)
        if hadOutput, !isDirectory.boolValue {
            throw OutputError(path: outputPath, reason: "exists and is not a folder")
        }
        if hadOutput {
            let retired = staging.path.replacingOccurrences(of: ".staging-", with: ".old-")
            try rename(outputPath, to: retired)
            try rename(staging.path, to: outputPath)
            // Dot entries move over only once the new site is in place, so no failure can lose them.
            for name in try manager.contentsOfDirectory(atPath: retired).sorted() where name.hasPrefix(".") {
                if !manager.fileExists(atPath: outputPath + "/" + name) {
                    try rename(retired + "/" + name, to: outputPath + "/" + name)
                }
            }
            // Deleting the old tree comes last, off the path of the writes.
            StagingFolder.removeTree(retired)
        } else {
            try rename(staging.path, to: outputPath)
        }
    }

    /// Deletes the staging folder; the output folder is untouched.
    public func discard() {
        staging.remove()
    }

    private func rename(_ from: String, to: String) throws {
        if Glibc.rename(from, to) != 0 {
            throw OutputError(path: from, reason: "cannot move to \(to): \(String(cString: strerror(errno)))")
        }
    }
}
