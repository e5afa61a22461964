/// Interns lowercased syllables as small integer ids, looked up straight from a UTF-16 slice
/// of the text (no String made per token): open addressing over FNV-1a hashes.
struct SyllableTable: Sendable {
    private let chars = CharTable.shared
    private var storage: [UInt16] = []          // all keys, back to back
    private var starts: [Int32] = [0]            // key k is storage[starts[k-1]..<starts[k]] (ids from 1)
    private var slots: [Int32]                   // 0 = empty, else id
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { starts.count - 1 }

    @inline(__always)
    private func hash(_ units: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Int {
        var h: UInt64 = 0xcbf29ce484222325
        for i in r {
            h ^= UInt64(chars.lowercased(units[i]))
            h &*= 0x100000001b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The id of the syllable at `units[r]` (compared lowercased), 0 when unknown.
    @inline(__always)
    func id(_ units: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Int32 {
        var slot = hash(units, r) & mask
        while true {
            let id = slots[slot]
            if id == 0 { return 0 }
            if matches(Int(id), units, r) { return id }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ id: Int, _ units: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Bool {
        let s = Int(starts[id - 1]), e = Int(starts[id])
        guard e - s == r.count else { return false }
        var k = s
        for i in r {
            if storage[k] != chars.lowercased(units[i]) { return false }
            k += 1
        }
        return true
    }

    /// The id of `syllable`, adding it if new.
    mutating func intern(_ syllable: [UInt16]) -> Int32 {
        let found = syllable.withUnsafeBufferPointer { id($0, 0..<$0.count) }
        if found != 0 { return found }
        if count * 2 >= slots.count { grow() }
        storage.append(contentsOf: syllable.map(chars.lowercased))
        starts.append(Int32(storage.count))
        let newID = Int32(count)
        insert(newID)
        return newID
    }

    private mutating func insert(_ id: Int32) {
        let s = Int(starts[Int(id) - 1]), e = Int(starts[Int(id)])
        var slot = storage.withUnsafeBufferPointer { hash($0, s..<e) } & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for id in 1...Int32(count) { insert(id) }
    }
}
