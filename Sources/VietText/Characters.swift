/// Fast classification of UTF-16 code units for Vietnamese text.
///
/// Everything the hot loops need is a table lookup on a code unit: Vietnamese letters all lie
/// below U+2000 (Latin-1, Latin Extended-A/B, Latin Extended Additional U+1E00-U+1EFF).
struct CharTable: Sendable {
    static let size = 0x2000
    /// The one instance: hot loops keep a copy (two array references) instead of reading
    /// a lazily initialised global per character.
    static let shared = CharTable()

    /// Lowercase mapping for code units below `size` (identity where there is none).
    let lower: [UInt16]
    /// Bit flags per code unit below `size`.
    let flags: [UInt8]

    static let letterBit: UInt8 = 1
    static let upperBit: UInt8 = 2
    static let lowerBit: UInt8 = 4
    static let spaceBit: UInt8 = 8

    private init() {
        var lower = [UInt16](repeating: 0, count: Self.size)
        var flags = [UInt8](repeating: 0, count: Self.size)
        for i in 0..<Self.size {
            lower[i] = UInt16(i)
            guard let scalar = Unicode.Scalar(UInt32(i)) else { continue }
            let p = scalar.properties
            let mapped = p.lowercaseMapping.unicodeScalars
            if mapped.count == 1, let m = mapped.first, m.value < 0x10000 { lower[i] = UInt16(m.value) }
            var f: UInt8 = 0
            if p.isAlphabetic { f |= Self.letterBit }
            if p.isUppercase { f |= Self.upperBit }
            if p.isLowercase { f |= Self.lowerBit }
            if p.isWhitespace { f |= Self.spaceBit }
            flags[i] = f
        }
        self.lower = lower
        self.flags = flags
    }

    @inline(__always) func lowercased(_ u: UInt16) -> UInt16 {
        Int(u) < Self.size ? lower[Int(u)] : u
    }

    @inline(__always) private func has(_ u: UInt16, _ bit: UInt8) -> Bool {
        Int(u) < Self.size ? flags[Int(u)] & bit != 0 : (bit == Self.letterBit && Self.isOtherLetter(u))
    }

    @inline(__always) func isUpper(_ u: UInt16) -> Bool { has(u, Self.upperBit) }
    @inline(__always) func isLower(_ u: UInt16) -> Bool { has(u, Self.lowerBit) }
    @inline(__always) func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
    @inline(__always) func isLetter(_ u: UInt16) -> Bool { has(u, Self.letterBit) }

    /// Whitespace, including the no-break and zero-width spaces that text normalization removes.
    @inline(__always) func isSpace(_ u: UInt16) -> Bool {
        if Int(u) < Self.size { return flags[Int(u)] & Self.spaceBit != 0 }
        return (u >= 0x2000 && u <= 0x200D) || u == 0x2028 || u == 0x2029 || u == 0x202F
            || u == 0x205F || u == 0x2060 || u == 0x3000 || u == 0xFEFF
    }

    private static func isOtherLetter(_ u: UInt16) -> Bool {
        guard !(0xD800...0xDFFF).contains(u), let s = Unicode.Scalar(UInt32(u)) else { return false }
        return s.properties.isAlphabetic
    }
}

/// The shape of a Vietnamese syllable: onset consonant cluster, vowel nucleus, coda.
///
/// Used to tell a real syllable written in capitals (`ĐẢNG`) from an abbreviation (`UBND`, `ĐVTN`).
enum SyllableShape {
    private static let onsets: [[UInt16]] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ].map { Array($0.utf16) }
    private static let codas: [[UInt16]] = ["ng", "nh", "ch", "c", "m", "n", "p", "t"].map { Array($0.utf16) }
    private static let vowels: Set<UInt16> = {
        let base = "aăâeêioôơuưy"
        var set = Set<UInt16>()
        for s in base.unicodeScalars { set.insert(UInt16(s.value)) }
        // every toned form, as precomposed NFC letters
        for s in "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ".unicodeScalars {
            set.insert(UInt16(s.value))
        }
        return set
    }()

    /// Whether `units` (any case) has the shape onset? + 1...3 vowels + coda?.
    static func isPlausible<C: Collection>(_ units: C) -> Bool where C.Element == UInt16 {
        let chars = CharTable.shared
        let s = units.map(chars.lowercased)
        guard !s.isEmpty, s.count <= 8 else { return false }
        var start = 0
        for onset in onsets where s.count > onset.count && s.starts(with: onset) {
            start = onset.count
            break
        }
        var end = s.count
        for coda in codas where end - start > coda.count && s[(end - coda.count)...].elementsEqual(coda) {
            end -= coda.count
            break
        }
        let nucleus = s[start..<end]
        return (1...3).contains(nucleus.count) && nucleus.allSatisfy { vowels.contains($0) }
    }
}

