import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input; for independent, CPU-bound work per element.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = SendableBuffer(buffer: results)
        // Small work items keep the cores balanced to the end when elements cost unevenly (the question
        // bank's pages, last in a build, cost twice a guide's page; a guide with much highlighted code, ten
        // times another's Markdown); a few elements each keep dispatch cheap (at 10,000 guides, 20 a chunk:
        // one core idled for up to a chunk's time, 20 ms, at the end of the Markdown with 80).
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 256))
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { input in
            let source = SendableInput(buffer: input)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
                let start = chunkIndex * chunk
                let end = Swift.min(start + chunk, source.buffer.count)
                for index in start..<end {
                    slots.buffer[index] = transform(source.buffer[index])
                }
            }
        }
        // Moved out, not copied: a copy would leave each result's references held by the buffer, which is
        // deallocated, not deinitialized, and so kept every result (the loader's Markdown bodies) alive.
        return (0..<count).map { (results.baseAddress! + $0).move()! }
    }
}

private struct SendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
}

private struct SendableInput<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
}

