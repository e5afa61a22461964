import Figures
import Foundation
import SoLieu

extension CrossChecker {
    /// `repeat`: the same fact printed twice. Four ways an article restates a figure:
    /// - the same printed value and unit in another sentence (`20 doanh nghiệp` ... `20 DN`),
    ///   each occurrence linked to the next one;
    /// - a rounded restatement in parentheses (`2.556.039 tỷ đồng (hơn 2,5 triệu tỷ đồng)`);
    /// - a figure of the title or lead told again, with another value, in the body: the first
    ///   later figure of the same unit (not a percentage) and time within 12% of its value (`600km` in the
    ///   title, `573km` in the body);
    /// - a thousandfold slip: the same digits a thousand times larger or smaller (`1.250 tỷ
    ///   đồng` ... `1,25 tỷ đồng`).
    func repeats(_ page: Page, article: String?) -> [Finding] {
        let figures = page.figures
        let units = figures.map { RepeatUnit($0.unit) }
        var pairs: [(first: Int, second: Int, way: RepeatWay)] = []
        var taken = Set<Pair>()
        func add(_ i: Int, _ j: Int, _ way: RepeatWay) {
            guard taken.insert(Pair(i, j)).inserted else { return }
            pairs.append((i, j, way))
        }
        func candidate(_ k: Int) -> Bool { !units[k].isEmpty }
        func sameUnit(_ a: Int, _ b: Int) -> Bool { figures[a].rate == figures[b].rate && units[a].compatible(with: units[b]) }
        func sameTime(_ a: Int, _ b: Int) -> Bool {
            guard let x = figures[a].time, let y = figures[b].time else { return true }
            return x == y || Self.years(of: x).overlaps(Self.years(of: y))
        }
        // two figures of one sentence are two facts (`2 người ..., 2 người ...`) unless far apart
        // (a heading that the sentence splitter joined to the next sentence)
        func apart(_ a: Int, _ b: Int) -> Bool {
            figures[a].sentenceIndex != figures[b].sentenceIndex || figures[b].start - figures[a].end > 80
        }

        // the same printed value: each occurrence to the next one of a compatible unit
        var byValue: [ValueKey: [Int]] = [:]
        var restated = Set<Int>()
        for k in figures.indices where candidate(k) {
            byValue[ValueKey(figures[k]), default: []].append(k)
        }
        for group in byValue.values where group.count > 1 {
            var linkedBack = Set<Int>()
            for (n, i) in group.enumerated() {
                // the next occurrence of a compatible unit in another sentence, time and paragraph role
                guard let j = group[(n + 1)..<min(group.count, n + 1 + Self.lookahead)].first(where: { j in
                    !linkedBack.contains(j) && apart(i, j) && sameUnit(i, j) && sameTime(i, j)
                        && !Self.opposite(figures[i].qualifier, figures[j].qualifier)
                }) else { continue }
                linkedBack.insert(j)
                add(i, j, .sameValue)
                if figures[i].qualifier == figures[j].qualifier { restated.insert(i) }
            }
        }

        for i in figures.indices where candidate(i) {
            // a restatement in parentheses right after the figure
            if i + 1 < figures.count, candidate(i + 1), page.isParenthetical(i + 1, after: i), sameUnit(i, i + 1),
               figures[i].value != figures[i + 1].value, Self.close(figures[i].value, figures[i + 1].value) {
                add(i, i + 1, .parenthetical)
            }
            // a figure of the title or the lead, told again in the body with another value
            // (not when it is printed again as it is: the body then tells the same value)
            // (not for percentages: the shares of one lead are near each other and tell different things)
            if page.isTitleOrLead(i), !restated.contains(i), !units[i].isShare {
                let block = page.paragraph(of: i)
                if let j = figures.indices[(i + 1)..<min(figures.count, i + 1 + Self.lookahead)].first(where: { j in
                    candidate(j) && page.paragraph(of: j) != block && sameUnit(i, j) && sameTime(i, j)
                        && figures[j].valueMax == nil && figures[i].valueMax == nil
                        && figures[j].value != figures[i].value && Self.close(figures[i].value, figures[j].value)
                        && !page.isParenthetical(j, after: j - 1)
                        // (a sentence that breaks a total down tells parts, not the lead's fact again)
                        && !page.sentences[j].has("trong đó") && !page.sentences[j].has("gồm")
                }) {
                    add(i, j, .titleOrLead)
                }
            }
        }

        // a thousandfold slip: the same digits scaled by 1000, at least two significant digits
        var bySlip: [Decimal: [Int]] = [:]
        for k in figures.indices where candidate(k) && figures[k].valueMax == nil && Self.significantDigits(figures[k].value) >= 2 {
            bySlip[figures[k].value, default: []].append(k)
        }
        for i in figures.indices where !bySlip.isEmpty && candidate(i) && figures[i].valueMax == nil {
            // scaled by moving the exponent (Decimal's division is slow)
            let v = figures[i].value
            for scaled in [Decimal(sign: .plus, exponent: 3, significand: v), Decimal(sign: .plus, exponent: -3, significand: v)] {
                guard let j = bySlip[scaled]?.prefix(Self.lookahead).first(where: { sameUnit(i, $0) && sameTime(i, $0) }) else { continue }
                add(min(i, j), max(i, j), .thousandfold)
            }
        }

        return pairs.map { i, j, way in
            let (a, b) = (figures[i], figures[j])
            let verdict: Finding.Verdict = way == .thousandfold ? .fails : (a.interval.overlaps(b.interval) ? .holds : .fails)
            let severity: Finding.Severity = way == .thousandfold ? .error : severity(verdict, [a, b])
            func say(_ l: Language) -> String {
                let rel = verdict == .holds ? "≈" : "≠"
                var line = "\(l.bounded(a)) \(rel) \(l.bounded(b))"
                if way == .thousandfold {
                    line += l == .vietnamese ? " (gấp 1.000 lần: nhầm dấu phân cách hàng nghìn)" : " (a factor of 1,000: a thousands-separator slip)"
                }
                return line + ": " + l.verdict(verdict)
            }
            return Finding(article: article, kind: .repeat, verdict: verdict, severity: severity,
                           figures: [.init(a), .init(b)], computation: say(.vietnamese), computationEnglish: say(.english))
        }
    }

