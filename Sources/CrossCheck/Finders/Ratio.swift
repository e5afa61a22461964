import Figures
import Foundation

extension CrossChecker {
    /// `ratio`: `gấp N lần` between two printed values: ratio, larger, smaller. The values are a
    /// move printed after it (`tăng gấp 4 lần, từ 11.160 tỷ đồng lên 41.924 tỷ đồng`), or the
    /// value before it against the one it is compared with after it (`1.260 ha, gấp 3 lần năm 2020
    /// (420 ha)`), or two values in brackets after it (`(1,2 tỷ USD so với 480 triệu USD)`), or a
    /// move or two values of two times right before it (`tăng từ 300 ha lên 900 ha, gấp 3 lần`), in
    /// its sentence; they count the same thing. Holds when larger / smaller lies in N's interval
    /// (`gấp 4 lần` is [3,5; 4,5]).
    func ratios(_ page: Page, article: String?) -> [Finding] {
        var out: [Finding] = []
        let moves = Dictionary(grouping: page.moves(bare: page.bareFigures()), by: { $0.old.sentenceIndex })
        for r in page.figures.indices where page.isTimes(r) {
            let ratio = page.figures[r]
            let s = ratio.sentenceIndex
            var pair: (Figure, Figure)?
            if let m = (moves[s] ?? []).first(where: { $0.old.start > ratio.end && page.isNear(ratio.end, $0.old.start, words: 3) }) {
                // `tăng gấp 4 lần, từ 11.160 tỷ đồng lên 41.924 tỷ đồng`
                pair = (m.new, m.old)
            } else if let b = page.nearestBefore(r, where: { page.isRatioValue($0) }), page.isNear(page.figures[b].end, ratio.start, words: 8),
                      let a = (r + 1..<page.figureRange(sentence: s).upperBound).first(where: { page.isRatioValue($0)
                          && page.comparable(page.figures[$0], page.figures[b]) }),
                      page.comparedWith(page.text(ratio.end, page.figures[a].start)) {
                // `1.260 ha, gấp 3 lần năm 2020 (420 ha)`, `gấp 1,5 lần dân so với phường X (có 109.000 dân)`
                pair = (page.figures[b], page.figures[a])
            } else if let v = page.bracketedValues(after: r) {
                // `gấp 2,5 lần kim ngạch nhập khẩu (1,2 tỷ USD so với 480 triệu USD)`
                pair = v
            } else if let m = (moves[s] ?? []).last(where: { $0.new.end <= ratio.start && page.isNear($0.new.end, ratio.start, words: 4) }) {
                // `tăng từ 300 ha năm 2015 lên 900 ha năm 2018, gấp 3 lần`
                pair = (m.new, m.old)
            } else if let n = page.nearestBefore(r, where: { page.isRatioValue($0) }), page.isNear(page.figures[n].end, ratio.start, words: 4),
                      let o = page.nearestBefore(n, where: { page.isRatioValue($0) && page.comparable(page.figures[$0], page.figures[n]) }),
                      let tn = page.figures[n].time, let to = page.figures[o].time, to.end < tn.start {
                // `năm 2015 có 300 ha chè; năm 2018 có 1.200 ha, gấp 4 lần`
                pair = (page.figures[n], page.figures[o])
            }
            guard let (x, y) = pair, page.comparable(x, y) else { continue }
            let (larger, smaller) = Page.mid(x) >= Page.mid(y) ? (x, y) : (y, x)
            guard Page.checked(larger) / Page.checked(smaller) != nil, Page.mid(smaller) > 0 else { continue }
            func fits(_ iv: (Figure) -> ValueInterval) -> Bool { (iv(larger) / iv(smaller))?.overlaps(iv(ratio)) == true }
            let verdict: Finding.Verdict = fits(Page.checked) ? .holds : .fails
            let value = Page.mid(larger) / Page.mid(smaller)
            let scale = Page.scale([larger, smaller])
            func say(_ l: Language) -> String {
                let rel = Page.relation(value, to: ratio, holds: verdict == .holds)
                return "\(l.number(Page.mid(larger) / scale)) / \(l.number(Page.mid(smaller) / scale)) = \(l.number(value)) \(rel) \(l.value(ratio)): \(l.verdict(verdict))"
            }
            out.append(Finding(article: article, kind: .ratio, verdict: verdict,
                               severity: comparisonSeverity(verdict, [ratio, larger, smaller], stated: ratio.value, computed: value,
                                                            holdsTight: fits(Page.tight)),
                               figures: [.init(ratio), .init(larger), .init(smaller)], computation: say(.vietnamese), computationEnglish: say(.english)))
        }
        return out
    }
}

extension Page {
    /// A multiple: `gấp 3 lần`, `gấp đôi` (unit `lần`, `gấp` in its text or right before it).
    func isTimes(_ k: Int) -> Bool {
        let f = figures[k]
        guard f.unit == "lần", f.valueMax == nil, f.value > 1 else { return false }
        return f.text.lowercased().has("gấp") || Page.words(leadIns[k]).suffix(2).contains("gấp")
    }

    /// Whether the words between a multiple and a value make the value what it is compared with
    /// (`gấp 3 lần năm 2020 (420 ha)`, `so với ...`), not a new value (`tăng gần gấp đôi lên 15.429 tỷ`).
    func comparedWith(_ between: String) -> Bool {
        let w = Page.words(between)
        guard !between.has(";"), !w.contains("lên"), !w.contains("xuống"), w.count <= 10 else { return false }
        return between.has("(") || between.has("so với")
    }

    /// The two values in brackets shortly after multiple `r`, `(X so với Y)` or `(X/Y)`.
    func bracketedValues(after r: Int) -> (Figure, Figure)? {
        let s = figures[r].sentenceIndex
        guard r + 2 < figures.count, figures[r + 2].sentenceIndex == s, isRatioValue(r + 1), isRatioValue(r + 2) else { return nil }
        let a = figures[r + 1], b = figures[r + 2]
        let lead = text(figures[r].end, a.start), between = text(a.end, b.start).trimmingCharacters(in: .whitespaces)
        guard lead.has("("), !lead.has(")"), !lead.has(";"), Page.words(lead).count <= 8,
              between == "so với" || between == "/" || between == "và" else { return nil }
        return (a, b)
    }

    /// A figure a multiple may compare: no percent, no multiple, no change.
    func isRatioValue(_ k: Int) -> Bool {
        let f = figures[k]
        return f.unit != "lần" && f.unit != "%" && !isChangeAmount(k) && f.value > 0
    }
}
