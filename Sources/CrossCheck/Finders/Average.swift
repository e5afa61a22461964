import Figures
import Foundation

extension CrossChecker {
    func averages(_ page: Page, article: String?) -> [Finding] {
        var out: [Finding] = []
        for a in page.figures.indices where page.isAverage(a) {
            let avg = page.figures[a]
            // the nearest total of the same unit over a range of years, in this sentence or the one before
            let totals = page.figures.indices.filter { t in
                let f = page.figures[t]
                guard t != a, f.rate == nil, page.unitHead(f) == page.unitHead(avg), !page.isTarget(t), !page.isAverage(t),
                      avg.sentenceIndex - 1...avg.sentenceIndex ~= f.sentenceIndex, let n = Page.years(f.time), n >= 2 else { return false }
                return true
            }
            guard let t = totals.min(by: { abs(page.figures[$0].start - avg.start) < abs(page.figures[$1].start - avg.start) }) else { continue }
            let total = page.figures[t]
            let n = Page.years(total.time)!
            guard let perYear = total.interval / .exactly(Decimal(n)) else { continue }
            let verdict: Finding.Verdict = perYear.overlaps(avg.interval) ? .holds : .fails
            let mid = (total.value + (total.valueMax ?? total.value)) / 2 / Decimal(n)
            func say(_ l: Language) -> String {
                let rel = verdict == .holds ? Language.sign(avg.qualifier) : l.not(Language.sign(avg.qualifier))
                return "\(l.value(total)) / \(l.years(n)) = \(l.amount(mid, like: total)) \(rel) \(l.value(avg)): \(l.verdict(verdict))"
            }
            out.append(Finding(article: article, kind: .average, verdict: verdict, severity: severity(verdict, [avg, total]),
                               figures: [.init(avg), .init(total)], computation: say(.vietnamese), computationEnglish: say(.english)))
        }
        return out
    }

}
