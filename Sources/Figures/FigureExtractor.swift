import Foundation
import VietText

/// Reads every figure of an article: numbers, scale words, ranges and fractions (the number
/// grammar in `Rules/`), then unit, qualifier, rate and time around each.
///
/// Not thread-safe (it owns a `TextAnalyzer`): use one per thread.
public final class FigureExtractor {
    public let analyzer: TextAnalyzer
    public let rules: FigureRules

    public init(analyzer: TextAnalyzer, rules: FigureRules) {
        self.analyzer = analyzer
        self.rules = rules
    }

    public convenience init(options: AnalyzerOptions = AnalyzerOptions()) throws {
        try self.init(analyzer: TextAnalyzer(options: options), rules: FigureRules.builtin())
    }

    /// The figures of an article's text, in text order. `article` is copied into each record.
    /// `referenceDate` (year) completes dates that leave the year out; by default the article's
    /// own date line (`Thứ Sáu, 01/02/2019`) gives it.
    /// The largest piece of text analyzed at once: longer articles (a 50 MB single line) are cut
    /// at paragraph, sentence or word boundaries so that memory stays bounded.
    public static let chunkLimit = 1 << 18

    public func extract(_ text: String, article: String? = nil, referenceYear: Int? = nil) -> [Figure] {
        extract(utf16: Array(text.utf16), article: article, referenceYear: referenceYear)
    }

    /// The same for text already in UTF-16 (what `TextInput.decodeUTF8` gives).
    public func extract(utf16 units: [UInt16], article: String? = nil, referenceYear: Int? = nil) -> [Figure] {
        var figures: [Figure] = []
        extract(utf16: units, article: article, referenceYear: referenceYear) { figures += $0 }
        return figures
    }

    /// Streams the figures piece by piece (in text order) to `body`, so that a huge article
    /// never holds all its records at once.
    /// `warn` hears of text that looks like a figure but cannot be read exactly (a number too long).
    public func extract(utf16 units: [UInt16], article: String? = nil, referenceYear: Int? = nil,
                        warn: (FigureWarning) -> Void = { _ in }, _ body: ([Figure]) throws -> Void) rethrows {
        try extractChunks(utf16: units, article: article, referenceYear: referenceYear, warn: warn) { try body($0.figures) }
    }

    /// The same, giving `body` each piece's analysed text with its figures, so that other rules
    /// (entities, the context of each figure) run over the same analysis and may complete the records.
    public func extractChunks(utf16 units: [UInt16], article: String? = nil, referenceYear: Int? = nil,
                              warn: (FigureWarning) -> Void = { _ in }, _ body: (inout FigureChunk) throws -> Void) rethrows {
        var state = ArticleState(referenceYear: referenceYear)
        var start = 0
        var scalarStart = 0
        while start < units.count {
            let end = Self.chunkEnd(units, from: start, limit: Self.chunkLimit)
            let units = Array(units[start..<end])
            var chunk = extractChunk(units, article: article, state: &state, scalarStart: scalarStart, warn: { w in
                warn(FigureWarning(start: w.start + scalarStart, end: w.end + scalarStart, message: w.message))
            })
            if scalarStart > 0 {
                for k in chunk.figures.indices { chunk.figures[k].start += scalarStart; chunk.figures[k].end += scalarStart }
            }
            try body(&chunk)
            scalarStart += units.reduce(0) { $0 + (($1 & 0xFC00) == 0xDC00 ? 0 : 1) }
            start = end
        }
    }

    /// What carries from one chunk of an article to the next.
    struct ArticleState {
        var referenceYear: Int?
        var style: NumberStyle? = nil
        var carried: String? = nil
        var first = true
        /// The figures so far (the next figure's id is one more).
        var ordinal = 0
        /// The sentences so far (the next sentence's index).
        var sentences = 0
        /// The time of a lead that ends with `:`, while the list items after it go on.
        var listLead: String? = nil
        /// The last year the article stated (completes `tháng 1` in a later paragraph).
        var lastYear: Int? = nil
    }

    /// Where to cut `units` after `start` (`TextPieces.end`).
    static func chunkEnd(_ units: [UInt16], from start: Int, limit: Int) -> Int {
        units.withUnsafeBufferPointer { TextPieces.end($0, from: start, limit: limit) }
    }

