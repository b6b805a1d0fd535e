import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// Writes a rebuild into the output folder the last build left, changing only what changed: a file whose
/// bytes are those the manifest records, and which is still as that build left it, is not written at all; a
/// new or changed file is staged beside the output folder; at `commit()` the files that are gone are deleted
/// and the staged ones renamed into place, under a journal (`OutputJournal`), so that a build stopped part way
/// is finished by the next. Nothing in the output folder changes before `commit()`.
final class UpdatingOutputSink: ByteOutputSink, @unchecked Sendable {
    let outputPath: String
    private let previous: OutputManifest
    /// What the output folder holds, read while the build loads its guides.
    private let pendingListing: OutputListing.Pending
    /// nil when a folder in the output folder could not be read: then no file is kept and `commit()` refuses.
    private var listing: OutputListing? { pendingListing.value }
    private let staging: StagingFolder
    private let lock = NSLock()
    private var staged: [String: OutputManifest.Entry] = [:]
    /// The files left as they were, as the writing threads find them: appended under the lock, made into
    /// `unchangedFiles` once the writing is done (`unchanged`), so that the 16,000 pages a rebuild keeps do not
    /// each hash their path under the lock the writing threads share.
    private var kept: [(path: String, entry: OutputManifest.Entry)] = []
    private var unchangedFiles: [String: OutputManifest.Entry] = [:]
    private(set) var deletedCount = 0
    /// Set once the commit has begun: from then on the staged files belong to the journal.
    private var committing = false
    /// The listing's digest once committed (`BuildFingerprint.output(at:)`).
    private var committedDigest = ""

    /// `previous` is the last build's manifest and `listing` what the output folder holds now, being read.
    init(outputPath: String, previous: OutputManifest, listing: OutputListing.Pending) throws {
        self.outputPath = outputPath
        self.previous = previous
        pendingListing = listing
        staging = try StagingFolder(for: outputPath)
    }

    func keep(_ path: String) -> Bool {
        guard let last = previous.files[path], listing?.files[path] == last.status else { return false }
        lock.lock()
        kept.append((path, last))
        lock.unlock()
        return true
    }

    func writeBytes(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        let digest = XXHash64.hash(buffer)
        if let last = previous.files[path], listing?.files[path] == last.status,
           last.digest.map({ $0 == digest }) ?? (last.status.size == buffer.count && Self.file(outputPath + "/" + path, holds: buffer)) {
            lock.lock()
            kept.append((path, OutputManifest.Entry(digest: digest, status: last.status)))
            lock.unlock()
            return
        }
        let info = try staging.write(buffer, to: path)
        lock.lock()
        staged[path] = OutputManifest.Entry(digest: digest, status: OutputListing.FileStatus(info))
        lock.unlock()
    }

    /// Whether the file at `path` holds exactly `bytes` (false when it cannot be read): for a file the last
    /// build wrote without its digest.
    static func file(_ path: String, holds bytes: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { chunk.deallocate() }
        var compared = 0
        while true {
            let count = read(descriptor, chunk.baseAddress!, chunk.count)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            if count == 0 { return compared == bytes.count }
            guard compared + count <= bytes.count,
                  memcmp(chunk.baseAddress!, bytes.baseAddress! + compared, count) == 0 else { return false }
            compared += count
        }
    }

    /// Files written (staged) and left as they were.
    var writtenCount: Int { locked { staged.count } }
    var unchangedCount: Int { locked { unchanged.count } }

    /// The files left as they were, by path (call under the lock).
    private var unchanged: [String: OutputManifest.Entry] {
        if !kept.isEmpty {
            unchangedFiles.reserveCapacity(unchangedFiles.count + kept.count)
            for (path, entry) in kept { unchangedFiles[path] = entry }
            kept = []
        }
        return unchangedFiles
    }

    /// What the output folder holds once committed.
    func manifest() -> OutputManifest {
        locked { OutputManifest(outputFolder: outputPath, files: unchanged.merging(staged) { _, new in new }) }
    }

