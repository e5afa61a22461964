import Foundation
import VietText

/// An amount read from a short phrase: `$10`, `hai đô la và 23 xen`, `giữa 1000 và 2000 đồng`.
public struct Amount: Equatable, Sendable {
    public var value: Decimal
    public var valueMax: Decimal?
    /// The currency or unit, empty for a bare number.
    public var unit: String
}

/// Rule family: money and bare amounts in short phrases — currency signs and codes before or
/// after the number (`$10`, `10$`, `EUR 20`, `Rs. 20`, `VN$1000`, `USD1,23`), cents after the
/// main unit (`2 đô la và 23 xen`, `hai đô 23`, `20 Rupees 43`), ranges with `giữa ... và`,
/// and the qualifier words in front (`không quá 7.000 đồng` reads 7000).
///
/// This is the number reading that `FigureExtractor` builds on, without deciding whether
/// the amount is a figure: a bare `2` or `hai` reads as 2 here.
public struct AmountReader {
    let analyzer: TextAnalyzer
    let rules: FigureRules

    public init(analyzer: TextAnalyzer, rules: FigureRules) {
        self.analyzer = analyzer
        self.rules = rules
    }

    /// Words for the hundredth part of a currency (`cent-words.txt`).
    static let cents: Set<String> = Set(RuleWords.lines("cent-words.txt"))
    /// Currency signs and their unit (`currency-signs.txt`).
    static let signs: [String: String] = Dictionary(RuleWords.table("currency-signs.txt"), uniquingKeysWith: { a, _ in a })

    public func read(_ text: String) -> Amount? {
        let analyzed = analyzer.analyze(text)
        guard let sentence = analyzed.sentences.first else { return nil }
        let v = SentenceView(analyzed, sentence)
        let style = DigitNumbers.style(of: analyzed.tokens.filter { $0.kind == .number }.map { analyzed.normalized($0) })
        var i = 0
        var negative = false
        var currency: String? = nil
        var between = false
        // leading words: qualifiers, `giữa`, `từ`, a minus sign or `âm`, a currency before the number
        while i < v.count {
            let w = v.lower[i]
            if w == "giữa" { between = true; i += 1; continue }
            if w == ",", i + 1 < v.count, v.kind[i + 1] == .number, !v.spaceBefore[i + 1] { i += 1; continue }   // `,77`
            if w == "từ" || w == "-" && !negative || w == "âm" {
                if w != "từ" { negative = true }
                i += 1; continue
            }
            if let (phrase, _) = rules.qualifiers.first(where: { v.matches($0.0, at: i) }) { i += phrase.count; continue }
            if let sign = Self.signs[v.text[i]] { currency = sign; i += 1; continue }
            if v.kind[i] == .abbreviation || v.kind[i] == .syllable, let c = rules.currencies[v.text[i]] {
                currency = c
                i += 1
                if v.is(i, ".") { i += 1 }   // `Rs. 20`
                continue
            }
            if v.text[i] == "VN", v.is(i + 1, "$") { currency = "đồng"; i += 2; continue }
            break
        }
        guard i < v.count, var q = Quantities.withRange(v, i, style: style) ?? bare(v, i) else { return nil }
        var j = q.range.upperBound
        var unit = currency ?? (q.isPercent ? "%" : "")
        if let c = q.currency { unit = rules.currencies[c] ?? c }
        // the unit after the number, and cents after it
        if unit.isEmpty || currency != nil {
            for (phrase, u) in rules.currencyPhrases where v.matches(phrase, at: j) { unit = u; j += phrase.count; break }
            if j < v.count, let u = rules.currencies[v.text[j]] ?? Self.signs[v.text[j]] { unit = u; j += 1 }
        }
        if !Self.cents.contains(unit), !unit.isEmpty {
            var k = j
            if v.is(k, "và") { k += 1 }
            if let c = Quantities.single(v, k, style: style), c.valueMax == nil, c.value < 100 {
                let after = v.lower(c.range.upperBound)
                if after == nil || after.map(Self.cents.contains) == true {
                    q.value += c.value / 100
                    j = c.range.upperBound + (after == nil ? 0 : 1)
                }
            }
        }
        // `giữa 1000 (đồng) và 2000 đồng`, `từ 1000 VNĐ tới 2000 VNĐ`
        if q.valueMax == nil, v.is(j, "và") && between || v.isAny(j, Quantities.rangeLinks) {
            var k = j + 1
            if let sign = Self.signs[v.text[min(k, v.count - 1)]], k < v.count { unit = sign; k += 1 }
            if k < v.count, let upper = Quantities.single(v, k, style: style) ?? bare(v, k), upper.value > q.value {
                q.valueMax = upper.value
                let after = upper.range.upperBound
                if after < v.count, let u = rules.currencies[v.text[after]] { unit = u }
                else if upper.currency.flatMap({ rules.currencies[$0] }) != nil { unit = rules.currencies[upper.currency!]! }
                else { for (phrase, u) in rules.currencyPhrases where v.matches(phrase, at: after) { unit = u; break } }
            }
        }
        if negative {
            q.value = -q.value
            q.valueMax = q.valueMax.map { -$0 }
        }
        return Amount(value: q.value, valueMax: q.valueMax, unit: unit)
    }

    /// A lone spelled word that figures leave out: `một`, `không`, `trăm`.
    private func bare(_ v: SentenceView, _ i: Int) -> Quantity? {
        switch v.lower[i] {
        case "một": return Quantity(value: 1, range: i..<(i + 1), spelled: true)
        case "không": return Quantity(value: 0, range: i..<(i + 1), spelled: true)
        case "trăm": return Quantity(value: 100, range: i..<(i + 1), spelled: true)
        default: return nil
        }
    }
}