    private func extractChunk(_ units: [UInt16], article: String?, state: inout ArticleState, scalarStart: Int,
                              warn: (FigureWarning) -> Void) -> FigureChunk {
        let analyzed = analyzer.analyze(analyzer.normalizer.normalize(units), words: false)
        let offsets = ScalarOffsets(analyzed.text.original)
        Self.warnTooLong(analyzed, offsets, warn)
        if state.style == nil { state.style = Self.numberStyle(analyzed) }
        if state.first {
            state.referenceYear = state.referenceYear ?? Self.dateLineYear(analyzed)
            state.first = false
        }
        let style = state.style ?? .vietnamese
        let year = state.referenceYear
        var figures: [Figure] = []
        var ranges: [Range<Int>] = []
        var carried: String? = state.carried
        defer { state.carried = carried }
        var previousEnd = 0
        // one sentence a line (how some sites' text comes): a line break is no paragraph break
        // there, only a blank line is (measured on gold-dev: time agreement 0.879 -> 0.891)
        let lines = analyzed.text.normalized.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let sentencePerLine = Double(analyzed.sentences.count) < 1.5 * Double(lines)
        for sentence in analyzed.sentences {
            let sentenceIndex = state.sentences
            state.sentences += 1
            // a new paragraph starts afresh, unless it is an item of a list whose dated lead
            // ends with `:` (`Các chỉ tiêu năm 2021 gồm:` then `- ...` lines)
            let gap = analyzed.text.normalized[previousEnd..<sentence.normalizedRange.lowerBound]
            let blankLine = gap.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } >= 2
            if (gap.contains(0x0A) || gap.contains(0x0D)) && (blankLine || !sentencePerLine) {
                carried = state.listLead != nil && Self.isListItem(analyzed, sentence) ? state.listLead : nil
                if carried == nil { state.listLead = nil }
            }
            previousEnd = sentence.normalizedRange.upperBound
            let leadsAList = Self.endsWithColon(analyzed, sentence)
            if leadsAList { state.listLead = nil }
            // most sentences hold no number at all: nothing to read, and no time to carry
            guard Self.mayHoldFigures(analyzed, sentence) else {
                if !carriesOver(analyzed, sentence) && state.listLead == nil { carried = nil }
                if leadsAList { state.listLead = carried }
                continue
            }
            let v = SentenceView(analyzed, sentence, segment: { [analyzer] r in analyzer.words(of: r, in: analyzed) })
            // a month or quarter without a year (`tháng 1`) takes the article's date, else the
            // year carried in the paragraph, else the last year the article stated
            let times = Times.find(in: v, referenceYear: carriedYear(carried) ?? year ?? state.lastYear, articleYear: year)
            // a sentence that details the one before (`Trong đó`, `Cụ thể`) inherits its time;
            // other sentences pass the paragraph's time to money and percentages only: carrying
            // it to every figure was measured worse on gold-dev (time agreement 0.68 against
            // 0.81), because counts and sizes (`8,5 ha`, `26 tầng`) mostly have no time
            let governed = Self.isGoverned(v) || state.listLead != nil
            var found = SentenceFigures(view: v, times: times, inherited: governed ? carried : nil, style: style, rules: rules)
            found.paragraphTime = carried
            found.run()
            found.assignRespectively()
            let longSentence = sentence.range.count > Self.sentenceLimit
            let sentenceText = found.figures.isEmpty || longSentence ? "" : analyzed.original(sentence)
            for (f, note) in zip(found.figures, found.notes) {
                var figure = f
                let r = note.originalRange
                state.ordinal += 1
                figure.id = state.ordinal
                figure.article = article
                figure.start = offsets.scalarOffset(r.lowerBound)
                figure.end = offsets.scalarOffset(r.upperBound)
                figure.sentenceIndex = sentenceIndex
                figure.sentence = longSentence ? Self.window(analyzed.text.original, around: r, in: sentence.range) : sentenceText
                figure.numberStyle = note.ambiguous ? note.style : nil
                figures.append(figure)
                ranges.append(r)
            }
            // what the next sentences of the paragraph inherit: the last time stated here
            // (a relative time such as `hiện nay` states none and ends the carry)
            // a time that opens the sentence (`Năm 2008, ...`) governs it; else the last one stated
            let stated = found.usableTimes
            // a lead is a time opening the sentence, or one that opens a clause glued to a caption
            // (`... Ảnh: KTS Hồ Duy Diệm Năm 2012, TP ...`): capitalised and followed by a comma
            if let lead = stated.last(where: { $0.range.lowerBound <= 1 || (v.isCapitalised($0.range.lowerBound) && v.is($0.range.upperBound, ",")) }) {
                carried = lead.value
            }
            else if let last = stated.last { carried = last.value }
            else if !governed && !Self.keepsCarry(carried, found.figures) { carried = nil }
            if let y = stated.last?.value.flatMap(Period.init)?.to.year { state.lastYear = y }
            if leadsAList { state.listLead = carried }
        }
        return FigureChunk(analyzed: analyzed, offsets: offsets, scalarStart: scalarStart, figures: figures, ranges: ranges)
    }


    /// The number style the extractor reads an article in (as `extract` decides it from the
    /// article's first piece).
    public func numberStyle(utf16 units: [UInt16]) -> NumberStyle {
        let end = Self.chunkEnd(units, from: 0, limit: Self.chunkLimit)
        return Self.numberStyle(analyzer.analyze(analyzer.normalizer.normalize(Array(units[0..<end])), words: false))
    }

    /// The article's number style from its first 2,000 numbers, leaving out those that look like
    /// something else: a day and month (`ngày 15.3`), a percentage (`4.5 %`, `4.5 phần trăm`),
    /// a version (`4.0`, `công nghiệp 4.0`).
    static func numberStyle(_ analyzed: AnalyzedText) -> NumberStyle {
        var vote = DigitNumbers.StyleVote()
        var counted = 0
        let tokens = analyzed.tokens
        analyzed.text.normalized.withUnsafeBufferPointer { u in
            func key(_ k: Int) -> UInt64? {
                k >= 0 && k < tokens.count && tokens[k].kind != .number ? TextKey.of(u, tokens[k].normalizedRange) : nil
            }
            for (k, token) in tokens.enumerated() where token.kind == .number && counted < 2000 {
                counted += 1
                if let before = key(k - 1), Self.styleMutedAfter.contains(before) { continue }
                if let after = key(k + 1), Self.styleMutedBefore.contains(after) { continue }
                // `Chiều nay (2.6)`: a day and month alone in parentheses
                if let before = key(k - 1), let after = key(k + 1), before == TextKey.ofLowercase("("), after == TextKey.ofLowercase(")"),
                   Times.isDayMonth(analyzed.normalized(token)) { continue }
                vote.add(analyzed.normalized(token))
            }
        }
        return vote.style
    }

    /// Words after which a number votes on no style: dates (`ngày 15.3`), versions (`công nghiệp 4.0`).
    static let styleMutedAfter = RuleWords.words("style-muted-after.txt")
    /// Words before which a number votes on no style: percentages (`4.5 %`, `4.5 phần trăm`).
    static let styleMutedBefore = RuleWords.words("style-muted-before.txt")

    /// Digit strings longer than `DigitNumbers.maxDigits`: no exact value, so no figure, and a warning.
    static func warnTooLong(_ analyzed: AnalyzedText, _ offsets: ScalarOffsets, _ warn: (FigureWarning) -> Void) {
        analyzed.text.normalized.withUnsafeBufferPointer { u in
            for token in analyzed.tokens where token.kind != .syllable && token.kind != .punctuation && token.normalizedRange.count > DigitNumbers.maxDigits {
                var digits = 0
                for k in token.normalizedRange where u[k] >= 0x30 && u[k] <= 0x39 { digits += 1 }
                guard digits > DigitNumbers.maxDigits else { continue }
                warn(FigureWarning(start: offsets.scalarOffset(token.range.lowerBound), end: offsets.scalarOffset(token.range.upperBound),
                                   message: "a number of \(digits) digits is longer than \(DigitNumbers.maxDigits) and is not read"))
            }
        }
    }

    /// The longest sentence reported whole (UTF-16 units); past it (a text with no full stops)
    /// a figure reports the words around it, so that output stays proportional to the input.
    static let sentenceLimit = 2000

    /// About 300 units either side of `r` within `sentence`, cut at spaces, marked with `…`.
    static func window(_ units: [UInt16], around r: Range<Int>, in sentence: Range<Int>) -> String {
        var a = max(sentence.lowerBound, r.lowerBound - 300), b = min(sentence.upperBound, r.upperBound + 300)
        while a > sentence.lowerBound, a < r.lowerBound, units[a - 1] != 0x20 { a += 1 }
        while b < sentence.upperBound, b > r.upperBound, units[b] != 0x20 { b -= 1 }
        let text = String(utf16Units: units, a..<b).trimmingCharacters(in: .whitespaces)
        return (a > sentence.lowerBound ? "…" : "") + text + (b < sentence.upperBound ? "…" : "")
    }

    /// Tokens that can start a figure or a time: numbers in digits, and the words of spelled
    /// numbers, fractions and multiples (`một` and `năm` alone are no figures; with a scale or
    /// tens word the other word triggers).
    static let triggers = RuleWords.words("figure-triggers.txt")

    /// Syllables that can begin a figure: number words, `gấp`, `âm`, `nửa`.
    static let starters = KeySet(keys: Set(triggers.values).union(RuleWords.words("figure-starters.txt").values))

    static func mayHoldFigures(_ analyzed: AnalyzedText, _ sentence: Sentence) -> Bool {
        analyzed.text.normalized.withUnsafeBufferPointer { u in
            for t in sentence.tokens {
                let token = analyzed.tokens[t]
                switch token.kind {
                case .number, .percent, .range, .fraction, .date, .code: return true
                case .syllable where token.normalizedRange.count <= 6:
                    if triggers.contains(TextKey.of(u, token.normalizedRange)) { return true }
                default: continue
                }
            }
            return false
        }
    }

    /// A sentence that states no time keeps the paragraph's time for the next one when its own
    /// figures took it, unless it is a day (an event's date does not run on).
    static func keepsCarry(_ carried: String?, _ figures: [Figure]) -> Bool {
        guard let carried, let period = Period(carried), period.grain != .day else { return false }
        return figures.contains { $0.time == period }
    }

    /// Whether the sentence ends with `:` (a lead that introduces a list).
    static func endsWithColon(_ analyzed: AnalyzedText, _ sentence: Sentence) -> Bool {
        guard let last = sentence.tokens.last else { return false }
        let r = analyzed.tokens[last].normalizedRange
        return r.count == 1 && analyzed.text.normalized[r.lowerBound] == 0x3A
    }

    /// Whether the sentence opens with a list marker: `-`, `+`, `•`, `*`, `–`, `a)`, `1.`, `1)`.
    static func isListItem(_ analyzed: AnalyzedText, _ sentence: Sentence) -> Bool {
        guard let first = sentence.tokens.first else { return false }
        let u = analyzed.text.normalized
        let r = analyzed.tokens[first].normalizedRange
        if r.count == 1, [0x2D, 0x2B, 0x2022, 0x2A, 0x2013].contains(u[r.lowerBound]) { return true }
        let next = first + 1 < analyzed.tokens.count ? analyzed.tokens[first + 1].normalizedRange : r
        let short = r.count <= 2 && (analyzed.tokens[first].kind == .number || (r.count == 1 && u[r.lowerBound] >= 0x61 && u[r.lowerBound] <= 0x7A))
        return short && next.count == 1 && (u[next.lowerBound] == 0x29 || u[next.lowerBound] == 0x2E)
    }

    /// A sentence without numbers keeps the carried time only when it details the one before.
    private func carriesOver(_ analyzed: AnalyzedText, _ sentence: Sentence) -> Bool {
        let t = sentence.tokens
        let keys = analyzed.text.normalized.withUnsafeBufferPointer { u in
            t.prefix(5).map { TextKey.of(u, analyzed.tokens[$0].normalizedRange) }
        }
        return Self.isGoverned(keys)
    }

    /// The year a carried time completes months with: its last year (`2016-10-01..2017-06-30`: 2017).
    private func carriedYear(_ time: String?) -> Int? {
        time.flatMap(Period.init)?.to.year
    }

    /// `Trong đó`, `Cụ thể`, `Riêng`: a sentence that details the one before it.
    static func isGoverned(_ v: SentenceView) -> Bool {
        isGoverned(Array(v.keys.prefix(5)))
    }

    /// Openers that detail the sentence before (`governed-openers.txt`), as key sequences.
    static let governedOpeners: [[UInt64]] = RuleWords.lines("governed-openers.txt").map { $0.split(separator: " ").map { TextKey.ofLowercase(String($0)) } }
    static let theoKey = TextKey.ofLowercase("theo"), nayKey = TextKey.ofLowercase("này")

    /// Whether the first keys of a sentence open it as a detail of the one before:
    /// `Trong đó`, `Cụ thể`, `Riêng`, `Theo đó`, `Theo quy hoạch này`.
    static func isGoverned(_ keys: [UInt64]) -> Bool {
        if governedOpeners.contains(where: { keys.starts(with: $0) }) { return true }
        return keys.first == theoKey && keys.dropFirst().prefix(4).contains(nayKey)
    }

    /// The most tokens a date line has (`Thứ Sáu , 01/02/2019 08 : 30 ( GMT + 7 )`).
    static let dateLineTokens = 16

    /// The year of the article's date line: the first full date among its first sentences.
    /// A date line is a short line of its own (`Thứ Sáu, 01/02/2019`, `01/02/2019 08:30 GMT+7`): a
    /// full date inside the body (`tính từ ngày 1/10/2016 đến ...`) is no article date.
    static func dateLineYear(_ analyzed: AnalyzedText) -> Int? {
        let u = analyzed.text.normalized
        /// Whether only spaces stand between `k` and the line's start (`step` -1) or end (`step` 1).
        func lineEdge(_ k: Int, _ step: Int) -> Bool {
            var i = k
            while i >= 0 && i < u.count {
                if u[i] == 0x0A || u[i] == 0x0D { return true }
                if u[i] != 0x20 && u[i] != 0x09 { return false }
                i += step
            }
            return true
        }
        for sentence in analyzed.sentences.prefix(6) where sentence.tokens.count <= dateLineTokens
            && lineEdge(sentence.normalizedRange.lowerBound - 1, -1) && lineEdge(sentence.normalizedRange.upperBound, 1) {
            for t in sentence.tokens where analyzed.tokens[t].kind == .date {
                let parts = analyzed.normalized(analyzed.tokens[t]).split(separator: "/")
                if parts.count == 3, let y = Int(parts[2]), (1900...2100).contains(y) { return y }
            }
        }
        return nil
    }
}

