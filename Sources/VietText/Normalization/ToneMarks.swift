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

    /// Per code unit below U+2000: 0 when not one of the vowels above, else
    /// (row + 1) << 3 | tone, tone 0 for the bare vowel and 1...5 for the toned forms.
    private static let info: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x2000)
        for (r, row) in rows.enumerated() {
            table[Int(row.base.unicodeScalars.first!.value)] = UInt8(r + 1) << 3
            for (i, s) in row.toned.unicodeScalars.enumerated() { table[Int(s.value)] = UInt8(r + 1) << 3 | UInt8(i + 1) }
        }
        return table
    }()

    /// compose[row][tone]: the vowel of `rows[row]` with `tone` (0 = none).
    private static let compose: [[UInt16]] = rows.map { row in
        [UInt16(row.base.unicodeScalars.first!.value)] + row.toned.unicodeScalars.map { UInt16($0.value) }
    }

    /// Row indices (into `rows`) of the plain vowels, either case.
    private static func row(_ info: UInt8) -> Int { Int(info >> 3) - 1 }

    /// Moves tone marks in the `oa`/`oe`/`uy` syllables of an NFC buffer to `placement`.
    /// The buffer keeps its length: each vowel is one code unit before and after.
    static func place(_ placement: TonePlacement, in text: inout [UInt16]) {
        let chars = CharTable.shared
        let info = Self.info
        let n = text.count
        var i = 0
        while i < n {
            guard chars.isLetter(text[i]) else { i += 1; continue }
            var end = i
            while end < n && chars.isLetter(text[end]) { end += 1 }
            if end - i >= 2 { fix(&text, start: i, end: end, placement, chars, info) }
            i = end
        }
    }

    @inline(__always)
    private static func fix(_ text: inout [UInt16], start: Int, end: Int, _ placement: TonePlacement, _ chars: CharTable, _ info: [UInt8]) {
        let p1 = end - 2, p2 = end - 1
        // Quick reject: both must be from the small vowel tables.
        guard text[p1] < 0x2000, text[p2] < 0x2000 else { return }
        let i1 = info[Int(text[p1])], i2 = info[Int(text[p2])]
        guard i1 != 0, i2 != 0 else { return }
        let r1 = row(i1) % 5, r2 = row(i2) % 5   // 0 a, 1 e, 2 o, 3 u, 4 y
        let isPair = (r1 == 2 && (r2 == 0 || r2 == 1)) || (r1 == 3 && r2 == 4)  // oa oe uy
        guard isPair else { return }
        if p1 > start {
            let before = chars.lowercased(text[p1 - 1])
            // after q, u is part of the onset (quý); after another vowel the nucleus is longer.
            if before == 0x71 || (before < 0x2000 && info[Int(before)] != 0) || SyllableShapeVowels.contains(before) { return }
        }
        let t1 = Int(i1 & 7), t2 = Int(i2 & 7)
        let tone = max(t1, t2)
        guard tone > 0, t1 == 0 || t2 == 0 else { return }
        let wantFirst = placement == .firstVowel
        text[p1] = compose[row(i1)][wantFirst ? tone : 0]
        text[p2] = compose[row(i2)][wantFirst ? 0 : tone]
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
