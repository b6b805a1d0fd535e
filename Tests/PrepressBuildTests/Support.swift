import Foundation
import PrepressBuild
import PrepressContent

/// The fixed clock of every test build: 2026-01-01T00:00:00Z.
let fixedNow = Date(timeIntervalSince1970: 1_767_225_600)

/// Folder of this test target's fixtures.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

/// The repository root (the demo site).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// A site folder written from a dictionary of files, deleted when the value goes away.
final class TemporarySite {
    let path: String

    init(_ files: [String: String]) throws {
        path = NSTemporaryDirectory() + "prepress-test-" + UUID().uuidString
        for (relative, text) in files {
            let full = path + "/" + relative
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        try FileManager.default.createDirectory(atPath: path + "/content", withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    var output: String { path + "/output" }

    func options() -> BuildOptions {
        var options = BuildOptions(siteDirectory: path, now: fixedNow)
        options.generator = "Prepress test"
        return options
    }

    /// Builds into memory; returns the files as text, or throws the diagnostics.
    func buildInMemory(_ configure: (inout BuildOptions) -> Void = { _ in }) throws -> (files: [String: String], report: BuildReport) {
        var options = options()
        configure(&options)
        let sink = MemoryOutputSink()
        let report = try SiteBuilder(options: options).build(into: sink)
        return (sink.files.mapValues { String(decoding: $0, as: UTF8.self) }, report)
    }

    /// The diagnostics a failing build prints, in order.
    func buildErrors() -> [String] {
        do {
            _ = try buildInMemory()
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }
}

/// Every file under `root`, relative, with its bytes.
func readTree(_ root: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return result }
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            result[relative] = FileManager.default.contents(atPath: root + "/" + relative)
        }
    }
    return result
}