/// Text that looks like a figure but is not read: `start`/`end` are Unicode-scalar offsets
/// into the article (line and column are computed by whoever prints it).
public struct FigureWarning: Equatable, Sendable, Error, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public var message: String
    public init(start: Int, end: Int, message: String) {
        self.start = start
        self.end = end
        self.message = message
    }
    public var description: String { message }
}

/// The figures of one sentence, as records whose `start`/`end` are still UTF-16 offsets into
/// the original text (the caller converts them to scalar offsets), with what the rules of the
/// sentence note about each.
struct SentenceFigures {
    struct Note {
        var originalRange: Range<Int>
        /// The reading of a digit group depended on the article's style.
        var ambiguous: Bool
        /// The style that read it (the article's, unless a rule overruled it).
        var style: NumberStyle
        /// The figure's number token in the sentence.
        var token: Int
        /// The figure is the old value of a change (`từ X lên Y`).
        var changeFrom = false
    }

    let view: SentenceView
    let times: [TimeExpression]
    let inherited: String?
    let style: NumberStyle
    let rules: FigureRules
    var figures: [Figure] = []
    var notes: [Note] = []
    /// The time stated earlier in the paragraph: the time of money and percentages that state none.
    var paragraphTime: String? = nil
    /// The sentence speaks of the present (`hiện nay`, `Hiện ...`, `năm nay` without a date).
    private let statesPresent: Bool
    /// The usable times a figure outside parentheses can take (not inside a parenthesis of other
    /// words), in text order.
    private let topLevelTimes: [TimeExpression]
    private var inTime: [Bool]
    /// The times a figure can take (not comparisons), in text order.
    let usableTimes: [TimeExpression]
    private var parenDepth: [Int]

