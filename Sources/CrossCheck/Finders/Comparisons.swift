import Figures
import Foundation

/// What the `share`, `change` and `ratio` finders ask of a page: the words around a figure,
/// which figures count the same thing, numbers printed bare (`giảm từ 401 xuống còn 208 đơn vị`),
/// the intervals to check with and how to write a check out.
extension Page {
    /// The page's text over the scalar range `[from, to)` (clamped), lowercased.
    func text(_ from: Int, _ to: Int) -> String {
        let a = max(0, min(from, scalars.count)), b = max(a, min(to, scalars.count))
        return String(String.UnicodeScalarView(scalars[a..<b])).lowercased()
    }

    /// Up to `n` scalars of text right after figure `k`, lowercased.
    func after(_ k: Int, _ n: Int = 40) -> String { text(figures[k].end, figures[k].end + n) }

    /// Up to `n` scalars of text right before figure `k` (across figures), lowercased.
    func before(_ k: Int, _ n: Int = 40) -> String { text(figures[k].start - n, figures[k].start) }

    /// The words of `s`, split at spaces and punctuation.
    static func words(_ s: some StringProtocol) -> [String] {
        // split by scalars (each break is one scalar): no grapheme breaking on this hot path
        var out: [String] = []
        let scalars = Substring(s).unicodeScalars
        var start = scalars.startIndex, i = start
        while i < scalars.endIndex {
            if wordBreakScalars.contains(scalars[i].value) {
                if start < i { out.append(String(scalars[start..<i])) }
                start = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        if start < scalars.endIndex { out.append(String(scalars[start..<scalars.endIndex])) }
        return out
    }

    static let wordBreaks: Set<Character> = [" ", ",", "(", ")", ";", ":", "\n", "–", "-"]
    private static let wordBreakScalars: Set<UInt32> = Set(wordBreaks.map { $0.unicodeScalars.first!.value })

    /// Whether `s` breaks words (`words(_:)` splits there).
    static func isWordBreak(_ s: Unicode.Scalar) -> Bool { wordBreakScalars.contains(s.value) }

    /// How many figures on either side of one a finder looks at within a sentence: a sentence of
    /// a thousand figures (a long list) costs linear time.
    static let reach = 64

    /// Whether the words `phrase` end `words`.
    static func ends(_ words: [String], with phrase: [String]) -> Bool {
        words.count >= phrase.count && zip(words.suffix(phrase.count), phrase).allSatisfy { $0 == $1 }
    }

    /// Whether the words `phrase` end `words` (`["giảm", "được"]` ends `... đã giảm được`).
    static func ends(_ words: [String], with phrase: String) -> Bool {
        // the phrase's words from its end, compared in place (no arrays on this hot path)
        var i = words.count
        var end = phrase.endIndex
        while end > phrase.startIndex {
            let start = phrase[..<end].lastIndex(of: " ").map { phrase.index(after: $0) } ?? phrase.startIndex
            i -= 1
            guard i >= 0, words[i] == phrase[start..<end] else { return false }
            end = start == phrase.startIndex ? start : phrase.index(before: start)
        }
        return true
    }

    // MARK: - where figures are

    /// The indices of the figures of sentence `i` (figures are in text order, so are their
    /// sentences): found by bisection, no scan of the page.
    func figureRange(sentence i: Int) -> Range<Int> {
        func bound(_ x: Int) -> Int {
            var lo = 0, hi = figures.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if figures[mid].sentenceIndex < x { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let a = bound(i)
        return a..<max(a, bound(i + 1))
    }

    /// The indices of the figures of sentences `from...to`.
    func figureRange(sentences from: Int, _ to: Int) -> Range<Int> {
        let a = figureRange(sentence: from).lowerBound, b = figureRange(sentence: to).upperBound
        return a..<max(a, b)
    }

    /// The index of figure `f` on the page (by bisection on its start); nil for a number printed bare.
    func index(of f: Figure) -> Int? {
        var lo = 0, hi = figures.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if figures[mid].start < f.start { lo = mid + 1 } else { hi = mid }
        }
        var k = lo
        while k < figures.count, figures[k].start == f.start {
            if figures[k].end == f.end, figures[k].value == f.value { return k }
            k += 1
        }
        return nil
    }

    // MARK: - what is compared

    /// Units that count people, compared as one (`6.143 người` of `6.452 vận động viên`).
    static let personUnits: Set<String> = [
        "người", "lao động", "vận động viên", "học sinh", "sinh viên", "cán bộ", "công chức", "viên chức",
        "đảng viên", "hội viên", "đoàn viên", "bệnh nhân", "nhân khẩu", "công nhân", "giáo viên", "thí sinh",
        "em", "cháu", "trẻ", "học viên", "người lao động",
    ]

    /// Whether figures `a` and `b` count or measure the same thing, for comparing their values:
    /// the same per-rate, and the same unit, or units with the same head word (`45.870 hộ` of
    /// `48.620 hộ gia đình`, `3.194 vụ` of `38 nghìn vụ việc`), or both counting people.
    func comparable(_ a: Figure, _ b: Figure, ignoringRate: Bool = false) -> Bool {
        guard ignoringRate || (a.rate ?? "").lowercased() == (b.rate ?? "").lowercased() else { return false }
        let ua = a.unit.lowercased(), ub = b.unit.lowercased()
        if ua == ub { return true }
        if ua == "%" || ub == "%" || ua.isEmpty || ub.isEmpty { return false }
        if ua.split(separator: " ").first == ub.split(separator: " ").first { return true }
        return Page.personUnits.contains(ua) && Page.personUnits.contains(ub)
    }

    /// Whether two figures are said of the same thing: the content words of their sentences before
    /// them (up to ten) meet (`năm 2011, thu quỹ BHYT đạt` and `năm 2012, thu`; not `doanh thu đạt`
    /// and `lợi nhuận đạt`).
    func sameSubject(_ a: Figure, _ b: Figure) -> Bool {
        func content(_ f: Figure) -> Set<String> {
            let s = f.sentence.lowercased()
            let before = s.find(f.text.lowercased()).map { s[..<$0.lowerBound] } ?? Substring(s)
            return Set(Page.words(before).suffix(10).filter { w in
                !Page.functionWords.contains(w) && !w.contains(where: \.isNumber) && w.count > 1
            })
        }
        return !content(a).isDisjoint(with: content(b))
    }

    /// Words that say nothing of what a figure is about.
    static let functionWords: Set<String> = [
        "năm", "tháng", "quý", "ngày", "đạt", "là", "có", "của", "và", "với", "các", "những", "được", "đã", "đến", "trong", "tại",
        "ở", "thì", "này", "đó", "cả", "toàn", "số", "tổng", "mức", "khoảng", "gần", "hơn", "trên", "cuối", "đầu", "so", "còn",
        "chỉ", "riêng", "theo", "cùng", "kỳ", "trước", "sau", "nay", "hiện", "lên", "xuống", "từ", "tăng", "giảm", "ước", "tính",
        "dừng", "như", "vậy", "cụ", "thể", "nhưng", "đây", "lại", "về", "vào", "cho", "một", "hai", "ba",
    ]

    /// An estimate (`ước đạt 842,6 triệu USD`): the extractor reads `ước` as `khoảng`, but the
    /// number is printed to its last digit, and a relation between printed values is checked at
    /// that precision.
    static func isEstimate(_ f: Figure) -> Bool {
        f.qualifier == .approx && f.text.lowercased().hasPrefix("ước")
    }

    /// The values a figure allows for checking: its interval, an estimate's at its precision.
    static func checked(_ f: Figure) -> ValueInterval {
        isEstimate(f) ? ValueInterval(value: f.value, valueMax: f.valueMax, precision: f.precision, qualifier: .exact) : f.interval
    }

    /// The values a figure allows read at its printed precision, whatever a loose qualifier
    /// (`khoảng`, `gần`) adds: a relation that holds only with the loose reading is shaky.
    static func tight(_ f: Figure) -> ValueInterval {
        isLoose(f) ? ValueInterval(value: f.value, valueMax: f.valueMax, precision: f.precision, qualifier: .exact) : checked(f)
    }

    /// Whether the figure's qualifier makes a failed check shaky (`khoảng`, `gần`; not `ước`).
    static func isLoose(_ f: Figure) -> Bool {
        (f.qualifier == .approx || f.qualifier == .nearly) && !isEstimate(f)
    }

    /// How a computed value is written against the stated figure: `≠` when the check fails; the
    /// figure's bound (`> 30%`) when the printed values meet it, `≈` when only the precision lets
    /// them (`29,5% ≈ vượt 30%`).
    static func relation(_ computed: Decimal, to f: Figure, holds: Bool) -> String {
        guard holds else { return "≠" }
        let met: Bool
        switch f.qualifier {
        case .over: met = computed > f.value
        case .atLeast: met = computed >= f.value
        case .under: met = computed < (f.valueMax ?? f.value)
        case .atMost: met = computed <= (f.valueMax ?? f.value)
        case .exact, .approx, .nearly: met = true
        }
        return met ? Language.sign(f.qualifier) : "≈"
    }

    /// A value's middle, for writing a check out: the value, or the middle of a range.
    static func mid(_ f: Figure) -> Decimal { f.valueMax.map { (f.value + $0) / 2 } ?? f.value }

    // MARK: - printed numbers

    /// The number a digit string prints in the article's style (`2.175,134`, `401`); nil for none.
    static func number(_ s: some StringProtocol, english: Bool = false) -> Decimal? {
        let (group, decimal): (Character, Character) = english ? (",", ".") : (".", ",")
        var digits = ""
        for c in s {
            if c.isASCII, c.isNumber { digits.append(c) } else if c == decimal { digits.append(".") } else if c != group { return nil }
        }
        guard !digits.isEmpty, digits.first != ".", digits.last != "." else { return nil }
        return Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The step of the last printed digit of a digit string (`2.175,134`: 0,001; `401`: 1).
    static func step(_ s: some StringProtocol, english: Bool = false) -> Decimal {
        let decimal: Character = english ? "." : ","
        guard let i = s.lastIndex(of: decimal) else { return 1 }
        let places = s.distance(from: s.index(after: i), to: s.endIndex)
        return Decimal(sign: .plus, exponent: -places, significand: 1)
    }

    /// How much a figure's printed number is scaled by its words: `683 tỷ đồng` 10^9,
    /// `30.000 nghìn tỷ đồng` 10^12, `842,6 triệu USD` 10^6, `1.864 lao động` 1.
    static func multiplier(_ f: Figure) -> Decimal {
        let t = f.text
        guard let first = t.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return 1 }
        let run = t[first...].prefix { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
        let english = f.numberStyle == .english
        let printed = String(run.last == "." || run.last == "," ? run.dropLast() : run[...])
        guard let n = number(printed, english: english), n != 0 else { return 1 }
        let m = f.value / n
        // powers of ten only (a bare count is 1)
        for e in [15, 12, 9, 6, 3] where m == Decimal(sign: .plus, exponent: e, significand: 1) { return m }
        return 1
    }

    /// The scale the figures are written out at: the smallest of their multipliers (`683 tỷ` and
    /// `1.240 tỷ` as 683 and 1.240).
    static func scale(_ fs: [Figure]) -> Decimal {
        fs.filter { $0.unit != "%" }.map(multiplier).min() ?? 1
    }

    /// Numbers printed bare where a figure is expected: `từ 401 xuống còn 208 đơn vị` gives `401`
    /// as a figure of `208 đơn vị`'s unit (the extractor reads a figure only with its unit); by the
    /// index of the figure it goes with. A bare number is no figure of the article: its id is 0.
    func bareFigures() -> [Int: Figure] { bare }

    func computeBareFigures() -> [Int: Figure] {
        var out: [Int: Figure] = [:]
        for (k, f) in figures.enumerated() {
            let lead = leadIns[k]
            // `từ N xuống còn `, `từ N lên `, `từ mức N lên mức `, ending the lead-in (a regular
            // expression is slow: only lead-ins with `từ ` are matched)
            guard lead.has("từ "), let m = lead.firstMatch(of: Page.bareMove) else { continue }
            let n = String(m.1)
            let english = f.numberStyle == .english
            guard let v = Page.number(n, english: english) else { continue }
            let leadScalars = Array(lead.unicodeScalars), ns = Array(n.unicodeScalars)
            let at = lead.unicodeScalars.distance(from: lead.unicodeScalars.startIndex, to: m.1.startIndex.samePosition(in: lead.unicodeScalars) ?? lead.unicodeScalars.startIndex)
            let start = f.start - leadScalars.count + at
            guard k == 0 || figures[k - 1].end <= start else { continue }
            let precision = Page.step(n, english: english) * Page.multiplier(f)
            out[k] = Figure(id: 0, text: n, value: v * Page.multiplier(f), unit: f.unit, rate: f.rate, start: start, end: start + ns.count,
                              sentenceIndex: f.sentenceIndex, sentence: f.sentence, precision: precision, numberStyle: f.numberStyle)
        }
        return out
    }

    nonisolated(unsafe) static let bareMove = /từ (?:mức )?([0-9][0-9.,]*[0-9]|[0-9]) (?:lên|xuống|đến|tới)(?: còn| mức)? $/

    static let toWords: Set<String> = ["lên", "xuống", "còn", "đến", "tới"]

    /// A fraction printed as one figure (`134/156 thôn`, `923,835/1.010 tỷ đồng`), which the
    /// extractor gives as two figures over the same span: the part (`134`) and the whole (`156
    /// thôn`), each as its own span. Nil when figure `k` is not the first of such a pair.
    func fraction(at k: Int) -> (part: Figure, whole: Figure, partRef: Finding.FigureRef, wholeRef: Finding.FigureRef)? {
        guard k + 1 < figures.count else { return nil }
        let a = figures[k], b = figures[k + 1]
        guard a.start == b.start, a.end == b.end, let slash = a.text.firstIndex(of: "/") else { return nil }
        let head = a.text[..<slash], tail = a.text[a.text.index(after: slash)...]
        guard head.contains(where: \.isNumber), tail.first?.isNumber == true else { return nil }
        let cut = a.start + head.unicodeScalars.count
        let partRef = Finding.FigureRef(text: String(head), start: a.start, end: cut, id: a.id)
        let wholeRef = Finding.FigureRef(text: String(tail), start: cut + 1, end: a.end, id: b.id)
        return (a, b, partRef, wholeRef)
    }

    /// Whether figure `k` is the second of a fraction pair (`156` of `134/156 thôn`).
    func isFractionWhole(_ k: Int) -> Bool {
        k > 0 && figures[k - 1].start == figures[k].start && figures[k - 1].end == figures[k].end
    }
}

extension CrossChecker {
    /// A failed check's severity: an error when the figures are exact or the stated value is off by
    /// a factor near 1000 (a `nghìn tỷ` slip), a warning when a loose qualifier makes it shaky.
    /// One that holds only through a loose qualifier (`9.000 / gần 15.600 = 57,7%` for `60%`) is info.
    func comparisonSeverity(_ v: Finding.Verdict, _ figures: [Figure], stated: Decimal, computed: Decimal, holdsTight: Bool = true) -> Finding.Severity {
        switch v {
        case .holds: return holdsTight ? .consistent : .info
        case .undecided: return .info
        case .fails:
            if CrossChecker.isThousandfold(stated, computed) { return .error }
            return figures.contains(where: Page.isLoose) ? .warning : .error
        }
    }

    /// Whether `a` is about 1000 times `b` or the other way round.
    static func isThousandfold(_ a: Decimal, _ b: Decimal) -> Bool {
        let x = abs(a), y = abs(b)
        guard x > 0, y > 0 else { return false }
        let r = x > y ? x / y : y / x
        return r >= 500 && r <= 2000
    }
}
