import Figures
import Foundation

extension CrossChecker {
    /// `average`: an average (`bình quân mỗi năm`, `trung bình mỗi tháng`, `bình quân giá mỗi cổ
    /// phiếu`, or a per-year rate) against the nearest earlier total of the same unit in its
    /// sentence or the eight before, over a count: the periods of the total's time (`từ năm 2015
    /// đến hết năm 2018`: 4 years; `9 tháng đầu năm 2020`: 9 months), the periods its sentence
    /// names (`trong 8 tháng qua`), or a count printed beside it (`41.436.330 cổ phần` for an
    /// average per `cổ phiếu`), which is then the relation's third figure.
    func averages(_ page: Page, article: String?) -> [Finding] {
        // each average's total first; a total is the total of one average, the one its quotient
        // comes nearest (`chi ... bình quân khoảng 26.371 tỷ đồng/năm, cao hơn số thu thuế (bình
        // quân là khoảng 21.197 tỷ đồng/năm)` after a total spent of 132 nghìn tỷ in 5 years:
        // the second average is of another thing)
        var chosen: [(average: Int, total: Int, count: AverageCount, off: Int)] = []
        let averaged = page.figures.indices.map { page.isAverage($0) }
        let units = page.unitHeads
        for a in page.figures.indices where averaged[a] {
            let avg = page.figures[a]
            // the lead-in names an average (`bình quân mỗi năm`), not only a rate after the number
            // (`diện tích rừng bị cháy giảm còn dưới 12 ha mỗi năm` is no average of a total)
            guard (Page.averageWords + Page.yearlyWords).contains(where: { page.leadIns[a].has($0) }) else { continue }
            let per = AveragePer(avg.rate)
            // the total before the average (or in its sentence), with a count, whose quotient
            // comes nearest the average, then the nearest in the text (`Như vậy, bình quân mỗi
            // tháng ...` sums up a total, not the parts printed after it)
            // (among the figures of its sentence and the eight before, at most `reach` on either
            // side: long runs of averages cost linear time)
            var best: (total: Int, count: AverageCount, distance: Int)? = nil
            let window = page.figureRange(sentences: max(0, avg.sentenceIndex - 8), avg.sentenceIndex)
            for t in max(window.lowerBound, a - Self.averageReach)..<min(window.upperBound, a + Self.averageReach + 1) where t != a {
                let f = page.figures[t]
                guard f.rate == nil, units[t] == units[a], !page.isTarget(t), !averaged[t],
                      f.start < avg.start || f.sentenceIndex == avg.sentenceIndex,
                      let count = page.count(of: t, per: per, excluding: a), count.n >= 2 else { continue }
                // how far the total's quotient is from the average, in thousandths of it
                guard avg.value > 0 else { continue }
                let quotient = f.value / count.n
                let off = NSDecimalNumber(decimal: abs(quotient - avg.value) * 1000 / avg.value).intValue
                let distance = min(off, 1 << 20) << 24 + abs(f.start - avg.start)
                if best == nil || distance < best!.distance { best = (t, count, distance) }
            }
            guard let (t, count, distance) = best else { continue }
            chosen.append((a, t, count, distance >> 24))
        }
        // the average each total is kept for: the nearest quotient, then the first
        var kept: [Int: (average: Int, off: Int)] = [:]
        for c in chosen where kept[c.total].map({ c.off < $0.off }) ?? true { kept[c.total] = (c.average, c.off) }
        var out: [Finding] = []
        for (a, t, count, _) in chosen where kept[t]?.average == a {
            let avg = page.figures[a]
            let total = page.figures[t]
            guard let quotient = total.interval / count.interval else { continue }
            let verdict: Finding.Verdict = quotient.overlaps(avg.interval) ? .holds : .fails
            let mid = (total.value + (total.valueMax ?? total.value)) / 2 / count.n
            func say(_ l: Language) -> String {
                let rel = verdict == .holds ? Language.sign(avg.qualifier) : l.not(Language.sign(avg.qualifier))
                return "\(l.value(total)) / \(count.say(l, page)) = \(l.amount(mid, like: avg)) \(rel) \(l.value(avg)): \(l.verdict(verdict))"
            }
            var figures: [Finding.FigureRef] = [.init(avg), .init(total)]
            if let c = count.figure { figures.append(.init(page.figures[c])) }
            out.append(Finding(article: article, kind: .average, verdict: verdict,
                               severity: severity(verdict, [avg, total] + (count.figure.map { [page.figures[$0]] } ?? [])),
                               figures: figures, computation: say(.vietnamese), computationEnglish: say(.english)))
        }
        return out
    }
}

