import Foundation
import PrepressContent

/// The build stamp's policy around a build into the output folder: skip the build when nothing changed since
/// the last one, and record a stamp when one succeeds (see `BuildStamp`).
struct StampedBuild {
    let options: BuildOptions

    /// Runs `build` (which stages the site beside the output folder), unless the last build's stamp vouches
    /// for the output folder as it is; then swaps the staged site in and records its stamp and the index of
    /// its inputs (`InputIndex`). `build` is given the inputs when they were fingerprinted first.
    func run(_ build: (StageClock, BuildFingerprint.Inputs?) throws(DiagnosticsError) -> StagedOutput) throws(DiagnosticsError) -> BuildReport {
        // Held to the end of this function, cache and stamp written.
        let lock = options.stamp == .off ? nil : try BuildLock.acquire(for: options)
        defer { withExtendedLifetime(lock) {} }
        let clock = StageClock()
        let tool = BuildStamp.toolIdentity()
        let readFrom = BuildStamp.wallClock()
        var inputs: BuildFingerprint.Inputs?
        // A build that may be skipped fingerprints its inputs first; one that records only (`--force`) does
        // so once built, taking the guides as its loader read them (each guide is then read once, not twice).
        if options.stamp == .recordAndSkip {
            // Files whose status the last build recorded are not read again (`InputIndex`).
            let index = clock.measure("read input index") { InputIndex.read(for: options) }
            inputs = clock.measure("fingerprint inputs") { BuildFingerprint.inputs(of: options, index: index) }
            if let inputs, let previous = clock.measure("compare with last build", { upToDateStamp(inputs: inputs, tool: tool) }) {
                var report = previous.skippedBuildReport
                report.stages = clock.stages
                return report
            }
        }
        let staged = try build(clock, inputs)
        if options.stamp == .record {
            inputs = clock.measure("fingerprint inputs") { BuildFingerprint.inputs(of: options, content: staged.cache?.contentInputs) }
        }
        do throws(DiagnosticsError) {
            try clock.measure("swap in output") { () throws(DiagnosticsError) in
                // The last stamp describes the output about to be replaced: gone first, so that no failure from
                // here on can leave a stamp that vouches for the wrong folder.
                if options.stamp != .off { BuildStamp.remove(for: options) }
                try staged.commit()
            }
        } catch {
            staged.discard()
            throw error
        }
        var report = staged.committedReport
        if options.stamp != .off, let inputs {
            clock.measure("record build stamp") {
                record(report, inputs: inputs.digest, readFrom: readFrom, output: staged.listingDigest, tool: tool)
                InputIndex(recordedAt: readFrom, files: inputs.files).write(for: options)
            }
        }
        report.stages = clock.stages
        return report
    }

    /// The last build's stamp, when it matches these inputs, options and executable, no input changed while
    /// that build ran, it is not yet time to publish a future-dated guide, and the output folder is as that
    /// build left it.
    func upToDateStamp(inputs: BuildFingerprint.Inputs, tool: String) -> BuildStamp? {
        // The stamp's inputs first, without its warnings (thousands on a large site, each decoded into strings):
        // after an edit, nothing more of it is read.
        guard let data = BuildStamp.data(for: options),
              let summary = try? JSONDecoder().decode(BuildStamp.Summary.self, from: data),
              summary.inputs == inputs.digest,
              let stamp = BuildStamp.decode(data),
              stamp.tool == tool,
              stamp.options == BuildStamp.optionsText(options),
              !stamp.changedDuringBuild(inputs),
              stamp.validUntil.map({ Int(options.now.timeIntervalSince1970.rounded(.down)) < $0 }) ?? true,
              BuildFingerprint.output(at: options.resolvedOutputDirectory) == stamp.output
        else { return nil }
        return stamp
    }

    private func record(_ report: BuildReport, inputs: String, readFrom: Int64, output: String, tool: String) {
        BuildStamp(tool: tool, options: BuildStamp.optionsText(options), inputs: inputs, readFrom: readFrom,
                   finishedAt: BuildStamp.wallClock(), validUntil: report.nextDue,
                   output: output, guideCount: report.guideCount, pageCount: report.pageCount,
                   fileCount: report.fileCount, warnings: report.warnings.map(BuildStamp.StoredDiagnostic.init))
            .write(for: options)
    }
}
