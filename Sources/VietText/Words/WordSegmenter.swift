/// A word: one or more consecutive tokens (several only for the syllables of one word).
public struct Word: Sendable, Equatable {
    /// Indices into the token array the word was made from.
    public var tokens: Range<Int>
    public init(tokens: Range<Int>) { self.tokens = tokens }
}

/// Groups syllable tokens into words.
///
/// 1. Names: a run of capitalised syllables (`Hoàng Văn Toàn`, `Tam Đảo`) is one word, less a
///    leading form of address or function word (`Ông`, `Theo`: `name-stoppers.txt`) and less a
///    last syllable that begins a lexicon word with the lowercase syllables after it
///    (`Bộ Công an` is `Bộ` + `Công an`).
/// 2. Elsewhere, maximum matching over the lexicon: the segmentation with the fewest words,
///    ties broken by the larger sum of word weights (frequencies).
///
/// Not thread-safe (reuses buffers): use one per thread.
public struct WordSegmenter {
    private let chars = CharTable.shared
    public let lexicon: Lexicon
    private let stoppers: Set<Int32>
    private var ids: [Int32] = []
    private var kinds: [UInt8] = []       // 0 other, 1 lowercase syllable, 2 capitalised syllable
    private var matches: [UInt8] = []     // bit k: a lexicon word of k+1 syllables starts here
    private var matchWeights: [Float] = [] // [token * maxSyllables + k]: that word's weight
    // the lexicon's tables, held here so the hot loop reads them without going through the class
    private let syllables: SyllableTable
    private let wordTable: WordTable
    private let longestFrom: [UInt8]
    private var bestWords: [Int32] = []
    private var bestWeight: [Float] = []
    private var back: [UInt8] = []

    public init(lexicon: Lexicon, nameStoppers: [String], normalizer: TextNormalizer) {
        self.lexicon = lexicon
        self.syllables = lexicon.syllables
        self.wordTable = lexicon.words
        self.longestFrom = lexicon.longestFrom
        var stoppers = Set<Int32>()
        for word in nameStoppers {
            let units = normalizer.normalize(word).normalized
            let id = units.withUnsafeBufferPointer { lexicon.syllables.id($0, 0..<$0.count) }
            if id != 0 { stoppers.insert(id) }
        }
        self.stoppers = stoppers
        self.unknownStoppers = Set(nameStoppers.map { Array(normalizer.normalize($0).normalized) })
    }

    /// Stoppers whose syllable is not in the lexicon's table, compared by text.
    private let unknownStoppers: Set<[UInt16]>

    public static func builtin(lexicon: Lexicon, normalizer: TextNormalizer) throws -> WordSegmenter {
        WordSegmenter(lexicon: lexicon, nameStoppers: try LanguageData.builtinLines("name-stoppers.txt"), normalizer: normalizer)
    }

    public mutating func segment(_ tokens: [Token], in text: NormalizedText, sentenceStarts: [Int] = []) -> [Word] {
        var words: [Word] = []
        segment(tokens, in: text, sentenceStarts: sentenceStarts, into: &words)
        return words
    }

    /// Replaces the contents of `words` with the words of `tokens`. No word crosses a sentence
    /// start (`sentenceStarts`: ascending token indices) nor a line break.
    public mutating func segment(_ tokens: [Token], in text: NormalizedText, sentenceStarts: [Int] = [], into words: inout [Word]) {
        words.removeAll(keepingCapacity: true)
        text.normalized.withUnsafeBufferPointer { u in
            classify(tokens, u)
            var i = 0
            var nextStart = 0  // index into sentenceStarts
            let n = tokens.count
            while i < n {
                if kinds[i] == 0 { words.append(Word(tokens: i..<(i + 1))); i += 1; continue }
                while nextStart < sentenceStarts.count && sentenceStarts[nextStart] <= i { nextStart += 1 }
                let limit = nextStart < sentenceStarts.count ? sentenceStarts[nextStart] : n
                var end = i + 1
                while end < limit && kinds[end] != 0 && !lineBreak(between: tokens[end - 1], tokens[end], u) { end += 1 }
                run(i, end, tokens, u, &words)
                i = end
            }
        }
    }

    @inline(__always)
    private func lineBreak(between a: Token, _ b: Token, _ u: UnsafeBufferPointer<UInt16>) -> Bool {
        for k in a.normalizedRange.upperBound..<b.normalizedRange.lowerBound where u[k] == 0x0A || u[k] == 0x0D || u[k] == 0x2028 || u[k] == 0x2029 {
            return true
        }
        return false
    }

