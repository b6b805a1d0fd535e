import PrepressContent
#if canImport(Glibc)
import Glibc
#endif

/// A built site waiting beside the output folder to be put in place, or thrown away: a whole new folder to
/// swap in (a cold build), or the files that changed since the last build (a rebuild, `UpdatingOutputSink`).
struct StagedOutput {
    enum Sink {
        case whole(DirectoryOutputSink)
        case changes(UpdatingOutputSink)
    }

    var report: BuildReport
    let sink: Sink
    /// The output folder as errors name it.
    let outputFolder: String
    let options: BuildOptions
    /// The guides this build parsed and rendered, written once the output is in place.
    var cache: GuideCache? = nil

    /// Puts the staged site in place, and records what the output folder then holds (`OutputManifest`) unless
    /// the build keeps no stamp. A rebuild stopped part way is finished by the next build (`OutputJournal`).
    func commit() throws(DiagnosticsError) {
        let manifestPath = OutputManifest.path(for: options)
        do {
            switch sink {
            case .whole(let sink):
                // The manifest describes the folder about to be replaced; it goes first.
                unlink(manifestPath)
                try sink.commit()
                if options.stamp != .off { sink.manifest().write(to: manifestPath) }
            case .changes(let sink):
                try sink.commit(manifestPath: manifestPath, journalPath: OutputJournal.path(for: options)) { step in
                    if step == options.commitInterruption { throw CommitInterrupted(step: step) }
                }
            }
            cache?.save()
            // The record goes with the output it describes; none when pages could not be kept next time.
            if let record = report.pageRecord { record.write(for: options) } else { PageRecord.remove(for: options) }
        } catch let interrupted as CommitInterrupted {
            throw DiagnosticsError([.error(at: SourceLocation(file: outputFolder), "\(interrupted)")])
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: outputFolder), "\(error)")])
        }
    }

    /// Removes what was staged; the output folder stays as it was. (A rebuild whose commit has begun keeps
    /// its staged files for the next build to finish with.)
    func discard() {
        switch sink {
        case .whole(let sink): sink.discard()
        case .changes(let sink): sink.discard()
        }
    }

    /// The digest of the output folder's listing once committed (`BuildFingerprint.output(at:)`).
    var listingDigest: String {
        switch sink {
        case .whole(let sink): sink.listingDigest()
        case .changes(let sink): sink.listingDigest()
        }
    }

    /// The report with what was written, deleted and left as it was.
    var committedReport: BuildReport {
        var report = report
        switch sink {
        case .whole(let sink):
            report.filesWritten = sink.writtenCount
        case .changes(let sink):
            report.filesWritten = sink.writtenCount
            report.filesUnchanged = sink.unchangedCount
            report.filesDeleted = sink.deletedCount
        }
        return report
    }
}

/// A commit stopped at a step on purpose (`BuildOptions.commitInterruption`), as if the process were killed.
struct CommitInterrupted: Error, CustomStringConvertible {
    let step: Int
    var description: String { "the commit was stopped after step \(step) (a test)" }
}
