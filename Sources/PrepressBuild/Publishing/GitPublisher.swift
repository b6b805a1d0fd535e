import Foundation

/// Publishes a built site as one commit on a branch of a git remote, with the system `git`.
///
/// It works in a private git folder of its own — the user's working tree and current branch are never
/// touched: it fetches the branch (if it exists), writes the site as a tree, commits it on top (unless the
/// tree is the same as the branch's), and pushes.
public struct GitPublisher: Sendable {
    public let remote: String
    public let branch: String
    /// Names the source in the commit message: the site folder's own commit, when it is a git repository.
    public let siteDirectory: String

    public init(remote: String, branch: String = "gh-pages", siteDirectory: String) {
        self.remote = remote
        self.branch = branch
        self.siteDirectory = siteDirectory
    }

    public enum Outcome: Sendable, Equatable {
        case published(commit: String)
        case unchanged
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Publishes the files of `folder` (a built site).
    public func publish(folder: String) throws -> Outcome {
        let scratch = NSTemporaryDirectory() + "prepress-publish-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let gitDirectory = scratch + "/repo.git"
        try git(["init", "--quiet", "--bare", gitDirectory])
        let git = { (arguments: [String]) throws -> String in
            try self.git(["--git-dir=\(gitDirectory)"] + arguments, environment: ["GIT_INDEX_FILE": scratch + "/index"])
        }
        let remoteRef = "refs/remotes/publish/\(branch)"
        let parent: String? = (try? git(["fetch", "--quiet", "--no-tags", remote, "+refs/heads/\(branch):\(remoteRef)"]))
            .flatMap { _ in try? git(["rev-parse", "--verify", "--quiet", remoteRef]) }
        _ = try git(["--work-tree=\(folder)", "add", "--all", "--force", "."])
        let tree = try git(["write-tree"])
        if let parent, let parentTree = try? git(["rev-parse", "\(parent)^{tree}"]), parentTree == tree {
            return .unchanged
        }
        var message = "Publish site"
        if let source = try? self.git(["-C", siteDirectory, "rev-parse", "--short", "HEAD"]), !source.isEmpty {
            message += " built from \(source)"
        }
        let commit = try git(["commit-tree", tree, "-m", message] + (parent.map { ["-p", $0] } ?? []))
        _ = try git(["push", "--quiet", remote, "\(commit):refs/heads/\(branch)"])
        return .published(commit: commit)
    }

    /// Runs git; returns its output without the final newline, or throws with what it printed.
    @discardableResult
    func git(_ arguments: [String], environment extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        // A commit needs an author; the user's git settings win when they exist.
        for (key, value) in ["GIT_AUTHOR_NAME": "Prepress", "GIT_AUTHOR_EMAIL": "prepress@localhost",
                             "GIT_COMMITTER_NAME": "Prepress", "GIT_COMMITTER_EMAIL": "prepress@localhost"]
        where environment[key] == nil && (try? Self.configured(key)) != true {
            environment[key] = value
        }
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "git \(arguments.joined(separator: " ")) failed: "
                          + String(decoding: errorData, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether the user's git configuration names an author or committer.
    static func configured(_ variable: String) throws -> Bool {
        let key = variable.contains("NAME") ? "user.name" : "user.email"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "config", "--get", key]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
