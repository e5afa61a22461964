import Foundation
import VietText

/// A number read from the text with its scale words, before unit and context are known.
struct Quantity: Equatable {
    var value: Decimal
    var valueMax: Decimal?
    var range: Range<Int>          // sentence-relative tokens of the number (and scale, %)
    var isPercent = false
    var scale: Decimal? = nil      // the last scale word applied (`tỷ`)
    var spelled = false            // read from words
    var hasDigitWord = true        // spelled with a digit word (not only `trăm`, `chục`)
    var ambiguous = false          // `1,500`: the article's style decided
    var currency: String? = nil    // a currency sign or code glued to the number (`$10`, `USD1,23`)
    var step: Decimal? = nil       // the step of the last digit printed (`1,25` -> 0,01); nil when spelled
}

/// Rule family: quantities — digits or words, scale words (`1,5 tỷ`, `nghìn tỷ`, `2 triệu rưỡi`),
/// compact suffixes (`100K`, `1,2M`), percentages (`%`, `phần trăm`), ranges (`10-15%`,
/// `4 - 5 triệu`, `từ 3 đến 5 tỷ`), negatives (`âm`, `-1.200.000`), decimals spoken as
/// `chấm`/`phẩy` (`hai phẩy 23`), fractions (`3/4`, `một nửa`) and multiples (`gấp đôi`).
enum Quantities {
    /// Tokens between the two ends of a range (`range-links.txt`).
    static let rangeLinks: KeySet = RuleWords.words("range-links.txt")
    /// Spoken decimal points: `hai phẩy 23` (`decimal-point-words.txt`).
    static let decimalPoints: KeySet = RuleWords.words("decimal-point-words.txt")
    /// The most scale words (and groups between them) read after digits: `3 tỷ 200 triệu` is 3.
    /// A longer run (`3 nghìn nghìn nghìn ...`) is no number; the cap keeps reading it linear.
    static let maxScaleTokens = 8

