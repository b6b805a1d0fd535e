import Dispatch

/// Times the build's stages for the report.
struct StageClock {
    private(set) var stages: [(name: String, seconds: Double)] = []

    mutating func measure<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            stages.append((name, seconds))
        }
        return try work()
    }
}
