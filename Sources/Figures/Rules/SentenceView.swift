import VietText

/// One sentence's tokens as the figure rules read them: lowercased normalized text, kind,
/// whether whitespace precedes, and the word (segmenter) each token belongs to.
struct SentenceView {
    let analyzed: AnalyzedText
    let sentence: Sentence
    let lower: [String]
    let text: [String]
    let kind: [Token.Kind]
    /// Whether whitespace separates token i from token i-1.
    let spaceBefore: [Bool]
    /// For token i, the end (exclusive, sentence-relative) of the segmenter word holding it.
    let wordEnd: [Int]

    init(_ analyzed: AnalyzedText, _ sentence: Sentence) {
        self.analyzed = analyzed
        self.sentence = sentence
        let tokens = analyzed.tokens[sentence.tokens]
        text = tokens.map { analyzed.normalized($0) }
        lower = text.map { $0.lowercased() }
        kind = tokens.map(\.kind)
        var space: [Bool] = []
        var previousEnd = -1
        for t in tokens {
            space.append(previousEnd < 0 || t.normalizedRange.lowerBound > previousEnd)
            previousEnd = t.normalizedRange.upperBound
        }
        spaceBefore = space
        var ends = [Int](repeating: 0, count: tokens.count)
        let base = sentence.tokens.lowerBound
        for w in sentence.words {
            let r = analyzed.words[w].tokens
            for t in r { ends[t - base] = r.upperBound - base }
        }
        wordEnd = ends
    }

    var count: Int { lower.count }

    func lower(_ i: Int) -> String? { i >= 0 && i < count ? lower[i] : nil }

    /// Whether the lowercased tokens from `i` are `phrase`.
    func matches(_ phrase: [String], at i: Int) -> Bool {
        guard i >= 0, i + phrase.count <= count else { return false }
        for (k, p) in phrase.enumerated() where lower[i + k] != p { return false }
        return true
    }

    /// The original text of tokens `r` (sentence-relative), with the whitespace between them.
    func original(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        let base = sentence.tokens.lowerBound
        let a = analyzed.tokens[base + r.lowerBound].range.lowerBound
        let b = analyzed.tokens[base + r.upperBound - 1].range.upperBound
        return String(decoding: analyzed.text.original[a..<b], as: UTF16.self)
    }

    /// The same, from the normalized text (units are reported normalized).
    func normalized(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        let base = sentence.tokens.lowerBound
        let a = analyzed.tokens[base + r.lowerBound].normalizedRange.lowerBound
        let b = analyzed.tokens[base + r.upperBound - 1].normalizedRange.upperBound
        return String(decoding: analyzed.text.normalized[a..<b], as: UTF16.self)
    }

    /// Original UTF-16 range of tokens `r`.
    func originalRange(_ r: Range<Int>) -> Range<Int> {
        let base = sentence.tokens.lowerBound
        return analyzed.tokens[base + r.lowerBound].range.lowerBound..<analyzed.tokens[base + r.upperBound - 1].range.upperBound
    }

    func isPunctuation(_ i: Int) -> Bool { i >= 0 && i < count && (kind[i] == .punctuation || kind[i] == .symbol) }
}
