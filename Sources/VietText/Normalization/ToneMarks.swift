/// Where the tone mark of `oa`, `oe`, `uy` goes in an open syllable.
///
/// Both placements are in use: `hòa`, `thủy`, `ủy` (on the first vowel, the form most news text
/// and dictionaries use) and `hoà`, `thuỷ`, `uỷ` (on the second). Syllables with a final consonant
/// (`hoàng`, `huyện`) and those after `q` (`quý`, `quả`) have one placement only and are untouched.
public enum TonePlacement: String, Sendable, CaseIterable {
    /// `hòa`, `thủy`, `ủy`: the canonical form.
    case firstVowel = "hoa"
    /// `hoà`, `thuỷ`, `uỷ`.
    case secondVowel = "hoa2"
}

enum ToneMarks {
    /// Per base vowel, its five toned forms in the order grave, acute, tilde, hook, dot below.
    private static let rows: [(base: Character, toned: String)] = [
        ("a", "àáãảạ"), ("e", "èéẽẻẹ"), ("o", "òóõỏọ"), ("u", "ùúũủụ"), ("y", "ỳýỹỷỵ"),
        ("A", "ÀÁÃẢẠ"), ("E", "ÈÉẼẺẸ"), ("O", "ÒÓÕỎỌ"), ("U", "ÙÚŨỦỤ"), ("Y", "ỲÝỸỶỴ"),
    ]

    /// toned code unit -> (base code unit, tone 1...5); base vowels map to tone 0.
    private static let decompose: [UInt16: (base: UInt16, tone: Int)] = {
        var map: [UInt16: (UInt16, Int)] = [:]
        for row in rows {
            let base = UInt16(row.base.unicodeScalars.first!.value)
            map[base] = (base, 0)
            for (i, s) in row.toned.unicodeScalars.enumerated() { map[UInt16(s.value)] = (base, i + 1) }
        }
        return map
    }()

    private static let compose: [UInt32: UInt16] = {
        var map: [UInt32: UInt16] = [:]
        for row in rows {
            let base = UInt32(row.base.unicodeScalars.first!.value)
            map[base << 3] = UInt16(base)
            for (i, s) in row.toned.unicodeScalars.enumerated() { map[base << 3 | UInt32(i + 1)] = UInt16(s.value) }
        }
        return map
    }()

    /// Moves tone marks in the `oa`/`oe`/`uy` syllables of an NFC buffer to `placement`.
    /// The buffer keeps its length: each vowel is one code unit before and after.
    static func place(_ placement: TonePlacement, in text: inout [UInt16]) {
        let n = text.count
        var i = 0
        while i < n {
            guard CharTable.isLetter(text[i]) else { i += 1; continue }
            var end = i
            while end < n && CharTable.isLetter(text[end]) { end += 1 }
            if end - i >= 2 { fix(&text, start: i, end: end, placement) }
            i = end
        }
    }

    @inline(__always)
    private static func fix(_ text: inout [UInt16], start: Int, end: Int, _ placement: TonePlacement) {
        let p1 = end - 2, p2 = end - 1
        // Quick reject: the pair must be from the small vowel tables.
        guard let first = decompose[text[p1]], let second = decompose[text[p2]] else { return }
        let b1 = CharTable.lowercased(first.base), b2 = CharTable.lowercased(second.base)
        let isPair = (b1 == 0x6F && (b2 == 0x61 || b2 == 0x65)) || (b1 == 0x75 && b2 == 0x79)  // oa oe uy
        guard isPair else { return }
        if p1 > start {
            let before = CharTable.lowercased(text[p1 - 1])
            // after q, u is part of the onset (quý); after another vowel the nucleus is longer.
            if before == 0x71 || decompose[text[p1 - 1]] != nil || SyllableShapeVowels.contains(before) { return }
        }
        let tone = max(first.tone, second.tone)
        guard tone > 0, first.tone == 0 || second.tone == 0 else { return }
        let wantFirst = placement == .firstVowel
        guard let c1 = compose[UInt32(first.base) << 3 | UInt32(wantFirst ? tone : 0)],
              let c2 = compose[UInt32(second.base) << 3 | UInt32(wantFirst ? 0 : tone)] else { return }
        text[p1] = c1
        text[p2] = c2
    }
}

/// Vowel letters other than the plain ones the tone tables cover (â, ê, ô, ơ, ư, ă and toned forms).
enum SyllableShapeVowels {
    private static let set: Set<UInt16> = {
        var s = Set<UInt16>()
        for u in "âêôơưăấầẩẫậếềểễệốồổỗộớờởỡợứừửữựắằẳẵặiíìỉĩị".utf16 { s.insert(u) }
        return s
    }()
    static func contains(_ u: UInt16) -> Bool { set.contains(u) }
}
