import VietText

/// The tokens of an analysed text as the entity rules read them, computed once per text: each
/// token's word as a vocabulary id, whether it opens with a capital or is all capitals, and what
/// separates it from the token before (nothing, spaces, or a line or sentence break). The words
/// as written are decoded only where a rule needs them.
struct TokenView {
    enum Gap: UInt8 { case none, space, line }

    let text: AnalyzedText
    let tokens: [Token]
    let units: [UInt16]
    /// The vocabulary id of each token's word in lower case; -1 when the data has no such word.
    let ids: [Int32]
    let capitalised: [Bool]
    let allCaps: [Bool]
    let gap: [Gap]
    /// Token `i` opens a line of the text (a real line break, not a sentence boundary).
    let lineStart: [Bool]

    /// The words as written, decoded on demand: `v.original[i]`.
    struct Words {
        let view: TokenView
        subscript(_ i: Int) -> String { String(decoding: view.units[view.tokens[i].range], as: UTF16.self) }
    }
    /// The words in lower case, decoded on demand: `v.lower[i]`.
    struct LowerWords {
        let view: TokenView
        subscript(_ i: Int) -> String { String(decoding: view.units[view.tokens[i].range], as: UTF16.self).lowercased() }
    }
    var original: Words { Words(view: self) }
    var lower: LowerWords { LowerWords(view: self) }

    init(_ text: AnalyzedText, vocabulary: Vocabulary) {
        self.text = text
        tokens = text.tokens
        units = text.text.original
        let normalized = text.text.normalized
        var ids: [Int32] = []
        var capitalised: [Bool] = []
        var allCaps: [Bool] = []
        var gap: [Gap] = []
        var lineStart: [Bool] = []
        ids.reserveCapacity(tokens.count)
        capitalised.reserveCapacity(tokens.count)
        allCaps.reserveCapacity(tokens.count)
        gap.reserveCapacity(tokens.count)
        lineStart.reserveCapacity(tokens.count)
        let sentenceStarts = text.sentences.map(\.tokens.lowerBound)
        var nextSentence = 0
        var previousEnd = 0
        for (index, t) in tokens.enumerated() {
            let word = t.kind == .syllable || t.kind == .abbreviation
            ids.append(word || t.kind == .punctuation ? vocabulary.id(normalized[t.normalizedRange]) : -1)
            let first = normalized[t.normalizedRange].first ?? 0
            let upper = word && Self.isUpper(first)
            capitalised.append(upper)
            allCaps.append(upper && !normalized[t.normalizedRange].contains { Self.isLower($0) })
            var g = Gap.none
            if previousEnd < t.range.lowerBound {
                g = .space
                for u in units[previousEnd..<t.range.lowerBound] where u == 0x0A || u == 0x0D { g = .line; break }
            }
            lineStart.append(g == .line || index == 0)
            // a sentence boundary separates like a line break: no name runs over it
            while nextSentence < sentenceStarts.count, sentenceStarts[nextSentence] < index { nextSentence += 1 }
            if index > 0, nextSentence < sentenceStarts.count, sentenceStarts[nextSentence] == index { g = .line }
            gap.append(g)
            previousEnd = t.range.upperBound
        }
        self.ids = ids
        self.capitalised = capitalised
        self.allCaps = allCaps
        self.gap = gap
        self.lineStart = lineStart
    }

    @inline(__always) static func isUpper(_ u: UInt16) -> Bool {
        switch u {
        case 0x41...0x5A: return true
        case 0..<0x80: return false
        case 0xC0...0xDE: return u != 0xD7
        case 0x100...0x137, 0x14A...0x177, 0x1E00...0x1E95, 0x1EA0...0x1EFF: return u & 1 == 0
        case 0x1A0, 0x1AF: return true
        default: return Unicode.Scalar(u).map { $0.properties.isUppercase } ?? false
        }
    }
    @inline(__always) static func isLower(_ u: UInt16) -> Bool {
        switch u {
        case 0x61...0x7A: return true
        case 0..<0x80: return false
        case 0xDF...0xFF: return u != 0xF7
        case 0x100...0x137, 0x14A...0x177, 0x1E00...0x1E95, 0x1EA0...0x1EFF: return u & 1 == 1
        case 0x1A1, 0x1B0: return true
        default: return Unicode.Scalar(u).map { $0.properties.isLowercase } ?? false
        }
    }

