import Figures
import Foundation

extension CrossChecker {
    /// What the article says of a result against its target.
    enum Claim { case meets, exceeds, fallsShort }

    func targets(_ page: Page, article: String?) -> [Finding] {
        var out = planShares(page, article: article)
        let planned = Set(out.map { $0.figures.map(\.id) })
        let units = page.unitHeads
        let planShare = page.figures.indices.map { page.isShareOfTarget($0) }
        var pairs: [(target: Int, result: Int, claim: Claim)] = []
        for t in page.figures.indices where page.isTarget(t) {
            let target = page.figures[t]
            let perYear = target.rate == "năm"
            // (results among the `targetReach` figures on either side: an article has fewer,
            // and long runs of targets cost linear time)
            for r in max(0, t - Self.targetReach)..<min(page.figures.count, t + Self.targetReach + 1) where r != t && !page.isTarget(r) {
                let result = page.figures[r]
                guard units[r] == units[t] else { continue }
                // a yearly target is met by a year's result or a yearly average
                if perYear {
                    guard page.isAverage(r) || (result.rate == nil && result.time?.grain == .year) else { continue }
                } else {
                    guard result.rate == target.rate, target.time == nil || result.time == nil || result.time == target.time else { continue }
                    // a quarter's or a month's result neither meets nor misses a target for the
                    // year (`mức tăng trưởng quý 1/2017 ở mức 5,1% ... mục tiêu 6,7% cả năm`)
                    // (a target `cả năm`, for the whole year, whatever time its sentence gives it)
                    if Self.isPartOfYear(result.time), target.time == nil || target.time?.grain == .year || page.after(t, 12).has("cả năm") { continue }
                }
                // a share of the plan (`đạt 95% kế hoạch`) is no result to compare
                guard !planShare[r] else { continue }
                // in the target's paragraph, or in a sentence that itself claims a target met
                // (not for percentages: too many things are counted in %)
                let claimHere = page.claim(inSentenceOf: r)
                // (a later sentence of the paragraph that claims nothing tells something else:
                // `Trong số này, có 642 lao động ...`)
                let sameSentence = target.sentenceIndex == result.sentenceIndex
                // (the sentence before the target's, or the target's own: a paragraph of a news
                // site can be the whole article; percentages only in the target's sentence)
                let earlierInParagraph = page.paragraph(of: t) == page.paragraph(of: r) && units[r] != "%"
                    && target.sentenceIndex - 1...target.sentenceIndex ~= result.sentenceIndex
                guard sameSentence || earlierInParagraph || (claimHere != nil && units[r] != "%" && !result.unit.isEmpty)
                else { continue }
                guard let claim = claimHere ?? page.claim(inSentenceOf: t), !planned.contains([target.id, result.id]) else { continue }
                pairs.append((t, r, claim))
            }
        }
        // a result is checked against one target: its sentence's, else the nearest
        var nearest: [Int: (t: Int, rank: Int)] = [:]
        for (t, r, _) in pairs {
            let rank = (page.figures[t].sentenceIndex == page.figures[r].sentenceIndex ? 0 : 1 << 32) + abs(t - r)
            if nearest[r].map({ rank < $0.rank }) ?? true { nearest[r] = (t, rank) }
        }
        for (t, r, claim) in pairs where nearest[r]?.t == t {
            let target = page.figures[t], result = page.figures[r]
            let accept = claim == .fallsShort ? target.interval.below : target.interval.atOrAbove
            // the intervals allow the claim: it holds (only partly: a loose result, `ước đạt`, is info)
            let verdict: Finding.Verdict = accept.overlaps(result.interval) ? .holds : .fails
            let loose = verdict == .holds && !accept.contains(result.interval)
            func say(_ l: Language) -> String {
                let sign = claim == .fallsShort ? "<" : (target.interval.lowerOpen ? ">" : "≥")
                let rel = verdict == .fails ? l.not(sign) : sign
                return "\(l.bounded(result)) \(rel) \(l.value(target)): \(l.verdict(verdict))"
            }
            out.append(Finding(article: article, kind: .target, verdict: verdict, severity: loose ? .info : severity(verdict, [target, result]),
                               figures: [.init(target), .init(result)], computation: say(.vietnamese), computationEnglish: say(.english)))
        }
        return out
    }


    /// How many figures on either side of a target are looked at for its results.
    static let targetReach = 200

    /// Whether a period is shorter than a year: a day, month, quarter or half, or a range that
    /// is not of whole years (`6 tháng đầu năm 2017`).
    static func isPartOfYear(_ p: Period?) -> Bool {
        guard let p else { return false }
        switch p.grain {
        case .day, .month, .quarter, .half: return true
        case .year: return false
        case .range: return p.from.grain != .year || p.to.grain != .year
        }
    }

    /// A result given as a share of its plan, with the plan printed after it: `ước đạt 6.143
    /// người, đạt 95% kế hoạch (6.452 vận động viên)`. The share says what the article claims
    /// (under 100%: short of the plan; 100% or more: meets it); the result is the nearest figure
    /// before the share in its sentence, the target the one in parentheses after the plan word.
    func planShares(_ page: Page, article: String?) -> [Finding] {
        var out: [Finding] = []
        for p in page.figures.indices where page.isShareOfTarget(p) && p + 1 < page.figures.count && p > 0 {
            let share = page.figures[p], target = page.figures[p + 1], result = page.figures[p - 1]
            guard target.sentenceIndex == share.sentenceIndex, result.sentenceIndex == share.sentenceIndex,
                  page.unitHead(target) != "%", page.unitHead(result) != "%", !target.unit.isEmpty, !result.unit.isEmpty,
                  target.start - share.end <= 16, page.scalars[share.end..<target.start].contains("(") else { continue }
            let claim: Claim = share.interval.upper.map { $0 < 100 } ?? false ? .fallsShort : .meets
            let accept = claim == .fallsShort ? target.interval.below : target.interval.atOrAbove
            let verdict: Finding.Verdict = accept.overlaps(result.interval) ? .holds : .fails
            let loose = verdict == .holds && !accept.contains(result.interval)
            func say(_ l: Language) -> String {
                let sign = claim == .fallsShort ? "<" : "≥"
                let because = l == .vietnamese ? "(đạt \(l.value(share))%)" : "(\(l.value(share))% of plan)"
                return "\(l.bounded(result)) \(verdict == .fails ? l.not(sign) : sign) \(l.value(target)) \(because): \(l.verdict(verdict))"
            }
            out.append(Finding(article: article, kind: .target, verdict: verdict, severity: loose ? .info : severity(verdict, [target, result]),
                               figures: [.init(target), .init(result)], computation: say(.vietnamese), computationEnglish: say(.english)))
        }
        return out
    }
}
