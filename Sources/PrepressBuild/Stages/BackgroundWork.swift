import Dispatch
import Foundation

/// Numbered items of work done on other threads while the caller goes on, and by the caller too once it asks
/// for them: `results` takes items until none is left, then waits for those under way.
///
/// The build counts the search index's words so, beside the short stages that follow the Markdown
/// (taxonomies, related guides, the question bank, cards), which leave a core idle. (A `parallelMap` begun
/// on another thread is no substitute: the thread pool, busy with those stages' own work when it is asked for
/// workers, may leave the whole map to the one thread that began it.)
final class BackgroundWork<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    /// The next item to take, and how many are done (both under `condition`).
    private var next = 0
    private var done = 0
    /// Threads doing items now: `results` waits for them all, so that `seconds` counts each one's time.
    private var working = 0
    /// Processor seconds of the threads that did the items, summed.
    private var processorSeconds = 0.0
    private let started = DispatchTime.now().uptimeNanoseconds
    private var finished: UInt64?
    /// Each item is written by the one thread that took it, and read once all are done.
    private let items: UnsafeMutableBufferPointer<Item?>
    private let item: @Sendable (Int) -> Item

    /// Starts `threads` threads on items `0..<count`, each made by `item`.
    init(count: Int, threads: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1),
         item: @escaping @Sendable (Int) -> Item) {
        self.count = count
        items = .allocate(capacity: count)
        items.initialize(repeating: nil)
        self.item = item
        for _ in 0..<threads { DispatchQueue.global().async { self.work() } }
    }

    deinit {
        _ = items.deinitialize()
        items.deallocate()
    }

    /// Every item's result, in order, once all are done (the calling thread doing what is left).
    var results: [Item] {
        work()
        condition.lock()
        while done < count || working > 0 { condition.wait() }
        condition.unlock()
        return items.map { $0! }
    }

    /// Wall seconds from the start to the last item done, and processor seconds of the threads doing items:
    /// valid after `results`.
    var seconds: (wall: Double, processor: Double) {
        condition.lock()
        defer { condition.unlock() }
        return (Double((finished ?? started) - started) / 1e9, processorSeconds)
    }

    private func take(first: Bool = false) -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard next < count else { return nil }
        if first { working += 1 }
        next += 1
        return next - 1
    }

    private func work() {
        guard var index = take(first: true) else { return }
        let start = StageClock.threadProcessorSeconds()
        while true {
            items[index] = item(index)
            condition.lock()
            done += 1
            if done == count {
                finished = DispatchTime.now().uptimeNanoseconds
                condition.broadcast()
            }
            condition.unlock()
            guard let following = take() else { break }
            index = following
        }
        let used = StageClock.threadProcessorSeconds() - start
        condition.lock()
        processorSeconds += used
        working -= 1
        condition.broadcast()
        condition.unlock()
    }
}