extension CrossChecker {
    /// How many figures on either side of an average are looked at for its total.
    static let averageReach = 64
}

/// What an average is per: a period (years, months, quarters) or an item (`cổ phiếu`).
enum AveragePer: Equatable {
    case years, months, quarters
    case item(String)

    init(_ rate: String?) {
        switch rate?.lowercased() {
        case nil, "năm": self = .years
        case "tháng": self = .months
        case "quý": self = .quarters
        case let other?: self = .item(other)
        }
    }

    /// The period word of a count written in a sentence: `năm`, `tháng`, `quý`.
    var word: String? {
        switch self {
        case .years: "năm"
        case .months: "tháng"
        case .quarters: "quý"
        case .item: nil
        }
    }
}

/// The number an average divides its total by, and where it comes from.
struct AverageCount {
    let n: Decimal
    let per: AveragePer
    /// The count's own figure, when it is one (`41.436.330 cổ phần`).
    let figure: Int?
    let interval: ValueInterval

    func say(_ l: Language, _ page: Page) -> String {
        if let figure { return l.value(page.figures[figure]) }
        let count = l.number(n)
        switch (per, l) {
        case (.years, _): return l.years(Int(truncating: n as NSNumber))
        case (.months, .vietnamese): return count + " tháng"
        case (.months, .english): return count + " months"
        case (.quarters, .vietnamese): return count + " quý"
        case (.quarters, .english): return count + " quarters"
        case (.item, _): return count
        }
    }
}

extension Page {
    /// The count that total `t` is over, for an average per `per`: the periods of its time, the
    /// periods its sentence names before it (`trong 8 tháng qua`), or for an item a figure of its
    /// sentence that counts that item (first syllables alike: `cổ phần` for `cổ phiếu`).
    func count(of t: Int, per: AveragePer, excluding a: Int) -> AverageCount? {
        let total = figures[t]
        switch per {
        case .item(let item):
            let head = item.lowercased().split(separator: " ").first
            for c in figureRange(sentence: total.sentenceIndex) where c != t && c != a {
                let f = figures[c]
                guard f.rate == nil, f.valueMax == nil, f.unit.lowercased().split(separator: " ").first == head else { continue }
                return AverageCount(n: f.value, per: per, figure: c, interval: f.interval)
            }
            return nil
        case .years, .months, .quarters:
            if let n = Page.periods(total.time, per: per) {
                return AverageCount(n: Decimal(n), per: per, figure: nil, interval: .exactly(Decimal(n)))
            }
            // `trong 8 tháng qua đã có hơn 24.400 doanh nghiệp`: a number and the period word in the lead-in
            guard let word = per.word else { return nil }
            let lead = leadIns[t].split(separator: " ")
            for k in lead.indices.dropFirst().reversed() where lead[k] == word {
                if let n = Int(lead[k - 1]) { return AverageCount(n: Decimal(n), per: per, figure: nil, interval: .exactly(Decimal(n))) }
            }
            return nil
        }
    }

    /// The number of periods of `per` a time covers: `2015..2018` is 4 years; `2020-01..2020-09`
    /// 9 months, `2020-Q1..2020-Q3` 3 quarters; nil for a single period or another grain.
    static func periods(_ p: Period?, per: AveragePer) -> Int? {
        guard let p, p.grain == .range else { return nil }
        switch (per, p.from, p.to) {
        case (.years, .year(let a), .year(let b)): return b - a + 1
        case (.months, .month(let y1, let m1), .month(let y2, let m2)): return (y2 * 12 + m2) - (y1 * 12 + m1) + 1
        case (.quarters, .quarter(let y1, let q1), .quarter(let y2, let q2)): return (y2 * 4 + q2) - (y1 * 4 + q1) + 1
        default: return nil
        }
    }
}
