import Foundation
import PrepressBuild
import PrepressContent

/// The preview's site: the last good build, the errors of the last attempt, and who listens for reloads.
///
/// An actor, so that rebuilds and requests never share mutable state unguarded.
public actor PreviewStore {
    public private(set) var state: SiteState?
    /// Errors of the last rebuild; while there are some, the last good site is served with an overlay.
    public private(set) var errors: [Diagnostic] = []
    /// Counts rebuilds, good or failed; sent with each reload event.
    public private(set) var generation = 0
    /// Changes not yet built into `state`: after a failed rebuild they are tried again with the next change.
    private var pending = SiteChanges()
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
    /// Set once the server knows its address, which the site's absolute URLs need.
    private var builder: SiteBuilder?

    public init(options: BuildOptions? = nil) {
        builder = options.map(SiteBuilder.init)
    }

    public func configure(_ options: BuildOptions) {
        builder = SiteBuilder(options: options)
    }

    /// The site, its errors and the build number, read together.
    public func snapshot() -> (SiteState?, [Diagnostic], Int) {
        (state, errors, generation)
    }

    /// The first build. Errors are kept for the overlay; nothing is thrown.
    @discardableResult
    public func buildAll() -> (warnings: [Diagnostic], errors: [Diagnostic], seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let builder else { return ([], [], 0) }
        do {
            state = try builder.makeState()
            errors = []
        } catch {
            errors = error.diagnostics.filter(\.isError)
            pending = SiteChanges(config: true)
        }
        generation += 1
        notify()
        return (state?.warnings ?? [], errors, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Rebuilds after `changes` and tells every listener to reload.
    public func apply(_ changes: SiteChanges) -> RebuildOutcome {
        pending.formUnion(changes)
        let start = DispatchTime.now().uptimeNanoseconds
        var outcome: RebuildOutcome
        guard let builder else { return .failed([]) }
        if let state {
            do {
                let (updated, report) = try builder.update(state, with: pending)
                self.state = updated
                errors = []
                pending = SiteChanges()
                // The reload goes out first: gathering and sorting 6,000 warnings for the terminal took 1.5 ms.
                generation += 1
                notify()
                return .built(report, warnings: updated.warnings)
            } catch {
                errors = error.diagnostics.filter(\.isError)
                outcome = .failed(errors)
            }
        } else {
            buildAll()
            pending = errors.isEmpty ? SiteChanges() : pending
            outcome = errors.isEmpty
                ? .built(UpdateReport(kind: .full, stalePages: 0, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9),
                         warnings: state?.warnings ?? [])
                : .failed(errors)
            return outcome
        }
        generation += 1
        notify()
        return outcome
    }

    /// A stream of build numbers, one per rebuild, until the listener goes away or `closeListeners()`;
    /// and the current build number.
    public func listen() -> (AsyncStream<Int>, current: Int) {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.removeListener(id) }
        }
        return (stream, generation)
    }

    /// Ends every event stream, so the server can shut down.
    public func closeListeners() {
        for continuation in listeners.values { continuation.finish() }
        listeners.removeAll()
    }

    private func removeListener(_ id: UUID) {
        listeners[id] = nil
    }

    private func notify() {
        for continuation in listeners.values { continuation.yield(generation) }
    }
}
