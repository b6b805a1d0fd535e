import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times the build's stages for the report: wall-clock seconds, and processor seconds over all threads.
///
/// A class, so that every stage of one build writes to the same clock without handing it on.
final class StageClock {
    private(set) var stages: [(name: String, seconds: Double, cpuSeconds: Double)] = []
    /// Measurements inside or beside stages, not counted in the build's time (`BuildReport.details`).
    private(set) var details: [(name: String, seconds: Double)] = []

    func note(_ name: String, seconds: Double) {
        details.append((name, seconds))
    }

    func measure<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = Self.processorSeconds()
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            stages.append((name, seconds, Self.processorSeconds() - cpuStart))
        }
        return try work()
    }

    /// Processor time the calling thread has used so far, user and system.
    static func threadProcessorSeconds() -> Double { seconds(of: CLOCK_THREAD_CPUTIME_ID) }

    /// Processor time the process has used so far, user and system, all threads.
    static func processorSeconds() -> Double { seconds(of: CLOCK_PROCESS_CPUTIME_ID) }

    private static func seconds(of clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