    init(view: SentenceView, times: [TimeExpression], inherited: String?, style: NumberStyle, rules: FigureRules) {
        self.view = view
        self.times = times
        self.usableTimes = times.filter { !$0.isComparison }
        self.statesPresent = times.contains { $0.value == nil && !$0.isComparison }
        self.inherited = inherited
        self.style = style
        self.rules = rules
        var inTime = [Bool](repeating: false, count: view.count)
        for t in times { for i in t.range { inTime[i] = true } }
        self.inTime = inTime
        var depth = [Int](repeating: 0, count: view.count)
        var d = 0
        for i in 0..<view.count {
            if view.is(i, "(") { d += 1 }
            depth[i] = d
            if view.is(i, ")") { d = max(0, d - 1) }
        }
        self.parenDepth = depth
        self.topLevelTimes = usableTimes.filter { t in
            depth[t.range.lowerBound] == 0 || (view.is(t.range.lowerBound - 1, "(") && view.is(t.range.upperBound, ")"))
        }
    }

    mutating func run() {
        let v = view
        var i = 0
        while i < v.count {
            if inTime[i] { i += 1; continue }
            // a syllable starts a figure only as a number word, `gấp`, `âm` or `nửa`
            if v.kind[i] == .syllable, !FigureExtractor.starters.contains(v.keys[i]) { i += 1; continue }
            if v.kind[i] == .punctuation && !v.is(i, ",") || v.kind[i] == .date { i += 1; continue }
            if let next = multiple(i) ?? fraction(i) ?? quantity(i) { i = max(next, i + 1) } else { i += 1 }
        }
    }

