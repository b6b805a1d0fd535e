import Foundation

/// Golden trees: a build's files compared with a tree kept in the repository, file by file, with a line diff.
///
/// `UPDATE_GOLDENS=1 swift test` records the trees instead: it writes them and still fails, saying so, so
/// that a recording never passes unnoticed (in CI above all); review the change with `git diff`.
public enum GoldenTree {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// The differences between `built` (files by path) and the tree at `expectedRoot`, one readable message
    /// each; empty when they are the same. When recording, writes `built` there and returns the one message
    /// that says so.
    public static func compare(_ built: [String: Data], with expectedRoot: String, recording: Bool = isRecording) throws -> [String] {
        if recording {
            try? FileManager.default.removeItem(atPath: expectedRoot)
            for (path, data) in built {
                let full = expectedRoot + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: full))
            }
            return ["recorded a new golden tree at \(expectedRoot) (\(built.count) files); review it with git diff, then run the tests without UPDATE_GOLDENS"]
        }
        let expected = try readTree(expectedRoot)
        guard !expected.isEmpty else { return ["no golden tree at \(expectedRoot): record one with UPDATE_GOLDENS=1 swift test"] }
        var problems: [String] = []
        let missing = Set(expected.keys).subtracting(built.keys).sorted()
        let extra = Set(built.keys).subtracting(expected.keys).sorted()
        if !missing.isEmpty { problems.append("files the build no longer writes: \(missing.joined(separator: ", "))") }
        if !extra.isEmpty { problems.append("files the build writes that the golden tree lacks: \(extra.joined(separator: ", "))") }
        for path in Set(expected.keys).intersection(built.keys).sorted() where expected[path] != built[path] {
            let diff = lineDiff(expected: String(decoding: expected[path]!, as: UTF8.self),
                                built: String(decoding: built[path]!, as: UTF8.self))
            problems.append("\(path) differs from its golden file (- golden, + built):\n\(diff)")
        }
        return problems
    }

    /// A unified-style diff of two texts by lines: each change with up to `context` unchanged lines around
    /// it, numbered as in the golden file, at most `limit` lines in all.
    public static func lineDiff(expected: String, built: String, context: Int = 2, limit: Int = 60) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = built.split(separator: "\n", omittingEmptySubsequences: false)
        // Longest common subsequence, from the end, to walk forwards.
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        enum Step { case same(Int, Substring), removed(Int, Substring), added(Substring) }
        var steps: [Step] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                steps.append(.same(i + 1, old[i])); i += 1; j += 1
            } else if i < old.count, j == new.count || common[i + 1][j] >= common[i][j + 1] {
                // Removed lines first, then the lines that replace them.
                steps.append(.removed(i + 1, old[i])); i += 1
            } else {
                steps.append(.added(new[j])); j += 1
            }
        }
        let changed = steps.indices.filter { if case .same = steps[$0] { false } else { true } }
        var shown = Set<Int>()
        for index in changed { for near in max(0, index - context)...min(steps.count - 1, index + context) { shown.insert(near) } }
        var lines: [String] = []
        var previous = -2
        for index in shown.sorted() {
            if index != previous + 1 { lines.append("@@") }
            previous = index
            switch steps[index] {
            case .same(let number, let text): lines.append("  \(number): \(text)")
            case .removed(let number, let text): lines.append("- \(number): \(text)")
            case .added(let text): lines.append("+    \(text)")
            }
        }
        if lines.count > limit { lines = Array(lines.prefix(limit)) + ["… (\(lines.count - limit) more lines)"] }
        return lines.joined(separator: "\n")
    }
}
