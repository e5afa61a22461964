import VietText

/// One sentence's tokens as the figure rules read them: a key per token (lowercased, for
/// comparing with rule words), kind, whether whitespace precedes, the word (segmenter) each
/// token belongs to; the tokens' text is made only when a rule asks for it.
struct SentenceView {
    let analyzed: AnalyzedText
    let sentence: Sentence
    /// Lowercased keys (`TextKey`) of the tokens.
    let keys: [UInt64]
    let kind: [Token.Kind]
    /// Whether whitespace separates token i from token i-1.
    let spaceBefore: [Bool]
    /// Segments a few tokens (absolute indices) into words: the words that follow a number are
    /// found on demand, without segmenting the whole sentence.
    let segment: ((Range<Int>) -> [Word])?
    /// The sentence's words, when the analysis made them.
    private let knownWordEnd: [Int]?
    private let cache: TextCache

    /// Lowercased normalized text of the tokens, made on first use.
    var lower: LazyText { LazyText(view: self, lowercased: true) }
    /// Normalized text of the tokens (case kept), made on first use.
    var text: LazyText { LazyText(view: self, lowercased: false) }

    struct LazyText {
        let view: SentenceView
        let lowercased: Bool
        subscript(i: Int) -> String { view.cache.text(i, lowercased: lowercased, view) }
    }

    final class TextCache {
        var lower: [String?]
        var text: [String?]
        init(_ n: Int) { lower = Array(repeating: nil, count: n); text = Array(repeating: nil, count: n) }
        func text(_ i: Int, lowercased: Bool, _ v: SentenceView) -> String {
            if lowercased, let s = lower[i] { return s }
            if !lowercased, let s = text[i] { return s }
            let r = v.analyzed.tokens[v.sentence.tokens.lowerBound + i].normalizedRange
            let s = v.analyzed.text.normalized.withUnsafeBufferPointer { u in
                lowercased ? TextKey.lowercased(u, r) : String(utf16Units: UnsafeBufferPointer(rebasing: u[r]))
            }
            if lowercased { lower[i] = s } else { text[i] = s }
            return s
        }
    }

    /// `segment`: segments a token range on demand, when the analysis left words out.
    init(_ analyzed: AnalyzedText, _ sentence: Sentence, segment: ((Range<Int>) -> [Word])? = nil) {
        self.analyzed = analyzed
        self.sentence = sentence
        let tokens = analyzed.tokens[sentence.tokens]
        keys = analyzed.text.normalized.withUnsafeBufferPointer { u in tokens.map { TextKey.of(u, $0.normalizedRange) } }
        kind = tokens.map(\.kind)
        var space: [Bool] = []
        space.reserveCapacity(tokens.count)
        var previousEnd = -1
        for t in tokens {
            space.append(previousEnd < 0 || t.normalizedRange.lowerBound > previousEnd)
            previousEnd = t.normalizedRange.upperBound
        }
        spaceBefore = space
        self.segment = segment
        if segment == nil {
            var ends = [Int](repeating: 0, count: tokens.count)
            let base = sentence.tokens.lowerBound
            for w in sentence.words {
                let r = analyzed.words[w].tokens
                for t in r { ends[t - base] = r.upperBound - base }
            }
            knownWordEnd = ends
        } else {
            knownWordEnd = nil
        }
        cache = TextCache(tokens.count)
    }

    var count: Int { keys.count }

    /// The end (exclusive, sentence-relative) of the word that starts at token `j`.
    func wordEnd(_ j: Int) -> Int {
        guard j >= 0, j < count else { return j + 1 }
        if let known = knownWordEnd { return known[j] }
        guard let segment else { return j + 1 }
        // the syllables from j up to the next other token, at most a long word's length
        var end = j
        while end < count, end < j + Lexicon.maxSyllables + 2, kind[end] == .syllable { end += 1 }
        guard end > j + 1 else { return j + 1 }
        let base = sentence.tokens.lowerBound
        return (segment((base + j)..<(base + end)).first?.tokens.upperBound ?? base + j + 1) - base
    }