    /// The number starting at token `i`, without ranges.
    static func single(_ v: SentenceView, _ i: Int, style: NumberStyle) -> Quantity? {
        guard i < v.count else { return nil }
        var q: Quantity
        var j: Int
        switch v.kind[i] {
        case .number:
            guard let r = DigitNumbers.read(v.lower[i], style: style) else { return nil }
            q = Quantity(value: r.value, range: i..<(i + 1), ambiguous: r.ambiguous)
            q.step = r.step
            j = i + 1
            // `,77`: a decimal with no integer part
            if i > 0, v.is(i - 1, ","), !v.spaceBefore[i], i - 1 == 0 || v.spaceBefore[i - 1] || v.kind[i - 2] != .number,
               let frac = DigitNumbers.read("0," + v.lower[i], style: .vietnamese) {
                q.value = frac.value
                q.step = frac.step
                q.range = (i - 1)..<(i + 1)
            }
            // spoken decimal: `2 chấm 23`, `1 phẩy 1`
            if v.isAny(j, decimalPoints), let frac = fractionDigits(v, j + 1) {
                q.value += frac
                q.step = Precision.lowestPlace(frac)
                j += 2
                q.range = q.range.lowerBound..<j
            }
        case .percent:
            let digits = String(v.lower[i].dropLast())
            guard let r = DigitNumbers.read(digits, style: style) else { return nil }
            return Quantity(value: r.value, range: i..<(i + 1), isPercent: true, ambiguous: r.ambiguous, step: r.step)
        case .code:
            return codeAmount(v, i, style: style)
        case .syllable:
            if v.is(i, "nửa") || (v.is(i, "một") && v.is(i + 1, "nửa")) {
                let end = v.is(i, "nửa") ? i + 1 : i + 2
                return Quantity(value: SpelledNumerals.half, range: i..<end, spelled: true)
            }
            guard let (value, end, hasDigit) = spelled(v, i) else { return nil }
            q = Quantity(value: value, range: i..<end, spelled: true, hasDigitWord: hasDigit)
            j = end
            if v.isAny(j, decimalPoints), let frac = fractionDigits(v, j + 1) {
                q.value += frac
                j += 2
                q.range = i..<j
            }
        default:
            return nil
        }
        // compact suffix glued to digits: 100K, 3M, 1,2M
        if j < v.count, !v.spaceBefore[j], v.kind[j] == .syllable || v.kind[j] == .abbreviation, let s = ScaleWords.suffix(v.text[j]) {
            q.value *= s
            q.scale = s
            j += 1
            q.range = q.range.lowerBound..<j
        }
        // scale words after digits: 1,5 tỷ; 3 nghìn tỷ; 2 triệu rưỡi; 3 tỷ 200 triệu
        if !q.spelled {
            var items: [SpelledNumerals.Item] = [.number(q.value)]
            var k = j
            var best: (value: Decimal, end: Int, scale: Decimal?, step: Decimal?)? = nil
            var lastScale: Decimal? = q.scale
            var lastStep: Decimal? = q.step
            // each step adds items and keeps the reading only while the items still form one
            // number: a run of scale words (`nghìn nghìn nghìn`) stops at the first that does not
            while k < v.count, k - j < maxScaleTokens {
                let w = v.lower[k]
                let count = items.count
                if let s = ScaleWords.value(key: v.keys[k]) { items.append(.scale(s)); k += 1; lastScale = s }
                else if SpelledNumerals.structureWords[w] == .half, case .scale? = items.last { items.append(.half); k += 1 }
                // `3 tỷ 200 triệu`: another number and a smaller scale
                else if v.kind[k] == .number, case .scale(let s)? = items.last, let next = v.lower(k + 1), let s2 = ScaleWords.value(of: next), s2 < s,
                   let r = DigitNumbers.read(w, style: style) {
                    items.append(.number(r.value)); items.append(.scale(s2)); k += 2; lastScale = s2; lastStep = r.step
                } else { break }
                guard let value = SpelledNumerals.evaluate(items) else { items.removeLast(items.count - count); break }
                best = (value, k, lastScale, lastStep)
            }
            if let best {
                q.value = best.value
                q.scale = best.scale
                q.step = best.step
                j = best.end
                q.range = q.range.lowerBound..<j
            }
        }
        // percent: `%` after a space, `phần trăm`
        if j < v.count, v.is(j, "%") { q.isPercent = true; j += 1; q.range = q.range.lowerBound..<j }
        else if v.is(j, "phần"), v.is(j + 1, "trăm") { q.isPercent = true; j += 2; q.range = q.range.lowerBound..<j }
        return q
    }

    /// `USD1,23`, `EUR29,99`, `INR33`, `Rs20`, `VND1000-VND2000`: a currency code glued to an amount.
    static func codeAmount(_ v: SentenceView, _ i: Int, style: NumberStyle) -> Quantity? {
        let parts = v.text[i].split(separator: "-").map(String.init)
        var values: [Decimal] = []
        var currency: String? = nil
        var step: Decimal = 1
        for p in parts {
            let letters = String(p.prefix { $0.isLetter })
            let digits = String(p.dropFirst(letters.count))
            guard !letters.isEmpty, let r = DigitNumbers.read(digits, style: style) else { return nil }
            currency = letters
            values.append(r.value)
            step = r.step
        }
        guard let first = values.first, values.count <= 2 else { return nil }
        return Quantity(value: first, valueMax: values.count == 2 ? values[1] : nil, range: i..<(i + 1), currency: currency, step: step)
    }

    /// The digits after `chấm`/`phẩy` as a fraction: `23` -> 0.23; a spelled digit -> 0.d.
    static func fractionDigits(_ v: SentenceView, _ i: Int) -> Decimal? {
        guard let w = v.lower(i) else { return nil }
        if v.kind[i] == .number, w.allSatisfy(\.isNumber) { return Decimal(string: "0." + w) }
        if let d = SpelledNumerals.digits[w], !SpelledNumerals.afterTensOnly.contains(w) { return Decimal(string: "0.\(d)") }
        return nil
    }

