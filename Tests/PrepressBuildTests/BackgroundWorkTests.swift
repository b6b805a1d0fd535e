import Foundation
import Testing
@testable import PrepressBuild

struct BackgroundWorkTests {
    @Test func everyItemIsDoneOnceAndTheResultsKeepTheirOrder() {
        let calls = Counter()
        let work = BackgroundWork<Int>(count: 500, threads: 3) { index in
            calls.add()
            return index * index
        }
        #expect(work.results == (0..<500).map { $0 * $0 })
        #expect(calls.value == 500)
        // Asked again, the same results; nothing is done twice.
        #expect(work.results.count == 500)
        #expect(calls.value == 500)
        #expect(work.seconds.wall >= 0)
    }

    @Test func withNoThreadTheCallerDoesEveryItem() {
        let caller = pthread_self()
        let work = BackgroundWork<Bool>(count: 20, threads: 0) { _ in pthread_equal(pthread_self(), caller) != 0 }
        #expect(work.results == Array(repeating: true, count: 20))
    }

    @Test func noItemsGiveNoResults() {
        let work = BackgroundWork<Int>(count: 0, threads: 2) { $0 }
        #expect(work.results.isEmpty)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }
}