    var count: Int { tokens.count }

    /// A word token: a syllable or an abbreviation (`UBND`, `TP.HCM`).
    func isWord(_ i: Int) -> Bool { i < tokens.count && (tokens[i].kind == .syllable || tokens[i].kind == .abbreviation) }
    func isCapitalisedWord(_ i: Int) -> Bool { i < tokens.count && capitalised[i] }
    /// Token `i` follows token `i - 1` after spaces only (or nothing), in the same sentence and line.
    func joined(_ i: Int) -> Bool { i > 0 && i < tokens.count && gap[i] != .line }
    /// Token `i` is exactly `s` (punctuation, symbols: compared unit by unit).
    func isPunctuation(_ i: Int, _ s: String) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let r = tokens[i].range
        return r.count == s.utf16.count && zip(units[r], s.utf16).allSatisfy { $0 == $1 }
    }
    /// Token `i` is the word with vocabulary id `id` (any case).
    func isWord(_ i: Int, _ id: Int32) -> Bool { i >= 0 && i < tokens.count && ids[i] == id }
    /// A number, or a Roman numeral written in capitals (`XVI`, `II`).
    func isNumeral(_ i: Int) -> Bool {
        guard i < tokens.count else { return false }
        if tokens[i].kind == .number { return true }
        return allCaps[i] && units[tokens[i].range].allSatisfy { [0x49, 0x56, 0x58, 0x4C, 0x43].contains($0) }
    }
    /// All letters capitals (`UBND`, `HSX`).
    func isAllCaps(_ i: Int) -> Bool { i < tokens.count && allCaps[i] }
    /// The token's length in UTF-16 units.
    func length(_ i: Int) -> Int { tokens[i].range.count }

    /// UTF-16 range of tokens `i..<j`.
    func range(_ i: Int, _ j: Int) -> Range<Int> { tokens[i].range.lowerBound..<tokens[j - 1].range.upperBound }
    func string(_ i: Int, _ j: Int) -> String { String(decoding: units[range(i, j)], as: UTF16.self) }
}

/// Phrases of one or more words looked up by their first word's id (an array index: the ids are
/// dense), longest first, in any case.
struct PhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [[([Int32], Value)]] = []

    init(_ entries: [(String, Value)], _ vocabulary: Vocabulary) {
        for (phrase, value) in entries {
            let words = vocabulary.add(phrase: phrase)
            guard let first = words.first else { continue }
            if Int(first) >= byFirst.count { byFirst += Array(repeating: [], count: Int(first) + 1 - byFirst.count) }
            byFirst[Int(first)].append((words, value))
        }
        for k in byFirst.indices where byFirst[k].count > 1 { byFirst[k].sort { $0.0.count > $1.0.count } }
    }

    /// The longest phrase whose words are the tokens from `i` (joined on one line), in any case.
    @inline(__always)
    func match(_ v: TokenView, at i: Int) -> (length: Int, value: Value)? {
        guard i < v.count else { return nil }
        let id = Int(v.ids[i])
        guard id >= 0, id < byFirst.count, !byFirst[id].isEmpty else { return nil }
        for (words, value) in byFirst[id] where i + words.count <= v.count {
            var ok = true
            var k = 1
            while k < words.count {
                if v.ids[i + k] != words[k] || !v.joined(i + k) { ok = false; break }
                k += 1
            }
            if ok { return (words.count, value) }
        }
        return nil
    }
}

/// A set of vocabulary ids as flags indexed by id.
struct IDSet: Sendable {
    private var flags: [Bool] = []
    init<S: Sequence>(_ ids: S) where S.Element == Int32 {
        for id in ids where id >= 0 {
            if Int(id) >= flags.count { flags += Array(repeating: false, count: Int(id) + 1 - flags.count) }
            flags[Int(id)] = true
        }
    }
    @inline(__always) func contains(_ id: Int32) -> Bool { id >= 0 && Int(id) < flags.count && flags[Int(id)] }
}
