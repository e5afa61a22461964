import Foundation

/// A sentence: where it is and which tokens and words it holds.
public struct Sentence: Sendable, Equatable {
    /// UTF-16 offsets into the original text.
    public var range: Range<Int>
    public var normalizedRange: Range<Int>
    /// Indices into `AnalyzedText.tokens` and `AnalyzedText.words`.
    public var tokens: Range<Int>
    public var words: Range<Int>
}

/// The result of analyzing a text: its normalized form, tokens, words and sentences.
public struct AnalyzedText: Sendable {
    public let text: NormalizedText
    public let tokens: [Token]
    public let words: [Word]
    public let sentences: [Sentence]

    /// The original text of a token.
    public func original(_ token: Token) -> String {
        String(utf16Units: text.original, token.range)
    }

    /// The normalized text of a token.
    public func normalized(_ token: Token) -> String {
        String(utf16Units: text.normalized, token.normalizedRange)
    }

    /// The original text of a word's syllables joined by `separator` (VLSP: `_`).
    public func original(_ word: Word, separator: String = " ") -> String {
        word.tokens.map { original(tokens[$0]) }.joined(separator: separator)
    }

    public func original(_ sentence: Sentence) -> String {
        String(utf16Units: text.original, sentence.range)
    }
}

/// Options of the analysis.
public struct AnalyzerOptions: Sendable {
    public var tonePlacement: TonePlacement = .firstVowel
    /// User lexicon files that add to the built-in lexicon.
    public var userLexicons: [URL] = []
    public init(tonePlacement: TonePlacement = .firstVowel, userLexicons: [URL] = []) {
        self.tonePlacement = tonePlacement
        self.userLexicons = userLexicons
    }
}

/// The front door of VietText: normalization, tokens, sentences and words in one call.
///
/// Not thread-safe (its parts reuse ICU iterators and buffers): use one per thread. Loading the
/// lexicon is the costly part of `init`; `Lexicon` is immutable and can be shared with `init(lexicon:)`.
public final class TextAnalyzer {
    public let normalizer: TextNormalizer
    public var tokenizer: Tokenizer
    public let sentenceSplitter: SentenceSplitter
    public var segmenter: WordSegmenter

    private var tokenBuffer: [Token] = []
    private var wordBuffer: [Word] = []

    public convenience init(options: AnalyzerOptions = AnalyzerOptions()) throws {
        let normalizer = try TextNormalizer(tonePlacement: options.tonePlacement)
        let lexicon = try Lexicon.builtin(adding: options.userLexicons, normalizer: normalizer)
        try self.init(lexicon: lexicon, normalizer: normalizer)
    }

    public init(lexicon: Lexicon, normalizer: TextNormalizer) throws {
        self.normalizer = normalizer
        let abbreviations = try Abbreviations.builtin(normalizer: normalizer)
        self.tokenizer = try Tokenizer(abbreviations: abbreviations)
        self.sentenceSplitter = try SentenceSplitter(abbreviations: abbreviations)
        self.segmenter = try WordSegmenter.builtin(lexicon: lexicon, normalizer: normalizer)
    }

    public func analyze(_ string: String) -> AnalyzedText {
        analyze(normalizer.normalize(string))
    }

    /// `words: false` leaves word segmentation out (`words` empty, each sentence's `words`
    /// empty): for callers that need words in a few sentences only (`words(of:in:)`).
    public func analyze(_ text: NormalizedText, words segment: Bool = true) -> AnalyzedText {
        let tokens = tokenizer.tokenize(text)
        let ranges = sentenceSplitter.sentences(in: text)
        // token index where each sentence starts
        var starts: [Int] = []
        var t = 0
        for r in ranges {
            while t < tokens.count && tokens[t].normalizedRange.lowerBound < r.lowerBound { t += 1 }
            starts.append(t)
        }
        let words = segment ? segmenter.segment(tokens, in: text, sentenceStarts: starts) : []
        var sentences: [Sentence] = []
        var w = 0
        for (k, r) in ranges.enumerated() {
            let tokenEnd = k + 1 < starts.count ? starts[k + 1] : tokens.count
            let tokenRange = starts[k]..<max(starts[k], tokenEnd)
            let wordStart = w
            while w < words.count && words[w].tokens.lowerBound < tokenRange.upperBound { w += 1 }
            sentences.append(Sentence(
                range: text.originalOffset(r.lowerBound)..<text.originalOffset(r.upperBound),
                normalizedRange: r, tokens: tokenRange, words: wordStart..<w))
        }
        return AnalyzedText(text: text, tokens: tokens, words: words, sentences: sentences)
    }

    /// The words of one sentence of a text analyzed without words; token indices are the
    /// text's (absolute).
    public func words(of sentence: Sentence, in analyzed: AnalyzedText) -> [Word] {
        words(of: sentence.tokens, in: analyzed)
    }

    /// The words of a run of tokens (absolute indices) of a text analyzed without words.
    public func words(of range: Range<Int>, in analyzed: AnalyzedText) -> [Word] {
        let tokens = Array(analyzed.tokens[range])
        let base = range.lowerBound
        return segmenter.segment(tokens, in: analyzed.text).map { Word(tokens: ($0.tokens.lowerBound + base)..<($0.tokens.upperBound + base)) }
    }

    /// Segments one line of text and appends it in the VLSP convention to `output` as UTF-8:
    /// words separated by spaces, the syllables of a word joined by `_`. The fast path of
    /// `solieu segment`: no sentence splitting, buffers reused.
    public func appendSegmented(_ line: [UInt16], to output: inout [UInt8]) {
        let text = normalizer.normalize(line)
        tokenizer.tokenize(text, into: &tokenBuffer)
        segmenter.segment(tokenBuffer, in: text, into: &wordBuffer)
        VLSP.append(words: wordBuffer, tokens: tokenBuffer, original: text.original, to: &output)
    }
}

/// The VLSP word segmentation format: `Thanh bắt_chuyện với Hùng .`
public enum VLSP {
    public static func append(words: [Word], tokens: [Token], original: [UInt16], to output: inout [UInt8]) {
        guard let first = tokens.first, let last = tokens.last else { return }
        // at most 3 UTF-8 bytes per UTF-16 unit, plus one separator per token
        let bound = 3 * (last.range.upperBound - first.range.lowerBound) + tokens.count
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: bound))
        let written = output.withUnsafeMutableBufferPointer { out -> Int in
            original.withUnsafeBufferPointer { u -> Int in
                var o = start
                var firstWord = true
                for word in words {
                    if !firstWord { out[o] = 0x20; o += 1 }
                    firstWord = false
                    for t in word.tokens {
                        if t != word.tokens.lowerBound { out[o] = 0x5F; o += 1 }
                        o = encode(u, tokens[t].range, into: out, at: o)
                    }
                }
                return o
            }
        }
        output.removeSubrange(written...)
    }

    /// Writes `u[r]` as UTF-8 at `out[o...]`; returns the new end.
    @inline(__always)
    static func encode(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var o = start
        UTF8Transcoder.forEachByte(u, r) { out[o] = $0; o += 1 }
        return o
    }
}
