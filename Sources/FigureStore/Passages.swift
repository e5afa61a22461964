import Figures
import SoLieu

/// Where an article's searchable text lies: its figures' sentences and the rest of its title,
/// lead, paragraphs and captions, as non-overlapping runs of the text.
struct PassageLayout: Equatable {
    struct Passage: Equatable {
        var role: Block.Role
        var sentenceIndex: Int?
        /// Unicode-scalar offsets into the text; nil for a title that is not in the text.
        var range: Range<Int>?
    }

    var passages: [Passage]
    /// Each figure sentence's offsets, by sentence index.
    var sentences: [Int: Range<Int>]

    /// The roles a search covers.
    static let searchedRoles: Set<Block.Role> = [.title, .lead, .paragraph, .caption]

    init(article: Article, figures: [Figure], scalars: ArticleScalars) {
        var sentences: [Int: Range<Int>] = [:]
        for f in figures where sentences[f.sentenceIndex] == nil {
            sentences[f.sentenceIndex] = Self.locate(f, in: scalars)
        }
        // sentences in text order, none overlapping the one before
        var sentenceRuns: [(index: Int, range: Range<Int>)] = []
        for (i, r) in sentences.sorted(by: { $0.value.lowerBound < $1.value.lowerBound }) {
            if let last = sentenceRuns.last, r.lowerBound < last.range.upperBound { continue }
            sentenceRuns.append((i, r))
        }
        self.sentences = sentences

        let regions: [(role: Block.Role, range: Range<Int>)] = article.blocks.isEmpty
            ? Self.paragraphs(scalars).map { (.paragraph, $0) }
            : article.blocks.filter { Self.searchedRoles.contains($0.role) }.map { ($0.role, $0.start..<$0.end) }

        var passages: [Passage] = []
        if let title = article.title, !title.isEmpty, !article.blocks.contains(where: { $0.role == .title }) {
            passages.append(Passage(role: .title, sentenceIndex: nil, range: nil))
        }
        for run in sentenceRuns {
            let role = regions.first(where: { $0.range.contains(run.range.lowerBound) })?.role ?? .paragraph
            passages.append(Passage(role: role, sentenceIndex: run.index, range: run.range))
        }
        // what the regions hold outside the sentences
        for region in regions {
            var from = region.range.lowerBound
            for run in sentenceRuns where run.range.upperBound > from && run.range.lowerBound < region.range.upperBound {
                if run.range.lowerBound > from { Self.appendTrimmed(from..<run.range.lowerBound, role: region.role, scalars, to: &passages) }
                from = max(from, run.range.upperBound)
            }
            if from < region.range.upperBound { Self.appendTrimmed(from..<region.range.upperBound, role: region.role, scalars, to: &passages) }
        }
        self.passages = passages
    }

    /// The offsets of `figure.sentence` in the text: the occurrence that holds the figure
    /// (a long sentence's window loses its `…` marks). The figure's own offsets when not found.
    static func locate(_ figure: Figure, in text: ArticleScalars) -> Range<Int> {
        var sentence = Array(figure.sentence.unicodeScalars)
        if sentence.first == "…" { sentence.removeFirst() }
        if sentence.last == "…" { sentence.removeLast() }
        let n = text.scalars.count, len = sentence.count
        let fallback = max(0, min(figure.start, n))..<max(0, min(max(figure.end, figure.start), n))
        guard len > 0, len <= n else { return fallback }
        // the sentence starts at or before the figure and ends at or after it
        let lowest = max(0, figure.end - len), highest = min(figure.start, n - len)
        guard lowest <= highest else { return fallback }
        for p in stride(from: highest, through: lowest, by: -1) where text.scalars[p] == sentence[0] {
            var i = 1
            while i < len && text.scalars[p + i] == sentence[i] { i += 1 }
            if i == len { return p..<(p + len) }
        }
        return fallback
    }

    /// The runs of text between blank lines (for an article without blocks).
    static func paragraphs(_ text: ArticleScalars) -> [Range<Int>] {
        var result: [Range<Int>] = []
        let s = text.scalars
        var i = 0, start: Int? = nil, lastNonSpace = 0
        while i < s.count {
            if s[i] == "\n" {
                // a blank line ends the paragraph
                var j = i + 1
                while j < s.count, s[j] == " " || s[j] == "\t" || s[j] == "\r" { j += 1 }
                if j < s.count, s[j] == "\n", let b = start {
                    result.append(b..<(lastNonSpace + 1))
                    start = nil
                }
            } else if !Self.isSpace(s[i]) {
                if start == nil { start = i }
                lastNonSpace = i
            }
            i += 1
        }
        if let b = start { result.append(b..<(lastNonSpace + 1)) }
        return result
    }

    /// Appends `range` without the spaces and punctuation at its ends (nothing when no word is left).
    static func appendTrimmed(_ range: Range<Int>, role: Block.Role, _ text: ArticleScalars, to passages: inout [Passage]) {
        var a = range.lowerBound, b = range.upperBound
        while a < b, !isWordScalar(text.scalars[a]) { a += 1 }
        while b > a, !isWordScalar(text.scalars[b - 1]) { b -= 1 }
        guard a < b else { return }
        passages.append(Passage(role: role, sentenceIndex: nil, range: a..<b))
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s == " " || s == "\t" || s == "\n" || s == "\r") : s.properties.isWhitespace
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