    private mutating func classify(_ tokens: [Token], _ u: UnsafeBufferPointer<UInt16>) {
        let n = tokens.count
        ids.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        for t in tokens {
            guard t.kind == .syllable else { ids.append(0); kinds.append(0); continue }
            let r = t.normalizedRange
            ids.append(syllables.id(u, r))
            var capitalised = chars.isUpper(u[r.lowerBound])
            if capitalised && r.count > 1 {
                // `Hùng` is capitalised, `ĐẢNG` (a headline in capitals) is not
                capitalised = false
                for k in (r.lowerBound + 1)..<r.upperBound where chars.isLower(u[k]) { capitalised = true; break }
            }
            kinds.append(capitalised ? 2 : 1)
        }
        matches.removeAll(keepingCapacity: true)
        matches.append(contentsOf: repeatElement(0, count: n))
        matchWeights.removeAll(keepingCapacity: true)
        matchWeights.append(contentsOf: repeatElement(0, count: n * Lexicon.maxSyllables))
        for i in 0..<n where ids[i] != 0 {
            let first = Int(ids[i])
            let longest = first < longestFrom.count ? Int(longestFrom[first]) : 0
            guard longest >= 2 else { continue }
            var key = UInt64(first)
            var k = 2
            while k <= longest && i + k <= n && ids[i + k - 1] != 0 {
                key |= UInt64(UInt16(truncatingIfNeeded: ids[i + k - 1])) << (16 * UInt64(k - 1))
                if let w = wordTable.weight(key) {
                    matches[i] |= 1 << UInt8(k - 1)
                    matchWeights[i * Lexicon.maxSyllables + k - 1] = w
                }
                k += 1
            }
        }
    }

    @inline(__always) private func isStopper(_ i: Int, _ tokens: [Token], _ u: UnsafeBufferPointer<UInt16>) -> Bool {
        if ids[i] != 0 { return stoppers.contains(ids[i]) }
        let r = tokens[i].normalizedRange
        return unknownStoppers.contains(u[r].map(chars.lowercased))
    }

    /// Words for syllable tokens `a..<b` (no other token between them).
    private mutating func run(_ a: Int, _ b: Int, _ tokens: [Token], _ u: UnsafeBufferPointer<UInt16>, _ words: inout [Word]) {
        var i = a
        var plain = a  // start of the stretch not yet given to maximum matching
        while i < b {
            guard kinds[i] == 2 else { i += 1; continue }
            var end = i
            while end < b && kinds[end] == 2 { end += 1 }
            var s = i, e = end
            // a proper-name lexicon entry at the start keeps its first syllable (`Bà Rịa`)
            while s < e && isStopper(s, tokens, u) && !startsProperWord(s) { s += 1 }
            // the last capitalised syllable may begin a lowercase lexicon word (`Công an`)
            if e < b && e - 1 >= s && kinds[e] == 1 && matches[e - 1] != 0 { e -= 1 }
            if e - s >= 2 {
                maximumMatching(plain, s, &words)
                words.append(Word(tokens: s..<e))
                plain = e
            }
            i = max(end, i + 1)
        }
        maximumMatching(plain, b, &words)
    }

    private func startsProperWord(_ i: Int) -> Bool {
        var k = 2
        var m = matches[i] >> 1
        while m != 0 {
            if m & 1 != 0, lexicon.isProper(Lexicon.key(ids[i..<(i + k)])) { return true }
            m >>= 1
            k += 1
        }
        return false
    }

    /// Fewest words over `a..<b`, ties to the larger weight sum.
    private mutating func maximumMatching(_ a: Int, _ b: Int, _ words: inout [Word]) {
        let n = b - a
        guard n > 0 else { return }
        if n == 1 { words.append(Word(tokens: a..<b)); return }
        bestWords.removeAll(keepingCapacity: true)
        bestWeight.removeAll(keepingCapacity: true)
        back.removeAll(keepingCapacity: true)
        bestWords.append(contentsOf: repeatElement(Int32.max, count: n + 1))
        bestWeight.append(contentsOf: repeatElement(0, count: n + 1))
        back.append(contentsOf: repeatElement(1, count: n + 1))
        bestWords[0] = 0
        for j in 0..<n {
            let base = bestWords[j]
            guard base != Int32.max else { continue }
            // single syllable
            relax(j, 1, base, bestWeight[j])
            var m = matches[a + j] >> 1
            var k = 2
            while m != 0 {
                if m & 1 != 0 && j + k <= n {
                    relax(j, k, base, bestWeight[j] + matchWeights[(a + j) * Lexicon.maxSyllables + k - 1])
                }
                m >>= 1
                k += 1
            }
        }
        // walk back
        let start = words.count
        var j = n
        while j > 0 {
            let k = Int(back[j])
            words.append(Word(tokens: (a + j - k)..<(a + j)))
            j -= k
        }
        words[start...].reverse()
    }

    @inline(__always) private mutating func relax(_ j: Int, _ k: Int, _ base: Int32, _ weight: Float) {
        let t = j + k
        let count = base + 1
        if count < bestWords[t] || (count == bestWords[t] && weight > bestWeight[t]) {
            bestWords[t] = count
            bestWeight[t] = weight
            back[t] = UInt8(k)
        }
    }
}
