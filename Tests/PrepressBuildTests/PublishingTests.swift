import Foundation
import Testing
@testable import PrepressBuild
import PrepressContent
import PrepressTestSupport

@Suite struct PublishingTests {
    func files(_ site: TemporarySite) throws -> [String: [UInt8]] {
        try SiteBuilder(options: site.options()).makeState().allFiles
    }

    func shell(_ command: String, in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    let guide = "---\nterm: First\ndescription: D\ntags: [T]\npubDate: 2025-01-14\n---\n## Technical Questions\n\n### Why?\n\nBecause.\n"

    @Test func publishingToAFolderReplacesItAtOnceOrNotAtAll() throws {
        let site = try TemporarySite(["content/first.md": guide])
        let destination = site.path + "/www"
        let publisher = FolderPublisher(destination: destination)
        let first = try files(site)
        #expect(try publisher.publish(first) == .published(files: first.count))
        #expect(try readTree(destination).mapValues { [UInt8]($0) } == first)

        try Data(guide.replacingOccurrences(of: "First", with: "Second").utf8)
            .write(to: URL(fileURLWithPath: site.path + "/content/first.md"))
        let second = try files(site)
        // A failure after the new site is written, before it is swapped in, leaves the old site whole.
        #expect(throws: OutputError.self) { try publisher.publish(second, failAfterStaging: true) }
        #expect(try readTree(destination).mapValues { [UInt8]($0) } == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == ["content", "www"])

        #expect(try publisher.publish(second) == .published(files: second.count))
        #expect(try readTree(destination).mapValues { [UInt8]($0) } == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == ["content", "www"])

        let stamp = try FileManager.default.attributesOfItem(atPath: destination + "/index.html")[.modificationDate] as? Date
        #expect(try publisher.publish(second) == .unchanged)
        #expect(try FileManager.default.attributesOfItem(atPath: destination + "/index.html")[.modificationDate] as? Date == stamp)
    }

    @Test func publishingToGitAddsOneCommitOfExactlyTheSiteAndLeavesTheWorkingTreeAlone() throws {
        let site = try TemporarySite(["content/first.md": guide])
        let remote = site.path + "-remote.git"
        let clone = site.path + "-clone"
        defer {
            try? FileManager.default.removeItem(atPath: remote)
            try? FileManager.default.removeItem(atPath: clone)
        }
        _ = try shell("git init -q --bare '\(remote)'", in: site.path)
        _ = try shell("git init -q -b main . && git add -A && git -c user.name=t -c user.email=t@t commit -qm source && echo draft > notes.txt", in: site.path)
        let statusBefore = try shell("git status --porcelain; git branch --show-current", in: site.path)

        let built = site.path + "-built"
        defer { try? FileManager.default.removeItem(atPath: built) }
        func publish() throws -> GitPublisher.Outcome {
            try? FileManager.default.removeItem(atPath: built)
            for (path, bytes) in try files(site) {
                let full = built + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: full))
            }
            return try GitPublisher(remote: remote, branch: "gh-pages", siteDirectory: site.path).publish(folder: built)
        }

        guard case .published = try publish() else { Issue.record("nothing published"); return }
        #expect(try publish() == .unchanged)
        #expect(try shell("git --git-dir='\(remote)' rev-list --count gh-pages", in: site.path) == "1")
        let source = try shell("git rev-parse --short HEAD", in: site.path)
        #expect(try shell("git --git-dir='\(remote)' log -1 --format=%s gh-pages", in: site.path) == "Publish site built from \(source)")

        _ = try shell("git clone -q -b gh-pages '\(remote)' '\(clone)'", in: site.path)
        var cloned = try readTree(clone)
        cloned = cloned.filter { !$0.key.hasPrefix(".git/") && $0.key != ".git" }
        #expect(cloned.mapValues { [UInt8]($0) } == (try files(site)))
        #expect(try shell("git status --porcelain; git branch --show-current", in: site.path) == statusBefore)

        try Data(guide.replacingOccurrences(of: "Because.", with: "Because, really.").utf8)
            .write(to: URL(fileURLWithPath: site.path + "/content/first.md"))
        guard case .published = try publish() else { Issue.record("a change was not published"); return }
        #expect(try shell("git --git-dir='\(remote)' rev-list --count gh-pages", in: site.path) == "2")
    }
}