    /// The lowercased text of token `i`, nil outside the sentence.
    func lower(_ i: Int) -> String? { i >= 0 && i < count ? lower[i] : nil }

    /// Whether token `i` is `word` (compared lowercased, by key).
    @inline(__always) func `is`(_ i: Int, _ word: Key) -> Bool { i >= 0 && i < count && keys[i] == word.value }

    /// Whether token `i` is one of `words`.
    @inline(__always) func isAny(_ i: Int, _ words: KeySet) -> Bool { i >= 0 && i < count && words.contains(keys[i]) }

    /// Whether the tokens from `i` are `phrase` (keys).
    func matches(_ phrase: [UInt64], at i: Int) -> Bool {
        guard i >= 0, i + phrase.count <= count else { return false }
        for (k, p) in phrase.enumerated() where keys[i + k] != p { return false }
        return true
    }

    /// The original text of tokens `r` (sentence-relative), with the whitespace between them.
    func original(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return String(utf16Units: analyzed.text.original, originalRange(r))
    }

    /// The same, from the normalized text (units are reported normalized).
    func normalized(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        let base = sentence.tokens.lowerBound
        let a = analyzed.tokens[base + r.lowerBound].normalizedRange.lowerBound
        let b = analyzed.tokens[base + r.upperBound - 1].normalizedRange.upperBound
        return String(utf16Units: analyzed.text.normalized, a..<b)
    }

    /// Original UTF-16 range of tokens `r`.
    func originalRange(_ r: Range<Int>) -> Range<Int> {
        let base = sentence.tokens.lowerBound
        return analyzed.tokens[base + r.lowerBound].range.lowerBound..<analyzed.tokens[base + r.upperBound - 1].range.upperBound
    }

    /// Whether token `i` is a word (a syllable, an abbreviation, a code with letters).
    func isWordLike(_ i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        switch kind[i] {
        case .syllable, .abbreviation: return true
        case .code: return lower[i].first?.isLetter == true
        default: return false
        }
    }

    /// Whether token `i` is a word that begins with a capital letter.
    func isCapitalised(_ i: Int) -> Bool {
        guard isWordLike(i), let first = text[i].unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    func isPunctuation(_ i: Int) -> Bool { i >= 0 && i < count && (kind[i] == .punctuation || kind[i] == .symbol) }
}

/// A rule word's key, written as a string literal: `v.is(i, "năm")`.
struct Key: ExpressibleByStringLiteral {
    let value: UInt64
    /// A literal is hashed from its static UTF-8 bytes (no String is made: rules compare
    /// tokens with literals in their hot loops); the same FNV-1a key as `TextKey.ofLowercase`.
    init(stringLiteral s: StaticString) {
        value = s.hasPointerRepresentation
            ? s.withUTF8Buffer { TextKey.ofLowercase(utf8: $0) }
            : TextKey.ofLowercase(s.description)
    }
    init(_ s: String) { value = TextKey.of(s) }
}

/// A set of rule words, written as an array literal (`static let w: KeySet = ["đến", "tới"]`).
struct KeySet: ExpressibleByArrayLiteral {
    /// Sorted keys: a binary search over a few dozen integers beats hashing them.
    let values: [UInt64]
    init(arrayLiteral words: String...) { values = Set(words.map(TextKey.ofLowercase)).sorted() }
    init<S: Sequence>(_ words: S) where S.Element == String { values = Set(words.map(TextKey.of)).sorted() }
    init(keys: Set<UInt64>) { values = keys.sorted() }

    @inline(__always) func contains(_ key: UInt64) -> Bool {
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            let v = values[mid]
            if v == key { return true }
            if v < key { lo = mid + 1 } else { hi = mid }
        }
        return false
    }
}

