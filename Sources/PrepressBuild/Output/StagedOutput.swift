import PrepressContent

/// A built site in its staging folder beside the output folder, waiting to be swapped in or thrown away.
struct StagedOutput {
    var report: BuildReport
    let sink: DirectoryOutputSink
    /// The output folder as errors name it.
    let outputFolder: String

    /// Swaps the staged site in for the output folder.
    func commit() throws(DiagnosticsError) {
        do {
            try sink.commit()
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: outputFolder), "\(error)")])
        }
    }

    /// Removes the staging folder; the output folder stays as it was.
    func discard() {
        sink.discard()
    }

    /// The digest of the output folder's listing once committed (`BuildFingerprint.output(at:)`).
    var listingDigest: String { sink.listingDigest() }
}