    // MARK: rule families that start at a token

    /// `gấp 2 lần`, `gấp đôi`, `gấp rưỡi`, `gấp 1,5 lần`.
    private mutating func multiple(_ i: Int) -> Int? {
        let v = view
        guard v.is(i, "gấp"), let w = v.lower(i + 1) else { return nil }
        let words: [String: Decimal] = ["đôi": 2, "ba": 3, "bốn": 4, "năm": 5, "mười": 10, "rưỡi": Decimal(string: "1.5")!]
        var value: Decimal
        var end: Int
        if !v.is(i + 2, "lần"), let x = words[w] { value = x; end = i + 2 }
        else if let q = Quantities.single(v, i + 1, style: style) { value = q.value; end = q.range.upperBound }
        else { return nil }
        if v.is(end, "lần") { end += 1 }
        // the year after `gấp 2 lần năm 2020` is the base of the comparison, not the figure's time
        let step = v.kind[i + 1] == .number ? Quantities.single(v, i + 1, style: style).map { Precision.of($0) } ?? 1 : 1
        let qual = Qualifiers.find(v, start: i, end: end, rules: rules)   // `gần gấp đôi`
        add(qual.start..<end, value: value, valueMax: nil, unit: "lần", qualifier: qual.qualifier, rate: nil, at: i, precision: step, ambiguous: false, ownTime: false)
        return end
    }

    /// `3/4 diện tích` (0.75), `34/39 bộ ngành` (two figures: out of).
    private mutating func fraction(_ i: Int) -> Int? {
        let v = view
        guard v.kind[i] == .fraction else { return nil }
        let readings = v.lower[i].split(separator: "/").compactMap { DigitNumbers.read(String($0), style: style) }
        guard readings.count == 2, readings[1].value != 0 else { return nil }
        var parts = readings.map(\.value)
        var precision = readings[1].step
        // `923,835/1.010 tỷ đồng`: both ends take the scale
        var next = i + 1
        var scale: Decimal? = nil
        if let s = v.lower(next).flatMap(ScaleWords.value(of:)) {
            scale = s
            parts = parts.map { $0 * s }
            precision *= s
            next += 1
        }
        var q = Quantity(value: parts[0], range: i..<next)
        q.scale = scale
        let u = Units.unit(v, after: next, quantity: q, rules: rules)
        let qual = Qualifiers.find(v, start: i, end: u.end, rules: rules)
        if Exclusions.fractionExcluded(v, i) { return i + 1 }
        // `3/4 diện tích` is 0,75; `7/9 khu dân cư` is 7 of 9
        let portion = u.unit.isEmpty || rules.portionNouns.contains(Units.wordKey(v, next..<max(v.wordEnd(next), next + 1)))
        if scale == nil && parts[0] < parts[1] && parts[1] <= 10 && portion {
            add(qual.start..<u.end, value: parts[0] / parts[1], valueMax: nil, unit: u.unit, qualifier: qual.qualifier, rate: nil, at: i,
                precision: Precision.ofQuotient, ambiguous: false)
        } else {
            guard !u.unit.isEmpty else { return i + 1 }
            add(qual.start..<u.end, value: parts[0], valueMax: nil, unit: u.unit, qualifier: qual.qualifier, rate: nil, at: i,
                precision: scale.map { readings[0].step * $0 } ?? readings[0].step, ambiguous: false)
            add(i..<u.end, value: parts[1], valueMax: nil, unit: u.unit, qualifier: .exact, rate: nil, at: i, precision: precision, ambiguous: false)
        }
        return u.end
    }

