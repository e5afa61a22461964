import Figures
import Foundation

extension CrossChecker {
    /// What the article says of a result against its target.
    enum Claim { case meets, exceeds, fallsShort }

    func targets(_ page: Page, article: String?) -> [Finding] {
        var out: [Finding] = []
        for t in page.figures.indices where page.isTarget(t) {
            let target = page.figures[t]
            let perYear = target.rate == "năm"
            for r in page.figures.indices where r != t && !page.isTarget(r) {
                let result = page.figures[r]
                guard page.unitHead(result) == page.unitHead(target) else { continue }
                // a yearly target is met by a year's result or a yearly average
                if perYear {
                    guard page.isAverage(r) || (result.rate == nil && result.time?.grain == .year) else { continue }
                } else {
                    guard result.rate == target.rate, target.time == nil || result.time == nil || result.time == target.time else { continue }
                }
                // a share of the plan (`đạt 95% kế hoạch`) is no result to compare
                guard !page.isShareOfTarget(r) else { continue }
                // in the target's paragraph, or in a sentence that itself claims a target met
                // (not for percentages: too many things are counted in %)
                let claimHere = page.claim(inSentenceOf: r)
                // (a later sentence of the paragraph that claims nothing tells something else:
                // `Trong số này, có 642 lao động ...`)
                let sameSentence = target.sentenceIndex == result.sentenceIndex
                let earlierInParagraph = page.paragraph(of: t) == page.paragraph(of: r) && result.sentenceIndex <= target.sentenceIndex
                guard sameSentence || earlierInParagraph || (claimHere != nil && page.unitHead(result) != "%" && !result.unit.isEmpty)
                else { continue }
                guard let claim = claimHere ?? page.claim(inSentenceOf: t) else { continue }
                let accept = claim == .fallsShort ? target.interval.below : target.interval.atOrAbove
                let verdict: Finding.Verdict = accept.contains(result.interval) ? .holds
                    : accept.overlaps(result.interval) ? .undecided : .fails
                func say(_ l: Language) -> String {
                    let sign = claim == .fallsShort ? "<" : (target.interval.lowerOpen ? ">" : "≥")
                    let rel = verdict == .fails ? l.not(sign) : sign
                    return "\(l.bounded(result)) \(rel) \(l.value(target)): \(l.verdict(verdict))"
                }
                out.append(Finding(article: article, kind: .target, verdict: verdict, severity: severity(verdict, [target, result]),
                                   figures: [.init(target), .init(result)], computation: say(.vietnamese), computationEnglish: say(.english)))
            }
        }
        return out
    }

}
