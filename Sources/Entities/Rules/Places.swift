import VietText

/// Places written with their level word: `xã Lãng Công`, `tỉnh Vĩnh Phúc`, `thị trấn Phố Châu`,
/// `thôn Đoàn Kết`, `Quận 3`: a level word from `place-levels.txt` (the longest that matches, in
/// lower case: `Xã` opening a sentence counts) followed by a run of capitalised syllables, or by
/// a number for the numbered urban units.
enum Places {
    /// The places in `text`'s tokens.
    static func find(in text: AnalyzedText, lexicon: EntityLexicon) -> [EntityMention] {
        let levels = lexicon.levels.keys.map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }
        let tokens = text.tokens
        var found: [EntityMention] = []
        var i = 0
        while i < tokens.count {
            guard let level = levels.first(where: { matches($0, at: i, in: text) }), !afterPlural(i, in: text, lexicon) else { i += 1; continue }
            var j = i + level.count
            let nameStart = j
            while j < tokens.count, tokens[j].kind == .syllable, isCapitalised(text.original(tokens[j])), adjacent(tokens, j, text) {
                j += 1
            }
            if j == nameStart, j < tokens.count, tokens[j].kind == .number, adjacent(tokens, j, text) { j += 1 }
            if j > nameStart {
                let range = tokens[i].range.lowerBound..<tokens[j - 1].range.upperBound
                found.append(EntityMention(kind: .place, range: range, text: original(range, in: text)))
                i = j
            } else {
                i += 1
            }
        }
        return found
    }

    /// Whether the level word's syllables are the tokens from `i` (case-insensitive).
    static func matches(_ level: [String], at i: Int, in text: AnalyzedText) -> Bool {
        guard i + level.count <= text.tokens.count else { return false }
        for (k, syllable) in level.enumerated() {
            let token = text.tokens[i + k]
            guard token.kind == .syllable, text.normalized(token).lowercased() == syllable else { return false }
        }
        return true
    }

    /// Words that make the level word after them generic (`các tỉnh Tây Nguyên`: the provinces
    /// of a region, not a province named Tây Nguyên).
    /// (`plural-markers.txt`)
    static func afterPlural(_ i: Int, in text: AnalyzedText, _ lexicon: EntityLexicon) -> Bool {
        guard i > 0, text.tokens[i - 1].kind == .syllable else { return false }
        return lexicon.pluralMarkers.contains(text.normalized(text.tokens[i - 1]).lowercased())
    }

    /// Tokens `j - 1` and `j` are separated by spaces only (no punctuation, no line break).
    static func adjacent(_ tokens: [Token], _ j: Int, _ text: AnalyzedText) -> Bool {
        guard j > 0 else { return true }
        let gap = tokens[j - 1].range.upperBound..<tokens[j].range.lowerBound
        return original(gap, in: text).allSatisfy { $0 == " " }
    }

    static func isCapitalised(_ s: String) -> Bool { s.unicodeScalars.first?.properties.isUppercase ?? false }

    static func original(_ range: Range<Int>, in text: AnalyzedText) -> String {
        String(decoding: text.text.original[range], as: UTF16.self)
    }
}