    /// A number with its scale, range, unit, qualifier and rate.
    private mutating func quantity(_ i: Int) -> Int? {
        let v = view
        var start = i
        var negative = false
        if v.is(i, "âm") { negative = true; start = i + 1 }
        guard start < v.count, !inTime[start], var q = Quantities.withRange(v, start, style: style) else { return nil }
        // `tăng từ 15.000 - 35.000 đồng/lượt`: after a change verb, `X - Y` is a change from X to
        // Y (two figures sharing the unit), not a range
        if q.valueMax != nil, !negative, v.is(start - 1, "từ"), v.isAny(start - 2, RuleWords.changeVerbs),
           let x = Quantities.single(v, start, style: style), x.range.upperBound < q.range.upperBound, v.is(x.range.upperBound, "-") {
            let shared = Units.unit(v, after: q.range.upperBound, quantity: q, rules: rules)
            let rate = Units.rateAfter(v, shared.end)?.0
            let scale = x.scale == nil && q.scale != nil ? q.scale! : 1
            add(x.range, value: x.value * scale, valueMax: nil, unit: shared.unit, qualifier: .exact, rate: rate, at: start,
                precision: Precision.of(x) * scale, ambiguous: x.ambiguous)
            notes[notes.count - 1].changeFrom = true
            return x.range.upperBound + 1
        }
        if v.kind[start] == .syllable && negative == false && v.is(start, "âm") { return nil }
        // `-1.200.000`: a minus sign glued to the number
        if !negative, start > 0, v.is(start - 1, "-"), !v.spaceBefore[start], start == 1 || v.spaceBefore[start - 1],
           start < 2 || !(v.kind[start - 2] == .number) {
            negative = true
        }
        var u = Units.unit(v, after: q.range.upperBound, quantity: q, rules: rules)
        // `45.000 tỷ đồng`, `7.000 ha` in an article voted English: three digits before a scale
        // word or a unit are a thousands group
        var numberStyle = style
        if q.ambiguous, q.scale != nil || !u.unit.isEmpty, v.kind[start] == .number,
           DigitNumbers.mustBeThousands(v.lower[start], style: style) {
            let other: NumberStyle = style == .english ? .vietnamese : .english
            if let reread = Quantities.withRange(v, start, style: other) {
                q = reread
                numberStyle = other
                u = Units.unit(v, after: q.range.upperBound, quantity: q, rules: rules)
            }
        }
        if Exclusions.excluded(v, q, unit: u.unit, unitEnd: u.end) { return q.range.upperBound }
        var rateEnd = u.end
        var rate: String? = nil
        if let (r, end) = Units.rateAfter(v, u.end) { rate = r; rateEnd = end }
        // `từ 1000 đồng đến 2000 đồng`, `66.200 đồng/cổ phiếu tới 73.000 đồng/cổ phiếu`
        if q.valueMax == nil, let link = v.lower(rateEnd), link == "đến" || link == "tới" || link == "-",
           let upper = Quantities.single(v, rateEnd + 1, style: style), upper.value > q.value {
            let u2 = Units.unit(v, after: upper.range.upperBound, quantity: upper, rules: rules)
            if u2.unit == u.unit || u.unit.isEmpty {
                q.valueMax = upper.value
                u = u2
                rateEnd = u2.end
                if let (r, end) = Units.rateAfter(v, u2.end) { rate = r; rateEnd = end }
            }
        }
        if rate == nil { rate = Units.rateBefore(v, start) }
        var qual = Qualifiers.find(v, start: q.range.lowerBound, end: u.end, rules: rules)
        // `gần âm 5%`, `gần -5%`: the qualifier stands before the sign
        if negative, qual.qualifier == .exact, qual.start == q.range.lowerBound {
            let signStart = v.is(i, "âm") ? i : q.range.lowerBound - 1
            let beforeSign = Qualifiers.find(v, start: signStart, end: u.end, rules: rules)
            if beforeSign.start < signStart { qual = beforeSign }
        }
        if let frame = Qualifiers.frame(v, before: q.range.lowerBound, after: rateEnd) { qual.qualifier = frame }
        else if q.valueMax == nil, qual.qualifier == .exact, Qualifiers.fromIsLowerBound(v, q.range.lowerBound), !changesTo(after: rateEnd) {
            qual.qualifier = .atLeast
        }
        // `âm` before the qualifier: `âm gần 18 tỷ`
        var textStart = negative ? min(qual.start, i) : qual.start
        if !negative, v.is(qual.start - 1, "âm") { negative = true; textStart = qual.start - 1 }
        if negative {
            q.value = -q.value
            if let m = q.valueMax { q.valueMax = -m }
        }
        if negative && !v.is(i, "âm") && textStart == qual.start && qual.start == q.range.lowerBound && v.is(q.range.lowerBound - 1, "-") {
            textStart = min(textStart, q.range.lowerBound - 1)
        }
        let end = max(rateEnd, u.end)
        // `từ 11.160 tỷ đồng lên 41.924 tỷ đồng` under `Năm 2012-2016`: each end of the change has its year
        let changeFrom = v.is(q.range.lowerBound - 1, "từ") && changesTo(after: end)
        let changeTo = (v.is(textStart - 1, "lên") || v.is(textStart - 1, "xuống")) && notes.last.map { $0.changeFrom } == true
        add(textStart..<end, value: q.value, valueMax: q.valueMax, unit: u.unit, qualifier: qual.qualifier, rate: rate,
            at: q.range.lowerBound, precision: Precision.of(q), ambiguous: q.ambiguous, style: numberStyle)
        let last = figures.count - 1
        if changeFrom || changeTo, let t = figures[last].time {
            if t.grain == .range {
                figures[last].time = Period(changeFrom ? t.from : t.to)
            } else if changeFrom, rightTime(end) == nil {
                figures[last].time = nil   // the old value predates the stated time
            }
        }
        notes[last].changeFrom = changeFrom
        return end
    }