    /// The journal of the commit: every file of the listing that this build did not make goes, with the
    /// folders that hold none of its files; the staged files move in.
    func journal(manifestPath: String, listing: OutputListing) -> OutputJournal {
        locked {
            var deletions: [String] = []
            var folders: [String] = []
            // Every file of the listing made again or kept, and no folder of it empty: nothing goes (a rebuild
            // after an edit), found from the few files written rather than by walking the 18,000 kept.
            let unchanged = self.unchanged
            let remade = staged.keys.count { listing.files[$0] != nil && unchanged[$0] == nil }
            if unchanged.count + remade != listing.files.count || !listing.emptyFolders.isEmpty {
                var kept: Set<String> = []
                Self.addFolders(of: staged.keys, to: &kept)
                Self.addFolders(of: unchanged.keys, to: &kept)
                deletions = listing.files.keys.filter { staged[$0] == nil && unchanged[$0] == nil }.sorted()
                // Deepest first, so that each folder is empty when its turn comes.
                folders = listing.folders.filter { !kept.contains($0) }
                    .map { (depth: $0.utf8.count(where: { $0 == UInt8(ascii: "/") }), path: $0) }
                    .sorted { ($0.depth, $1.path) > ($1.depth, $0.path) }
                    .map(\.path)
            }
            return OutputJournal(outputFolder: outputPath, stagingFolder: staging.path,
                                 nextManifest: manifestPath + ".next", manifest: manifestPath,
                                 deletions: deletions, removedFolders: folders, moves: staged.keys.sorted())
        }
    }

    /// Writes the new manifest and the journal, then replays it (see `OutputJournal`). A failure before the
    /// journal is written leaves the output folder as it was; after, the next build finishes the commit.
    /// `afterStep` stops the commit part way, for tests.
    func commit(manifestPath: String, journalPath: String, afterStep: OutputJournal.StepHook = { _ in }) throws {
        guard let listing else {
            throw OutputError(path: outputPath, reason: "a folder in it cannot be read, so a rebuild cannot tell what it holds; "
                              + "`prepress build --force` replaces the whole folder")
        }
        locked { committing = true }
        let journal = journal(manifestPath: manifestPath, listing: listing)
        guard let manifestBytes = manifest().encoded(), let journalBytes = journal.encoded() else {
            throw OutputError(path: outputPath, reason: "a path holds a line break")
        }
        guard AtomicFile.write(manifestBytes, to: journal.nextManifest) else {
            throw OutputError(path: journal.nextManifest, reason: "cannot write the output manifest")
        }
        try afterStep(0)
        guard AtomicFile.write(journalBytes, to: journalPath) else {
            unlink(journal.nextManifest)
            throw OutputError(path: journalPath, reason: "cannot write the output journal")
        }
        lock.lock()
        deletedCount = journal.deletions.count
        committedDigest = digest(after: journal, listing: listing)
        lock.unlock()
        try journal.replay(journalPath: journalPath) { step in try afterStep(step) }
    }

    /// The digest of the output folder's listing after the commit: the listing's, less the files and folders
    /// the journal removes and the files it replaces, with the staged files (a rename keeps their inode and
    /// time) and their new folders — from the changes alone, not every entry again.
    private func digest(after journal: OutputJournal, listing before: OutputListing) -> String {
        var listing = before.fingerprint
        for path in journal.deletions {
            if let status = before.files[path] { listing.removeFile(path, status) }
        }
        for folder in journal.removedFolders { listing.removeFolder(folder) }
        for (path, entry) in staged {
            if let status = before.files[path] { listing.removeFile(path, status) }
            listing.addFile(path, entry.status)
        }
        var folders: Set<String> = []
        Self.addFolders(of: staged.keys, to: &folders)
        for folder in folders where !before.folders.contains(folder) { listing.addFolder(folder) }
        return listing.digest
    }

    /// Adds the folders above each path (`a/b` and `a` for `a/b/c.html`) to `folders`.
    private static func addFolders(of paths: some Sequence<String>, to folders: inout Set<String>) {
        for path in paths {
            let bytes = path.utf8
            var end = bytes.endIndex
            while let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) {
                guard folders.insert(String(path[..<slash])).inserted else { break }
                end = slash
            }
        }
    }

    /// The digest of the output folder's listing once committed.
    func listingDigest() -> String { locked { committedDigest } }

    /// Deletes the staging folder; the output folder is untouched. Once the commit has begun, the staged files
    /// are left for the next build to finish with (`OutputJournal.recover`).
    func discard() {
        if !locked({ committing }) { staging.remove() }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
