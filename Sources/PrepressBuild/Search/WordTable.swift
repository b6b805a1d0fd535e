#if canImport(Glibc)
import Glibc
#endif

/// Words interned as numbers, keyed by their bytes: an open-addressing hash table over one byte arena, so
/// that indexing millions of words makes no `String` and no allocation per word.
///
/// A lookup reads one slot and one entry: the entry holds the word's hash, length and first eight bytes,
/// so a word of up to eight bytes (most words) is matched without reading the arena.
struct WordTable: ~Copyable {
    private struct Entry {
        /// The word's first eight bytes, little-endian, zero-padded.
        var prefix: UInt64
        var hash: UInt32
        var length: Int32
        /// Where the word's bytes start in `arena`.
        var start: Int32
    }

    private var arena: [UInt8] = []
    private var entries: UnsafeMutablePointer<Entry>
    private(set) var count = 0
    /// Word numbers by hash slot; -1 for an empty slot. The capacity is a power of two, at most half full.
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
        entries = .allocate(capacity: size / 2)
        arena.reserveCapacity(capacity * 8)
    }

    deinit {
        slots.deallocate()
        entries.deallocate()
    }

    /// Up to eight bytes as a little-endian integer, zero-padded.
    @inline(__always)
    private static func chunk(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in 0..<count { value |= UInt64(base[offset]) << (UInt64(offset) &* 8) }
        return value
    }

    /// A hash of the word from its first eight bytes, its length and any further bytes eight at a time: one
    /// multiplication per eight bytes (a word's bytes are in hand only when it ends).
    @inline(__always)
    private static func hash(prefix: UInt64, _ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = (prefix ^ UInt64(word.count)) &* multiplier
        var offset = 8
        while offset < word.count {
            hash = (hash ^ (hash >> 29) ^ chunk(word.baseAddress! + offset, count: min(8, word.count - offset))) &* multiplier
            offset += 8
        }
        return UInt32(truncatingIfNeeded: hash >> 32)
    }

    /// The word's number, added when new. A word is never empty.
    @inline(__always)
    mutating func number(of word: UnsafeBufferPointer<UInt8>) -> Int {
        number(of: word, prefix: Self.chunk(word.baseAddress!, count: min(word.count, 8)))
    }

    /// The word's number, as `number(of:)`, for a word whose memory holds at least eight bytes from its start
    /// (the tokenizer's buffers, `SearchTokenizer.words`): its first eight bytes are read in one load, not one
    /// at a time by its length.
    @inline(__always)
    mutating func number(ofPadded word: UnsafeBufferPointer<UInt8>) -> Int {
        let loaded = UInt64(littleEndian: UnsafeRawPointer(word.baseAddress!).loadUnaligned(as: UInt64.self))
        let prefix = word.count >= 8 ? loaded : loaded & ((1 &<< (UInt64(word.count) &* 8)) &- 1)
        return number(of: word, prefix: prefix)
    }

    @inline(__always)
    private mutating func number(of word: UnsafeBufferPointer<UInt8>, prefix: UInt64) -> Int {
        let hash = Self.hash(prefix: prefix, word)
        let length = Int32(word.count)
        var slot = Int(hash) & mask
        while true {
            let number = Int(slots[slot])
            if number < 0 { break }
            let entry = entries[number]
            if entry.hash == hash, entry.length == length, entry.prefix == prefix,
               length <= 8 || matchesTail(entry, word) {
                return number
            }
            slot = (slot + 1) & mask
        }
        return add(word, hash: hash, prefix: prefix, slot: slot)
    }

    private mutating func add(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32, prefix: UInt64, slot: Int) -> Int {
        let number = count
        entries[number] = Entry(prefix: prefix, hash: hash, length: Int32(word.count), start: Int32(arena.count))
        arena.append(contentsOf: word)
        slots[slot] = Int32(number)
        count += 1
        // Entries hold half as many words as there are slots: grown before the next word would not fit.
        if count * 2 >= mask + 1 { grow() }
        return number
    }

    /// Calls `body` with a word's bytes.
    func withBytes<T>(of number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let entry = entries[number]
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(entry.start)..<Int(entry.start) + Int(entry.length)])) }
    }

    /// The word of a number.
    func word(_ number: Int) -> String {
        let entry = entries[number]
        let start = Int(entry.start)
        return String(decoding: arena[start..<start + Int(entry.length)], as: UTF8.self)
    }

    private func matchesTail(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            memcmp(arena.baseAddress! + Int(entry.start) + 8, word.baseAddress! + 8, word.count - 8) == 0
        }
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
        let grown = UnsafeMutablePointer<Entry>.allocate(capacity: size / 2)
        grown.moveInitialize(from: entries, count: count)
        entries.deallocate()
        entries = grown
        for number in 0..<count {
            var slot = Int(entries[number].hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