    /// Whether `lên`/`xuống`/`đến`/`tới` and a number follow in the clause: `từ X (năm 2020) lên Y`.
    private func changesTo(after j: Int) -> Bool {
        var k = j
        while k < view.count, k < j + 6 {
            let w = view.lower[k]
            if ["lên", "xuống", "đến", "tới"].contains(w) { return !view.is(k - 1, "trở") }
            if [",", ";", ":", "."].contains(w) { return false }
            k += 1
        }
        return false
    }

    // MARK: time and records

    /// The time of a figure at token `i`: a time stated in the same parentheses or clause
    /// (nearest before, else after), else the sentence's, else the governing sentence's.
    private func time(at i: Int, figureEnd: Int? = nil) -> String? {
        let usable = usableTimes
        guard !usable.isEmpty else { return inherited }
        let depth = parenDepth[i]
        // inside parentheses: a time stated there; else the sentence's, except for a target
        // restated in parentheses (`đạt chỉ tiêu ... đề ra (trên 2.300 đảng viên/năm)`)
        if depth > 0 {
            if let inside = usable.last(where: { $0.range.upperBound <= i && parenDepth[$0.range.lowerBound] == depth }) { return inside.value }
            if let open = (0..<i).last(where: { view.is($0, "(") && parenDepth[$0] == depth }),
               let before = view.lower(open - 1), ["ra", "tiêu"].contains(before) {
                return nil
            }
        }
        if let end = figureEnd, let right = rightTime(end) { return right }
        // a time inside a parenthesis (`(khoanh nợ từ năm 2014)`) is no time of the figures outside it
        // unless the parenthesis holds only the time (`giai đoạn 1 (từ năm 2017 đến năm 2022) khoảng ...`)
        let reachable = depth == 0 ? topLevelTimes
            : usable.filter { parenDepth[$0.range.lowerBound] <= depth || isWholeParenthesis($0.range) }
        // times are in text order and do not overlap: the first one that ends after `i`
        let next = Self.firstIndex(reachable, endingAfter: i)
        let after = next < reachable.count && reachable[next].range.lowerBound > i && reachable[next].range.lowerBound - i <= 8
            ? reachable[next] : nil
        let afterInClause = after.map { t in !(i..<t.range.lowerBound).contains(where: { view.isAny($0, Qualifiers.clauseEnds) }) } ?? false
        if next > 0 {
            let before = reachable[next - 1]
            // `..., chiếm tới gần 4,1% tổng thu năm 2016`: a time later in the figure's own clause
            // beats one stated in an earlier clause
            if afterInClause, let after, (before.range.upperBound..<i).contains(where: { view.isAny($0, RuleWords.clauseBreaks) }) { return after.value }
            return before.value
        }
        // a time stated later in the same clause, close by: `chiếm 1,48% thu ngân sách năm 2011`
        if afterInClause, let after { return after.value }
        return inherited
    }

