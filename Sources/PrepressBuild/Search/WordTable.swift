#if canImport(Glibc)
import Glibc
#endif

/// Words interned as numbers, keyed by their bytes: an open-addressing hash table over one byte arena, so
/// that indexing millions of words makes no `String` and no allocation per word.
struct WordTable {
    private var arena: [UInt8] = []
    /// Each word's start in `arena` and its length, by number.
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var hashes: [UInt32] = []
    /// Word numbers by hash slot; -1 for an empty slot. The capacity is a power of two, at most half full.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1 << 14) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
    }

    var count: Int { starts.count }

    static let hashSeed: UInt32 = 2_166_136_261
    static let hashPrime: UInt32 = 16_777_619

    /// FNV-1a of the bytes.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash = hashSeed
        for byte in word { hash = (hash ^ UInt32(byte)) &* hashPrime }
        return hash
    }

    /// The word's number, added when new; `hash` is `WordTable.hash(word)`.
    mutating func number(of word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        var slot = Int(hash) & mask
        while true {
            let number = Int(slots[slot])
            if number < 0 { break }
            if hashes[number] == hash, Int(lengths[number]) == word.count, matches(number, word) { return number }
            slot = (slot + 1) & mask
        }
        let number = starts.count
        starts.append(Int32(arena.count))
        lengths.append(Int32(word.count))
        hashes.append(hash)
        arena.append(contentsOf: word)
        slots[slot] = Int32(number)
        if starts.count * 2 > slots.count { grow() }
        return number
    }

    /// The word of a number.
    func word(_ number: Int) -> String {
        let start = Int(starts[number])
        return String(decoding: arena[start..<start + Int(lengths[number])], as: UTF8.self)
    }

    private func matches(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[number])
        return arena.withUnsafeBufferPointer { arena in
            memcmp(arena.baseAddress! + start, word.baseAddress!, word.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for number in 0..<starts.count {
            var slot = Int(hashes[number]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
