import Foundation
import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// The changes a rebuild makes to the output folder, written down before the first of them is made, so that
/// a build stopped at any moment (killed, out of power) is finished by the next one: `<site>/.prepress-cache/
/// output-journal`.
///
/// By the time the journal is written, every new and changed file is complete in the staging folder, and the
/// new manifest is beside the old one. Replaying it deletes the files that are gone, removes the folders left
/// empty, renames each staged file into place (a file already moved is skipped), puts the new manifest in
/// place, and removes the staging folder and the journal: each step may run any number of times.
struct OutputJournal: Equatable, Sendable {
    static let fileName = "output-journal"
    static let header = "prepress output journal 1"

    var outputFolder: String
    var stagingFolder: String
    /// Where the new manifest waits until the output folder matches it.
    var nextManifest: String
    var manifest: String
    /// Files to delete, then folders to remove (deepest first), then files to move in: paths relative to
    /// the output folder (and to the staging folder).
    var deletions: [String] = []
    var removedFolders: [String] = []
    var moves: [String] = []

    static func path(for options: BuildOptions) -> String {
        (options.siteDirectory as NSString).appendingPathComponent(BuildStamp.folderName + "/" + fileName)
    }

    /// The steps a replay takes, for tests that stop a commit part way (`BuildOptions.commitInterruption`).
    var stepCount: Int { deletions.count + removedFolders.count + moves.count + 2 }

    func encoded() -> [UInt8]? {
        let paths = deletions + removedFolders + moves
        guard !paths.contains(where: { $0.contains("\n") || $0.contains("\r") }) else { return nil }
        var text = Self.header + "\noutput \(outputFolder)\nstaging \(stagingFolder)\nmanifest \(manifest)\nnext \(nextManifest)\n"
        for path in deletions { text += "D \(path)\n" }
        for path in removedFolders { text += "R \(path)\n" }
        for path in moves { text += "M \(path)\n" }
        text += "end\n"
        return Array(text.utf8)
    }

    /// The journal at `path`; nil when there is none, or it was not written to its end (then no step of it
    /// was taken: it is written to a temporary file and renamed into place).
    static func read(from path: String) -> OutputJournal? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 7, lines[0] == header, lines[lines.count - 2] == "end", lines.last == "" else { return nil }
        func value(_ line: String, _ key: String) -> String? {
            line.hasPrefix(key + " ") ? String(line.dropFirst(key.count + 1)) : nil
        }
        guard let output = value(lines[1], "output"), let staging = value(lines[2], "staging"),
              let manifest = value(lines[3], "manifest"), let next = value(lines[4], "next") else { return nil }
        var journal = OutputJournal(outputFolder: output, stagingFolder: staging, nextManifest: next, manifest: manifest)
        for line in lines[5..<(lines.count - 2)] {
            if let path = value(line, "D") { journal.deletions.append(path) }
            else if let path = value(line, "R") { journal.removedFolders.append(path) }
            else if let path = value(line, "M") { journal.moves.append(path) }
            else { return nil }
        }
        return journal
    }

    /// A step of the replay done; `step` counts from 1. Throwing stops the replay where it is, as a kill would.
    typealias StepHook = (_ step: Int) throws -> Void

    /// Takes every step (see the type's comment), then removes the journal at `journalPath`.
    func replay(journalPath: String, afterStep: StepHook = { _ in }) throws {
        var step = 0
        func done() throws {
            step += 1
            try afterStep(step)
        }
        for path in deletions {
            if unlink(outputFolder + "/" + path) != 0 && errno != ENOENT {
                throw OutputError(path: path, reason: "cannot delete: \(String(cString: strerror(errno)))")
            }
            try done()
        }
        for path in removedFolders {
            let folder = outputFolder + "/" + path
            if rmdir(folder) != 0 && errno != ENOENT {
                // Not empty after all (something put a file there): it goes as a cold build would have it.
                StagingFolder.removeTree(folder)
            }
            try done()
        }
        // The output folder itself may be gone (deleted by hand since the last build).
        if mkdir(outputFolder, 0o755) != 0 && errno != EEXIST {
            throw OutputError(path: outputFolder, reason: String(cString: strerror(errno)))
        }
        var madeFolders: Set<Substring> = []
        for path in moves {
            let staged = stagingFolder + "/" + path
            var info = stat()
            if lstat(staged, &info) == 0 {
                try Self.makeParents(of: path, in: outputFolder, made: &madeFolders)
                if Glibc.rename(staged, outputFolder + "/" + path) != 0 {
                    throw OutputError(path: path, reason: "cannot move into the output folder: \(String(cString: strerror(errno)))")
                }
            }
            try done()
        }
        if Glibc.rename(nextManifest, manifest) != 0 && errno != ENOENT {
            throw OutputError(path: manifest, reason: "cannot record the output manifest: \(String(cString: strerror(errno)))")
        }
        try done()
        StagingFolder.removeTree(stagingFolder)
        unlink(journalPath)
        try done()
    }

    /// Finishes the commit a stopped build left (if any). Throws when it cannot: the output folder is then
    /// not as any build left it, and the build must not start.
    static func recover(for options: BuildOptions) throws(DiagnosticsError) {
        let path = Self.path(for: options)
        guard FileManager.default.fileExists(atPath: path) else {
            // A manifest written for a commit that stopped before its journal: never in effect.
            unlink(OutputManifest.path(for: options) + ".next")
            return
        }
        guard let journal = read(from: path) else {
            // Never completely written, so never acted on: the output folder is as the last build left it.
            unlink(path)
            return
        }
        do {
            try journal.replay(journalPath: path)
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: journal.outputFolder),
                                           "cannot finish the last build's changes to the output folder: \(error)",
                                           hint: "delete the output folder and .prepress-cache/ and build again")])
        }
    }

    /// Makes the folders above `path` under `root` that are not in `made` (relative paths) yet.
    private static func makeParents(of path: String, in root: String, made: inout Set<Substring>) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let parent = path[..<slash]
        guard !made.contains(parent) else { return }
        var end = parent.startIndex
        while end < parent.endIndex {
            end = parent[parent.index(after: end)...].firstIndex(of: "/") ?? parent.endIndex
            let folder = parent[..<end]
            if made.contains(folder) { continue }
            if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: String(folder), reason: String(cString: strerror(errno)))
            }
            made.insert(folder)
        }
    }
}
