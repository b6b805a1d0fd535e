import Foundation
import Testing
@testable import PrepressContent

struct ParallelMapTests {
    @Test func resultsKeepTheInputsOrder() {
        let input = Array(0..<10_000)
        #expect(input.parallelMap { $0 * 3 } == input.map { $0 * 3 })
        #expect([7].parallelMap { $0 + 1 } == [8])
        #expect([Int]().parallelMap { $0 }.isEmpty)
    }

    /// A map's results live as long as what the caller keeps of them, no longer: the buffer they are gathered
    /// in once held a reference to each for the life of the process (a build kept every guide's Markdown).
    @Test func resultsAreFreedWithTheArrayTheyAreReturnedIn() {
        let live = LiveCount()
        do {
            let results = Array(0..<1_000).parallelMap { _ in Tracked(live) }
            #expect(results.count == 1_000)
            #expect(live.value == 1_000)
        }
        #expect(live.value == 0)
    }

    private final class LiveCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func change(_ delta: Int) { lock.lock(); count += delta; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    private final class Tracked: Sendable {
        let live: LiveCount
        init(_ live: LiveCount) {
            self.live = live
            live.change(1)
        }
        deinit { live.change(-1) }
    }
}
