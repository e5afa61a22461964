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
