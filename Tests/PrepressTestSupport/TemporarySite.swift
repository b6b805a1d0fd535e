import Foundation
import PrepressBuild
import PrepressContent

/// A site folder written from inline files, with a `content/` folder, built with the fixed clock; removed
/// when the value goes away.
public final class TemporarySite: @unchecked Sendable {
    public let folder: TemporaryFolder

    public init(_ files: [String: String]) throws {
        folder = try TemporaryFolder(files, prefix: "prepress-site")
        try FileManager.default.createDirectory(atPath: folder.path + "/content", withIntermediateDirectories: true)
    }

    public var path: String { folder.path }
    public var output: String { path + "/output" }

    /// Build options for the site: its folder, the fixed clock, a generator name that does not change with
    /// the version.
    public func options() -> BuildOptions {
        var options = BuildOptions(siteDirectory: path, now: fixedNow)
        options.generator = "Prepress test"
        return options
    }

    /// Builds into memory; returns the files as text, or throws the diagnostics.
    public func buildInMemory(_ configure: (inout BuildOptions) -> Void = { _ in }) throws -> (files: [String: String], report: BuildReport) {
        var options = options()
        configure(&options)
        let sink = MemoryOutputSink()
        let report = try SiteBuilder(options: options).build(into: sink)
        return (sink.files.mapValues { String(decoding: $0, as: UTF8.self) }, report)
    }

    /// `buildErrors()` with the site's folder left out of every path (`content/a.md:3:7: error: …`).
    public func relativeBuildErrors() -> [String] {
        buildErrors().map { $0.replacingOccurrences(of: path + "/", with: "") }
    }

    /// The diagnostics a failing build prints, in order; empty when it builds.
    public func buildErrors() -> [String] {
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