/// A 64-bit key of a word, lowercased: compares and hashes words without making Strings
/// (FNV-1a over the UTF-8 bytes of the lowercased text; NFC text and NFC literals agree).
public enum TextKey {
    @inline(__always)
    static func mix(_ h: inout UInt64, _ byte: UInt8) {
        h ^= UInt64(byte)
        h &*= 0x100000001b3
    }

    /// The key of `units[r]`, lowercased on the way.
    @inline(__always)
    public static func of(_ units: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> UInt64 {
        let chars = CharTable.shared
        var h: UInt64 = 0xcbf29ce484222325
        UTF8Transcoder.forEachByte(units, r, map: chars.lowercased) { mix(&h, $0) }
        return h
    }

    /// The key of UTF-8 bytes of a word that is already lowercase and NFC (a static literal).
    @inline(__always)
    public static func ofLowercase(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { mix(&h, b) }
        return h
    }

    /// The key of a word that is already lowercase and NFC (rule words, data files).
    @inline(__always)
    public static func ofLowercase(_ s: String) -> UInt64 {
        if let done = s.utf8.withContiguousStorageIfAvailable(ofLowercase(utf8:)) { return done }
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { mix(&h, b) }
        return h
    }

    /// The key of any word: lowercased first.
    public static func of(_ s: String) -> UInt64 {
        let units = Array(s.utf16)
        return units.withUnsafeBufferPointer { of($0, 0..<$0.count) }
    }

    /// The lowercased text of `units[r]`, lowercased with the same table as the keys.
    public static func lowercased(_ units: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> String {
        let chars = CharTable.shared
        return String(utf16Units: UnsafeBufferPointer(rebasing: units[r]), lowercasedWith: chars.lowercased)
    }
}

/// UTF-16 to UTF-8, byte by byte: the one encoder behind the VLSP writer, fast Strings and
/// word keys. Lone surrogates become U+FFFD.
public enum UTF8Transcoder {
    @inline(__always)
    public static func forEachByte(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>, map: (UInt16) -> UInt16 = { $0 },
                                   _ emit: (UInt8) -> Void) {
        var i = r.lowerBound
        while i < r.upperBound {
            let c = map(u[i])
            if c < 0x80 {
                emit(UInt8(c))
            } else if c < 0x800 {
                emit(UInt8(0xC0 | (c >> 6))); emit(UInt8(0x80 | (c & 0x3F)))
            } else if c >= 0xD800 && c <= 0xDBFF && i + 1 < r.upperBound && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF {
                let scalar = 0x10000 + ((UInt32(c) - 0xD800) << 10) + (UInt32(u[i + 1]) - 0xDC00)
                emit(UInt8(0xF0 | (scalar >> 18))); emit(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
                emit(UInt8(0x80 | ((scalar >> 6) & 0x3F))); emit(UInt8(0x80 | (scalar & 0x3F)))
                i += 1
            } else {
                let v: UInt16 = (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD : c
                emit(UInt8(0xE0 | (v >> 12))); emit(UInt8(0x80 | ((v >> 6) & 0x3F))); emit(UInt8(0x80 | (v & 0x3F)))
            }
            i += 1
        }
    }
}

extension String {
    /// A String from UTF-16 units, transcoded straight to UTF-8 (faster than
    /// `String(decoding:as: UTF16.self)` for short Vietnamese runs).
    public init(utf16Units units: UnsafeBufferPointer<UInt16>, lowercasedWith lower: (UInt16) -> UInt16 = { $0 }) {
        self.init(unsafeUninitializedCapacity: units.count * 3) { out in
            var o = 0
            UTF8Transcoder.forEachByte(units, 0..<units.count, map: lower) { out[o] = $0; o += 1 }
            return o
        }
    }

    /// A String from `units[r]`.
    public init(utf16Units units: [UInt16], _ r: Range<Int>) {
        self = units.withUnsafeBufferPointer { String(utf16Units: UnsafeBufferPointer(rebasing: $0[r])) }
    }
}
