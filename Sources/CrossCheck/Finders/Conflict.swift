import Figures
import Foundation

/// The figures of one article, for checking across articles.
public struct ArticleFigures: Sendable {
    public var article: String
    public var figures: [Figure]

    public init(article: String, figures: [Figure]) {
        self.article = article
        self.figures = figures
    }
}

extension CrossChecker {
    /// Conflicts across articles: two figures of different articles that count the same thing
    /// (unit and rate), at the same time (one period, printed or resolved), about the same
    /// subject or place, whose values are near each other (within a quarter, or a thousandfold
    /// slip) but whose intervals do not overlap: the same fact told with two values.
    ///
    /// Figures are grouped by that key, so the cost is linear in the figures, plus a window
    /// of at most `window` neighbours by value in each group. Percentages and ratios are left
    /// out: too many different measures share a unit `%` at one place and time. Each finding's
    /// `article` is the first figure's article; every figure names its own.
    public func conflicts(_ articles: [ArticleFigures], window: Int = 32) -> [Finding] {
        struct Entry { let article: Int; let figure: Figure; let words: FactWords }
        var groups: [ConflictKey: [Entry]] = [:]
        for (a, article) in articles.enumerated() {
            for f in article.figures {
                let keys = ConflictKey.keys(of: f)
                guard !keys.isEmpty else { continue }
                let words = FactWords(f)
                guard !words.isPlan, words.words.count >= 2 else { continue }
                for key in keys { groups[key, default: []].append(Entry(article: a, figure: f, words: words)) }
            }
        }
        var seen = Set<ConflictPair>()
        var out: [Finding] = []
        for (_, group) in groups where Set(group.map(\.article)).count > 1 {
            let sorted = group.sorted { $0.figure.value < $1.figure.value }
            // near values: the next `window` figures by value, while within a quarter
            for (n, x) in sorted.enumerated() {
                for y in sorted[(n + 1)..<min(sorted.count, n + 1 + window)] {
                    guard Self.near(x.figure.value, y.figure.value) else { break }
                    guard x.article != y.article, !x.figure.interval.overlaps(y.figure.interval), x.words.sameFact(y.words) else { continue }
                    let pair = ConflictPair(x.article, x.figure.id, y.article, y.figure.id)
                    guard seen.insert(pair).inserted else { continue }
                    out.append(conflict(articles[x.article].article, x.figure, articles[y.article].article, y.figure, slip: false))
                }
            }
            // a thousandfold slip: the same digits in another article, a thousand times larger
            var byValue: [Decimal: [Entry]] = [:]
            for e in group where e.figure.valueMax == nil && Self.significantDigits(e.figure.value) >= 2 { byValue[e.figure.value, default: []].append(e) }
            for x in group where x.figure.valueMax == nil {
                guard let y = byValue[x.figure.value * 1000]?.first(where: { $0.article != x.article && x.words.sameFact($0.words) }) else { continue }
                let pair = ConflictPair(x.article, x.figure.id, y.article, y.figure.id)
                guard seen.insert(pair).inserted else { continue }
                out.append(conflict(articles[x.article].article, x.figure, articles[y.article].article, y.figure, slip: true))
            }
        }
        out.sort { ($0.article ?? "", $0.figures[0].start, $0.figures[1].article ?? "", $0.figures[1].start)
            < ($1.article ?? "", $1.figures[0].start, $1.figures[1].article ?? "", $1.figures[1].start) }
        return out
    }

    /// Within a quarter of each other.
    static func near(_ a: Decimal, _ b: Decimal) -> Bool {
        guard a > 0, b > 0 else { return a == b }
        let (small, large) = a < b ? (a, b) : (b, a)
        return large * 4 <= small * 5
    }

    func conflict(_ articleA: String, _ a: Figure, _ articleB: String, _ b: Figure, slip: Bool) -> Finding {
        // in article order, then text order
        let ((first, fa), (second, fb)) = (articleA, a.start) <= (articleB, b.start) ? ((articleA, a), (articleB, b)) : ((articleB, b), (articleA, a))
        func say(_ l: Language) -> String {
            var line = "\(l.bounded(fa)) (\(first)) ≠ \(l.bounded(fb)) (\(second))"
            if slip {
                line += l == .vietnamese ? " (gấp 1.000 lần: nhầm dấu phân cách hàng nghìn)" : " (a factor of 1,000: a thousands-separator slip)"
            }
            let what = [fa.subject?.text ?? fa.place?.text, fa.time?.description].compactMap { $0 }.joined(separator: ", ")
            return line + (what.isEmpty ? "" : " [\(what)]") + ": " + l.verdict(.fails)
        }
        return Finding(article: first, kind: .conflict, verdict: .fails,
                       severity: slip ? .error : severity(.fails, [fa, fb]),
                       figures: [.init(fa, article: first), .init(fb, article: second)],
                       computation: say(.vietnamese), computationEnglish: say(.english))
    }
}

