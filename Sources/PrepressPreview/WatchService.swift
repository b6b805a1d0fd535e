import Foundation
import Hummingbird
import Logging
import PrepressBuild
import PrepressContent
import ServiceLifecycle
import UnixSignals

/// Runs the file watcher for the server's lifetime and rebuilds on each batch of changes.
struct WatchService: Service {
    let store: PreviewStore
    let watcher: FileWatcher
    let report: @Sendable (PreviewEvent) -> Void

    func run() async throws {
        await withGracefulShutdownHandler {
            for await batch in watcher.changes() {
                guard let changes = ChangeClassifier.changes(for: batch) else { continue }
                let outcome = await store.apply(changes)
                report(.rebuilt(outcome, paths: batch.map(\.path)))
            }
        } onGracefulShutdown: {
            watcher.stop()
            Task { await store.closeListeners() }
        }
    }
}