    /// A spelled numeral from `i`: its value, end, and whether it has a digit word.
    ///
    /// Reads at most `SpelledNumerals.maxSyllables` tokens and stops at the first token that
    /// no longer continues one number (a prefix that is no number never becomes one: the
    /// grammar only rejects), so a long run of number words costs a bounded amount per start.
    static func spelled(_ v: SentenceView, _ i: Int) -> (Decimal, Int, Bool)? { spelledScan(v, i).reading }

    /// `spelled`, and how many tokens it looked at (what bounds the cost of a run).
    static func spelledScan(_ v: SentenceView, _ i: Int) -> (reading: (Decimal, Int, Bool)?, scanned: Int) {
        var items: [SpelledNumerals.Item] = []
        var best: (Decimal, Int, Bool)? = nil
        var k = i
        var hasDigit = false
        while k < v.count, k - i < SpelledNumerals.maxSyllables, v.kind[k] == .syllable || v.kind[k] == .number {
            let item: SpelledNumerals.Item?
            if v.kind[k] == .number {
                // digits inside words only as a group before a scale: `hai tỷ 500 triệu`
                guard case .scale? = items.last, let r = DigitNumbers.read(v.lower[k], style: .vietnamese) else { break }
                item = .number(r.value)
            } else {
                item = SpelledNumerals.item(key: v.keys[k], after: items.last)
            }
            guard let item else { break }
            items.append(item)
            if case .digit = item { hasDigit = true }
            if case .number = item { hasDigit = true }
            if item == .ten { hasDigit = true }
            k += 1
            guard let value = SpelledNumerals.evaluate(items) else { break }
            best = (value, k, hasDigit)
        }
        return (best, k - i)
    }

    /// The number at `i` and, when one follows, the upper end of a range:
    /// `10 - 15`, `4 - 5 triệu` (the scale is shared), `3 đến 5 tỷ`, `20 - 30%`.
    static func withRange(_ v: SentenceView, _ i: Int, style: NumberStyle) -> Quantity? {
        if i < v.count, v.kind[i] == .range { return rangeToken(v, i, style: style) }
        guard var q = single(v, i, style: style) else { return nil }
        let j = q.range.upperBound
        guard v.isAny(j, rangeLinks), let link = v.lower(j), var upper = single(v, j + 1, style: style) else { return q }
        // `tăng từ X lên Y` is two figures; a range needs X below Y
        if upper.scale != nil && q.scale == nil && !q.isPercent { q.value *= upper.scale!; q.scale = upper.scale }
        if upper.isPercent && !q.isPercent { q.isPercent = true }
        if q.isPercent && !upper.isPercent && link == "-" { upper.isPercent = true }
        guard upper.value > q.value, q.isPercent == upper.isPercent else { return q }
        q.valueMax = upper.value
        if let a = q.step, let b = upper.step { q.step = Swift.min(a, b) }
        q.range = q.range.lowerBound..<upper.range.upperBound
        return q
    }

    /// `2015-2018`, `10-15`, `10-15%` written as one token.
    static func rangeToken(_ v: SentenceView, _ i: Int, style: NumberStyle) -> Quantity? {
        var text = v.lower[i]
        var percent = false
        if text.hasSuffix("%") { percent = true; text.removeLast() }
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, let a = DigitNumbers.read(parts[0], style: style), let b = DigitNumbers.read(parts[1], style: style) else { return nil }
        // `10-2` with the larger end first is a date (`chiều 10-2`) or a code, no range
        guard b.value > a.value else { return nil }
        var q = Quantity(value: a.value, valueMax: b.value, range: i..<(i + 1), isPercent: percent, step: Swift.min(a.step, b.step))
        var j = i + 1
        if let s = v.lower(j).flatMap(ScaleWords.value(of:)) {
            q.value *= s; q.valueMax! *= s; q.scale = s; j += 1
        }
        if !percent, v.is(j, "%") { q.isPercent = true; j += 1 }
        q.range = i..<j
        return q
    }
}
