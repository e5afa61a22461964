import VietText

/// The tokens of an analysed text as the entity rules read them, computed once per text: each
/// token's words as written and in lower case, whether it opens with a capital, and what separates
/// it from the token before (nothing, spaces, or a line break).
struct TokenView {
    enum Gap: UInt8 { case none, space, line }

    let text: AnalyzedText
    let tokens: [Token]
    let original: [String]
    let lower: [String]
    let capitalised: [Bool]
    let allCaps: [Bool]
    let gap: [Gap]
    /// Token `i` opens a line of the text (a real line break, not a sentence boundary).
    let lineStart: [Bool]

    init(_ text: AnalyzedText) {
        self.text = text
        tokens = text.tokens
        let units = text.text.original
        var original: [String] = []
        var lower: [String] = []
        var capitalised: [Bool] = []
        var allCaps: [Bool] = []
        allCaps.reserveCapacity(tokens.count)
        var gap: [Gap] = []
        var lineStart: [Bool] = []
        lineStart.reserveCapacity(tokens.count)
        original.reserveCapacity(tokens.count)
        lower.reserveCapacity(tokens.count)
        capitalised.reserveCapacity(tokens.count)
        gap.reserveCapacity(tokens.count)
        var previousEnd = 0
        var sentenceStarts = Set(text.sentences.map(\.tokens.lowerBound))
        sentenceStarts.remove(0)
        for (index, t) in tokens.enumerated() {
            let s = String(decoding: units[t.range], as: UTF16.self)
            original.append(s)
            lower.append(s.lowercased())
            let upper = s.unicodeScalars.first?.properties.isUppercase ?? false
            capitalised.append(upper)
            allCaps.append(upper && (t.kind == .syllable || t.kind == .abbreviation) && !s.unicodeScalars.contains { $0.properties.isLowercase })
            var g = Gap.none
            if previousEnd < t.range.lowerBound {
                g = .space
                for u in units[previousEnd..<t.range.lowerBound] where u == 0x0A || u == 0x0D { g = .line; break }
            }
            lineStart.append(g == .line || index == 0)
            // a sentence boundary separates like a line break: no name runs over it
            if sentenceStarts.contains(index) { g = .line }
            gap.append(g)
            previousEnd = t.range.upperBound
        }
        self.original = original
        self.lower = lower
        self.capitalised = capitalised
        self.allCaps = allCaps
        self.gap = gap
        self.lineStart = lineStart
    }

    var count: Int { tokens.count }

    /// A word token: a syllable or an abbreviation (`UBND`, `TP.HCM`).
    func isWord(_ i: Int) -> Bool { i < tokens.count && (tokens[i].kind == .syllable || tokens[i].kind == .abbreviation) }
    func isCapitalisedWord(_ i: Int) -> Bool { isWord(i) && capitalised[i] }
    /// Token `i` follows token `i - 1` after spaces only (or nothing), on the same line.
    func joined(_ i: Int) -> Bool { i > 0 && i < tokens.count && gap[i] != .line }
    func isPunctuation(_ i: Int, _ s: String) -> Bool { i < tokens.count && original[i] == s }
    /// A number, or a Roman numeral written in capitals (`XVI`, `II`).
    func isNumeral(_ i: Int) -> Bool {
        guard i < tokens.count else { return false }
        if tokens[i].kind == .number { return true }
        return isWord(i) && original[i].allSatisfy { "IVXLC".contains($0) }
    }
    /// All letters capitals (`UBND`, `HSX`).
    func isAllCaps(_ i: Int) -> Bool { i < tokens.count && allCaps[i] }

    /// UTF-16 range of tokens `i..<j`.
    func range(_ i: Int, _ j: Int) -> Range<Int> { tokens[i].range.lowerBound..<tokens[j - 1].range.upperBound }
    func string(_ i: Int, _ j: Int) -> String { String(decoding: text.text.original[range(i, j)], as: UTF16.self) }

    /// The sentence index of each token.
    func sentenceStarts() -> Set<Int> { Set(text.sentences.map(\.tokens.lowerBound)) }
}

/// Phrases of one or more words looked up by their first word, longest first, in lower case.
struct PhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [String: [([String], Value)]] = [:]

    init(_ entries: [(String, Value)]) {
        for (phrase, value) in entries {
            let words = phrase.lowercased().split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            byFirst[first, default: []].append((words, value))
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.0.count > $1.0.count } }
    }

    /// The longest phrase whose words are the tokens from `i` (joined on one line), in any case.
    func match(_ v: TokenView, at i: Int) -> (length: Int, value: Value)? {
        guard i < v.count, let candidates = byFirst[v.lower[i]] else { return nil }
        for (words, value) in candidates where i + words.count <= v.count {
            var ok = true
            for k in 1..<max(words.count, 1) where k < words.count {
                if v.lower[i + k] != words[k] || !v.joined(i + k) { ok = false; break }
            }
            if ok { return (words.count, value) }
        }
        return nil
    }

    func contains(_ phrase: String) -> Bool {
        let words = phrase.lowercased().split(separator: " ").map(String.init)
        return byFirst[words.first ?? ""]?.contains { $0.0 == words } ?? false
    }
}
