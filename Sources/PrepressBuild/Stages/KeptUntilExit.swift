/// What a one-shot command leaves for the process's end to reclaim rather than freeing it: at 10,000 guides,
/// freeing the site's model and the guide cache object by object takes about 0.15 s on one thread after the
/// output is written, time the exit gives back at once (compilers do the same: clang's `-disable-free`).
/// Only `prepress build` and `check` ask for it (`BuildOptions.keepsModelUntilExit`); the preview, which builds
/// again and again in one process, frees as usual.
enum KeptUntilExit {
    private final class Box<Value> {
        let value: Value
        init(_ value: consuming Value) { self.value = value }
    }

    /// Keeps `value` alive until the process exits: it is never freed.
    static func keep<Value>(_ value: consuming Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
