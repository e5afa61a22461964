import Figures
import Foundation

extension CrossChecker {
    /// `breakdown`: percentages of one whole that the text presents as complete (`cơ cấu kinh tế:
    /// công nghiệp 58,3%, dịch vụ 36,9%, nông nghiệp 4,8%`), which must make 100% within the
    /// printed precision.
    func breakdowns(_ page: Page, article: String?) -> [Finding] {
        page.percentBreakdowns().map { g in
            let fs = g.percents.map { page.figures[$0] }
            let verdict: Finding.Verdict = g.holds ? .holds : .fails
            var sev = severity(verdict, fs)
            if verdict == .fails, fs.allSatisfy({ $0.qualifier == .exact }) { sev = .error }
            let scale = SumScale(total: fs[0], parts: [])
            func say(_ l: Language) -> String {
                let pcts = g.percents.map { page.percentValue($0) }
                let added = pcts.reduce(0, +)
                let lhs = pcts.map { scale.write($0, l) }.joined(separator: " + ") + " = " + scale.write(added, l)
                return "\(lhs) \(verdict == .holds ? (added == 100 ? "=" : "≈") : "≠") 100: \(l.verdict(verdict))"
            }
            return Finding(article: article, kind: .breakdown, verdict: verdict, severity: sev, figures: g.percents.map { .init(page.figures[$0]) },
                           computation: say(.vietnamese), computationEnglish: say(.english))
        }
    }
}

extension Page {
    /// Words that present percentages as the whole split (`cơ cấu kinh tế`, `tỷ trọng`).
    static let breakdownWords = ["cơ cấu", "tỷ trọng", "tỉ trọng"]
    /// Words right after a percentage that make it a comparison, no share of a whole (`12% so với cùng kỳ`).
    static let percentCompareAfter = [" so với", " so cùng kỳ", " kế hoạch", " chỉ tiêu", " dự toán", " cùng kỳ"]

    /// Whether percentage `k` can be a share of a whole in a breakdown: no change (`tăng 5%`), no
    /// comparison (`bằng 103,9% so với`), no share of a plan, no rate, no range.
    func breakdownShare(_ k: Int) -> Bool {
        let f = figures[k]
        if isFractionOfWhole(k) { return true }
        // a cap or a floor (`không quá 30%`, `tối thiểu 15%`) is a limit, no share
        guard f.unit == "%", f.rate == nil, f.valueMax == nil, f.value > 0, f.value < 100, !isShareOfTarget(k),
              f.qualifier != .atMost, f.qualifier != .atLeast else { return false }
        let tail = Page.trimmedLead(leadIns[k])
        if Page.sumChangeWords.contains(where: { Page.hasWordSuffix(tail, $0) }) || Page.hasWordSuffix(tail, "đạt") { return false }
        let after = String(String.UnicodeScalarView(scalars[min(f.end, scalars.count)..<min(f.end + 14, scalars.count)])).lowercased()
        return !Page.percentCompareAfter.contains { after.hasPrefix($0) }
    }

    /// The percentages a share allows (a fraction of a whole, `3/4`, as 75%).
    func percentInterval(_ k: Int) -> ValueInterval {
        isFractionOfWhole(k) ? figures[k].interval * .exactly(100) : figures[k].interval
    }

    /// The printed percentage of a share (a fraction of a whole, `3/4`, as 75).
    func percentValue(_ k: Int) -> Decimal {
        isFractionOfWhole(k) ? figures[k].printedMiddle * 100 : figures[k].printedMiddle
    }

    /// Whether figure `k` stands in a parenthesis of its sentence.
    func standsInParenthesis(_ k: Int) -> Bool {
        var depth = 0
        for i in sentenceRange(ofFigure: k) where i <= k {
            for c in leadIns[i] { if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) } }
        }
        return depth > 0
    }

    /// The percentages of a sentence that split one whole: the longest contiguous run (2 to
    /// `maxSumParts`) of its shares that makes 100% within precision; or, when the sentence or the
    /// one before presents a split (`cơ cấu`), all its shares, which then fail to make 100%.
    func percentBreakdowns() -> [(percents: [Int], holds: Bool)] {
        var out: [(percents: [Int], holds: Bool)] = []
        var k = 0
        while k < figures.count {
            let range = sentenceRange(ofFigure: k)
            k = range.upperBound
            let shares = range.filter { breakdownShare($0) }
            guard shares.count >= 2 else { continue }
            var best: ArraySlice<Int>? = nil
            for a in shares.indices {
                var sum = ValueInterval.exactly(0)
                var printed: Decimal = 0
                for b in a..<min(shares.count, a + Page.maxSumParts) {
                    sum = sum + percentInterval(shares[b])
                    printed += percentValue(shares[b])
                    // within precision, and the printed values near 100 (an open `hơn 4%` reaches anything)
                    if b > a, sum.contains(100), abs(printed - 100) <= 5, best == nil || b - a + 1 > best!.count { best = shares[a...b] }
                }
            }
            if let best {
                out.append((Array(best), true))
                continue
            }
            let s = figures[range.lowerBound].sentenceIndex
            let before = range.lowerBound > 0 && figures[range.lowerBound - 1].sentenceIndex == s - 1 ? sentences[range.lowerBound - 1] : ""
            let text = sentences[range.lowerBound]
            let presented = Page.breakdownWords.contains { text.has($0) || before.has($0) }
            // shares of one whole never make more than 100% (less may leave some out): all the
            // shares of a sentence that presents a split, none in a parenthesis (`(nếu tính cả ...
            // chiếm 71,2%)` says something else) nor compared (`từ 27% lên 35%`)
            let plain = shares.filter { q in !standsInParenthesis(q) && !Page.sumComparedWords.contains { Page.hasWordSuffix(Page.trimmedLead(leadIns[q]), $0) } }
            if presented, plain.count >= 3, plain.count == shares.count, plain.count <= Page.maxSumParts {
                let sum = plain.dropFirst().reduce(percentInterval(plain[0])) { $0 + percentInterval($1) }
                if let l = sum.lower, l > 100 { out.append((plain, false)) }
            }
        }
        return out
    }
}
