import VietText

/// The words of the entity rules' language data, each with a number: the rules compare numbers,
/// not strings (a Vietnamese `String` is hashed and compared through NFC checks, which made the
/// rules ten times slower than the figure extractor). Built once while the grammar is built,
/// read-only after.
final class Vocabulary: @unchecked Sendable {
    private var ids: [[UInt16]: Int32] = [:]
    /// The same by a 64-bit hash of the key (FNV-1a): a token's word is looked up without
    /// building an array.
    private var hashed = HashIndex()
    private let normalizer: TextNormalizer?

    init() { normalizer = try? TextNormalizer() }

    /// The id of a word of the data (any case), added when new.
    func add(_ word: String) -> Int32 {
        let key = Self.key(word, normalizer)
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        hashed.insert(Self.hash(key), id)
        return id
    }

    /// The ids of a phrase's words.
    func add(phrase: String) -> [Int32] { phrase.split(separator: " ").map { add(String($0)) } }

    /// The id of a token's word (normalised units), or -1 when the data has no such word.
    func id(_ units: ArraySlice<UInt16>) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for u in units {
            guard let l = Self.lower(u) else {
                return ids[Array(String(decoding: units, as: UTF16.self).lowercased().utf16)] ?? -1
            }
            h = (h ^ UInt64(l)) &* 0x100_0000_01b3
        }
        return hashed.find(h)
    }

    static func hash(_ key: [UInt16]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for u in key { h = (h ^ UInt64(u)) &* 0x100_0000_01b3 }
        return h
    }

    static func key(_ word: String, _ normalizer: TextNormalizer?) -> [UInt16] {
        let normalized = normalizer.map { String(decoding: $0.normalize(word).normalized, as: UTF16.self) } ?? word
        return Array(normalized.lowercased().utf16)
    }

    /// The lower case of a UTF-16 unit of the Latin scripts Vietnamese uses (the same as
    /// `String.lowercased()` for them); nil for a unit outside them that may have a case.
    @inline(__always)
    static func lower(_ u: UInt16) -> UInt16? {
        switch u {
        case 0x41...0x5A: return u + 0x20
        case 0..<0x80: return u
        case 0xC0...0xDE where u != 0xD7: return u + 0x20
        case 0x80..<0x100: return u
        case 0x100...0x137, 0x14A...0x177: return u | 1
        case 0x1A0, 0x1AF: return u + 1
        case 0x1E00...0x1E95, 0x1EA0...0x1EFF: return u | 1
        case 0x300..<0x370, 0x2000..<0x2070, 0x20A0..<0x20D0: return u
        // other scripts keep their case: the data holds Vietnamese and Latin words only
        case 0x370..<0x530, 0x10A0..<0x1100, 0x1F00..<0x2000, 0x2C00..<0x2D30, 0xA640..<0xA800, 0xFF21...0xFF5A: return nil
        default: return u
        }
    }
}

/// An open-addressing table from 64-bit word hashes to ids (Swift's `Dictionary` hashes its keys
/// again with SipHash, a tenth of the entity rules' time).
struct HashIndex {
    private var keys = [UInt64](repeating: 0, count: 1 << 14)
    private var values = [Int32](repeating: -1, count: 1 << 14)
    private var count = 0

    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        var slot = Int(truncatingIfNeeded: key >> 7) & (keys.count - 1)
        while values[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        if values[slot] < 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    @inline(__always)
    func find(_ key: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: key >> 7) & (keys.count - 1)
        while values[slot] >= 0 {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        return -1
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.1 >= 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [Int32](repeating: -1, count: values.count * 2)
        count = 0
        for (k, v) in old { insert(k, v) }
    }
}
