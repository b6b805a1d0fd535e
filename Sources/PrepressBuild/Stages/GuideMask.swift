/// Some of the site's guides, by index, as one bit each: asked of every page after an edit ("does this page
/// show one of the changed guides?"), 400,000 times at 10,000 guides, where a `Set<Int>` hashed each index.
struct GuideMask: Sendable {
    private var words: [UInt64]

    /// The guides at `indices` among `count` guides; an index outside `0..<count` is left out.
    init(_ indices: some Sequence<Int>, count: Int) {
        words = Array(repeating: 0, count: (max(count, 0) + 63) / 64)
        for index in indices where index >= 0 && index < count {
            words[index >> 6] |= 1 << UInt64(index & 63)
        }
    }

    @inline(__always)
    func contains(_ index: Int) -> Bool {
        let word = index >> 6
        return index >= 0 && word < words.count && words[word] & (1 << UInt64(index & 63)) != 0
    }
}