    /// The index of the first of `times` (in text order, not overlapping) that ends after `i`:
    /// the ones before it end at or before `i` (a binary search: a sentence may hold thousands).
    static func firstIndex(_ times: [TimeExpression], endingAfter i: Int) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid].range.upperBound <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The index of the first of `times` that starts at or after `i`.
    static func firstIndex(_ times: [TimeExpression], startingAtOrAfter i: Int) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid].range.lowerBound < i { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// `đầu tư`, `vốn điều lệ`: phrases that make the amount after them a standing attribute.
    static let standingAmountHeads = RuleWords.phrases("standing-amount-heads.txt")

    /// Whether `r` is all that stands between a `(` and its `)`.
    private func isWholeParenthesis(_ r: Range<Int>) -> Bool {
        view.is(r.lowerBound - 1, "(") && view.is(r.upperBound, ")")
    }

    /// A time right after a figure's words is its own: `8,1 triệu đồng năm 2022`.
    private func rightTime(_ end: Int) -> String? {
        // `lỗ lũy kế 4.766 tỷ đồng tại ngày 31/12/2019`: `tại` may stand between
        let gap = view.is(end, "tại") ? 1 : 0
        let k = Self.firstIndex(usableTimes, startingAtOrAfter: end)
        guard k < usableTimes.count, usableTimes[k].range.lowerBound <= end + 1 + gap else { return nil }
        let right = usableTimes[k]
        guard !(end..<right.range.lowerBound).contains(where: { view.isAny($0, RuleWords.clauseBreaks) }) else { return nil }
        return right.value
    }

    private mutating func add(_ r: Range<Int>, value: Decimal, valueMax: Decimal?, unit: String, qualifier: Qualifier,
                              rate: String?, at i: Int, precision: Decimal, ambiguous: Bool, style: NumberStyle? = nil, ownTime: Bool = true) {
        let original = view.originalRange(r)
        var stated: String?
        if let compared = comparedTime(before: r.lowerBound) { stated = compared }
        else {
            // the paragraph's time reaches money and percentages, not per-unit amounts (`85 triệu đồng/ha`)
            // the size of a project (`tổng mức đầu tư 4.000 tỷ đồng`) is a standing attribute
            let standing = Self.standingAmountHeads.occurs(before: r.lowerBound, window: 3, in: view, stops: Qualifiers.clauseEnds)
            let takesParagraphTime = rate == nil && (unit == "%" || rules.currencyUnits.contains(unit)) && !statesPresent && !standing
            stated = time(at: i, figureEnd: ownTime ? r.upperBound : nil) ?? (takesParagraphTime ? paragraphTime : nil)
        }
        figures.append(Figure(text: view.original(r), value: value, valueMax: valueMax, unit: unit, qualifier: qualifier, rate: rate,
                              time: stated.flatMap(Period.init), start: original.lowerBound, end: original.upperBound, sentence: "", precision: precision))
        notes.append(Note(originalRange: original, ambiguous: ambiguous, style: style ?? self.style, token: i))
    }

    /// `cùng kỳ năm trước là 4.500 tỷ`, `(cùng kỳ năm 2018: 4.500 tỷ)`: a figure right after a
    /// compared time is that time's; `cùng kỳ` (năm trước, năm ngoái) is the year before the
    /// sentence's time (`.some(nil)` when that is unknown). Nil when no compared time stands
    /// right before `start`.
    private func comparedTime(before start: Int) -> String?? {
        var k = start - 1
        while k >= start - 2, view.isAny(k, RuleWords.linksBeforeComparedFigure) { k -= 1 }
        guard k >= 0 else { return nil }
        var relativeStart: Int? = nil
        let atK = Self.firstIndex(times, endingAfter: k)
        if atK < times.count, times[atK].isComparison, times[atK].range.upperBound == k + 1 {
            let e = times[atK]
            if let value = e.value { return .some(value) }
            relativeStart = e.range.lowerBound
        } else if view.is(k, "kỳ"), view.is(k - 1, "cùng") {
            relativeStart = k - 1
        }
        guard let from = relativeStart, (max(0, from - 2)...from).contains(where: { view.is($0, "cùng") }) || view.is(k, "kỳ") else { return nil }
        let baseIndex = Self.firstIndex(usableTimes, endingAfter: from) - 1
        let base = (baseIndex >= 0 ? usableTimes[baseIndex].value : nil) ?? inherited ?? paragraphTime
        return .some(base.flatMap(Period.init)?.yearBefore().description)
    }

    /// `từ năm 2008 đến 2013 là 82,55%, 12%, ... và 4%`, `năm 2013 và 2014 lần lượt là X và Y`:
    /// as many figures of one unit as the time has members take them one by one.
    mutating func assignRespectively() {
        for (n, t) in times.enumerated() where t.items.count >= 2 && !t.isComparison {
            let nextTime = n + 1 < times.count ? times[n + 1].range.lowerBound : view.count
            // notes are in text order: the run of them between this time and the next
            var first = 0, hi = notes.count
            while first < hi { let mid = (first + hi) / 2; if notes[mid].token < t.range.upperBound { first = mid + 1 } else { hi = mid } }
            var last = first
            while last < notes.count, notes[last].token < nextTime, last - first <= t.items.count { last += 1 }
            let after = Array(first..<last)
            guard after.count == t.items.count, let unit = after.first.map({ figures[$0].unit }),
                  after.allSatisfy({ figures[$0].unit == unit }) else { continue }
            for (k, item) in zip(after, t.items) { figures[k].time = Period(item) }
        }
    }
}

/// Rule word sets, built once.
extension RuleWords {
    /// Punctuation that ends a clause, parentheses aside.
    static let clauseBreaks = RuleWords.words("clause-breaks.txt")
    /// Verbs of change: `tăng từ X - Y` is a change from X to Y.
    static let changeVerbs = RuleWords.words("change-verbs.txt")
    /// What stands between a compared time and its figure: `cùng kỳ năm trước là`, `(cùng kỳ: `.
    static let linksBeforeComparedFigure = RuleWords.words("compared-figure-links.txt")
}