/// What makes two figures of different articles the same fact: what they count, when, and
/// whom or where they are about.
struct ConflictKey: Hashable {
    let unit: String
    let rate: String?
    let time: Period
    /// `s:` and the subject's words, or `p:` and the place's.
    let about: String

    /// The keys of a figure: one by its subject, one by its place (none without a time or a unit,
    /// or for a percentage or ratio).
    static func keys(of f: Figure) -> [ConflictKey] {
        guard let time = f.time, !f.unit.isEmpty else { return [] }
        let unit = f.unit.lowercased()
        guard unit != "%", unit != "lần" else { return [] }
        var out: [ConflictKey] = []
        if let s = f.subject?.text { out.append(ConflictKey(unit: unit, rate: f.rate, time: time, about: "s:" + normalized(s))) }
        if let p = f.place?.text { out.append(ConflictKey(unit: unit, rate: f.rate, time: time, about: "p:" + normalized(p))) }
        return out
    }

    /// Lowercased, without a leading level word (`tỉnh Vĩnh Phúc` and `Vĩnh Phúc` are one place).
    static func normalized(_ s: String) -> String {
        var words = s.lowercased().split(separator: " ").map(String.init)
        let levels: Set<String> = ["tỉnh", "thành", "tp", "tp.", "huyện", "quận", "thị", "xã", "phường", "thôn"]
        while words.count > 1, levels.contains(words[0]) {
            words.removeFirst()
            if words.count > 1, ["phố", "xã", "trấn"].contains(words[0]) { words.removeFirst() }
        }
        return words.joined(separator: " ")
    }
}

/// Two figures of two articles, in a canonical order.
struct ConflictPair: Hashable {
    let a: Int, x: Int, b: Int, y: Int
    init(_ a: Int, _ x: Int, _ b: Int, _ y: Int) {
        if (a, x) <= (b, y) { (self.a, self.x, self.b, self.y) = (a, x, b, y) } else { (self.a, self.x, self.b, self.y) = (b, y, a, x) }
    }
}

/// What a figure says it counts, from the words that lead to it in its sentence (`Tổng số thu
/// cân đối NSNN là 1.291.342 tỷ đồng`: `thu`, `cân`, `đối`, `nsnn`), without function words and
/// qualifiers: two figures of two articles tell the same fact only when these agree.
struct FactWords {
    let words: Set<Substring>
    /// The lead-in names a plan, target or estimate (`dự toán`, `kế hoạch`, `được Quốc hội thông
    /// qua`): no fact to hold against a result.
    let isPlan: Bool

    init(_ f: Figure) {
        let sentence = f.sentence.lowercased()
        let before = sentence.find(f.text.lowercased()).map { sentence[..<$0.lowerBound] } ?? ""
        // up to 8 syllables back, not past a comma or another number
        var taken: [Substring] = []
        for w in before.split(separator: " ").reversed() {
            if w.contains(where: \.isNumber) || w.hasSuffix(",") || w.hasSuffix(";") || w.hasSuffix(":") && !taken.isEmpty { break }
            let bare = w.trimmingCharacters(in: .punctuationCharacters)
            if !bare.isEmpty { taken.append(Substring(bare)) }
            if taken.count == 8 { break }
        }
        isPlan = taken.contains { FactWords.planWords.contains(String($0)) }
        // the subject's and place's own words say whom, not what
        let about = Set([f.subject?.text, f.place?.text].compactMap { $0 }.flatMap { $0.lowercased().split(separator: " ") })
        words = Set(taken.filter { !FactWords.functionWords.contains(String($0)) && !about.contains($0) })
    }

    /// At least two shared words, and no word of one side that the other contradicts (`thu`/`chi`).
    func sameFact(_ other: FactWords) -> Bool {
        guard words.intersection(other.words).count >= 2 else { return false }
        for (a, b) in FactWords.opposites where (words.contains(a) && other.words.contains(b)) || (words.contains(b) && other.words.contains(a)) {
            return false
        }
        return true
    }

    static let functionWords: Set<String> = [
        "là", "có", "đạt", "được", "với", "của", "và", "các", "những", "đã", "sẽ", "đang", "cho", "về", "từ", "đến",
        "trên", "dưới", "hơn", "gần", "khoảng", "tới", "lên", "xuống", "còn", "chỉ", "mới", "thêm", "tổng", "số",
        "này", "đó", "trong", "tại", "ở", "theo", "vào", "như", "thì", "mà", "cả", "năm", "tháng", "quý", "ngày",
    ]
    static let planWords: Set<String> = ["dự", "toán", "hoạch", "tiêu", "thông", "phấn", "đấu", "kiến", "ước"]
    static let opposites: [(Substring, Substring)] = [("thu", "chi"), ("tăng", "giảm"), ("xuất", "nhập"), ("vay", "trả"), ("mua", "bán")]
}