    /// Qualifiers that bound one value from opposite sides (`50 biên chế trở lên` and `dưới 50
    /// biên chế`, `dưới 9 triệu` and `trên 9 triệu`): two thresholds, not one fact told twice.
    static func opposite(_ a: Qualifier, _ b: Qualifier) -> Bool {
        let up: Set<Qualifier> = [.over, .atLeast], down: Set<Qualifier> = [.under, .atMost, .nearly]
        return (up.contains(a) && down.contains(b)) || (down.contains(a) && up.contains(b))
    }

    /// How many later figures a figure is compared with, at most: long runs of one value or one
    /// unit cost linear time.
    static let lookahead = 64

    /// Whether two values are within 12% of each other (`600` and `573`, `1.300` and `1.372`).
    static func close(_ a: Decimal, _ b: Decimal) -> Bool {
        guard a > 0, b > 0 else { return false }
        let (small, large) = a < b ? (a, b) : (b, a)
        return large * 100 <= small * 112
    }

    /// The calendar years a period covers.
    static func years(of p: Period) -> ClosedRange<Int> {
        let (a, b) = (p.from.year, p.to.year)
        return min(a, b)...max(a, b)
    }

    /// The significant digits of a value (`1250` and `1.25`: 3; `2000`: 1).
    static func significantDigits(_ x: Decimal) -> Int {
        var digits = Array(x.description.filter(\.isNumber))
        while digits.first == "0" { digits.removeFirst() }
        while digits.last == "0" { digits.removeLast() }
        return digits.count
    }
}

/// How a repeat was found.
enum RepeatWay { case sameValue, parenthetical, titleOrLead, thousandfold }

/// Two figure indexes, the earlier first.
struct Pair: Hashable {
    let first: Int, second: Int
    init(_ a: Int, _ b: Int) { (first, second) = (min(a, b), max(a, b)) }
}

/// A figure's printed value and range, for finding the same value again.
struct ValueKey: Hashable {
    let value: Decimal, valueMax: Decimal?
    init(_ f: Figure) { (value, valueMax) = (f.value, f.valueMax) }
}

/// What a figure counts, as far as telling two restatements apart: its words lowercased without
/// quotes and brackets, and its initials when written as an abbreviation (`DN` for `doanh nghiệp`).
struct RepeatUnit {
    let words: [Substring]
    let abbreviation: String?

    init(_ unit: String) {
        let kept = String(unit.unicodeScalars.filter { !"\"'“”‘’()[]".unicodeScalars.contains($0) })
        let head = kept.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        let isAbbreviation = head.count >= 2 && head.allSatisfy { $0.isUppercase || $0.isNumber } && !head.has(" ")
        abbreviation = isAbbreviation ? head.lowercased() : nil
        words = head.lowercased().split(separator: " ")
    }

    var isEmpty: Bool { words.isEmpty }

    /// A percentage or a ratio (`%`, `lần`).
    var isShare: Bool { words == ["%"] || words == ["lần"] }

    /// The initials of the words: `dn` for `doanh nghiệp`.
    var initials: String { String(words.compactMap(\.first)) }

    /// Same words, the same head word (`cây xà cừ`, `cây xanh`), or one the abbreviation of the other.
    func compatible(with other: RepeatUnit) -> Bool {
        guard !isEmpty, !other.isEmpty else { return false }
        if words == other.words || words[0] == other.words[0] { return true }
        if let a = abbreviation, other.abbreviation == nil { return a == other.initials }
        if let b = other.abbreviation, abbreviation == nil { return b == initials }
        return false
    }
}

extension Page {
    /// Whether figure `k` is in the title or the lead (by the blocks' roles; without roles, the
    /// first block).
    func isTitleOrLead(_ k: Int) -> Bool {
        guard let b = blocks.firstIndex(where: { $0.contains(figures[k].start) }) else { return false }
        if roles.isEmpty { return b == 0 }
        return roles[b] == .title || roles[b] == .lead
    }

    /// Whether figure `k` sits in parentheses right after figure `before` (`2.556.039 tỷ đồng (hơn 2,5 triệu tỷ đồng)`).
    func isParenthetical(_ k: Int, after before: Int) -> Bool {
        guard before >= 0, before < k else { return false }
        let from = figures[before].end, to = figures[k].start
        guard to >= from, to - from <= 3 else { return false }
        return scalars[from..<to].contains("(")
    }

}
