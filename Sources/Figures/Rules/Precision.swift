import Foundation
import VietText

/// The printed precision of a quantity: the step of its last printed digit times its scale
/// (`1,5 tỷ` -> 100000000, `2.400` -> 1, `35,34%` -> 0.01). Spelled numbers are as precise as
/// their last spoken place (`hai triệu rưỡi` -> 100000, `hai mươi` -> 10, `một trăm linh năm` -> 1).
enum Precision {
    /// A quotient (`3/4 diện tích` = 0,75) is printed as two exact counts.
    static let ofQuotient = Decimal(string: "0.01")!

    static func of(_ q: Quantity, _ v: SentenceView, style: NumberStyle) -> Decimal {
        // the last token printed with digits (`3 tỷ 200 triệu`: 200)
        var step: Decimal? = nil
        for i in q.range.reversed() where v.kind[i] == .number || v.kind[i] == .percent || v.kind[i] == .range || v.kind[i] == .code {
            var text = v.lower[i]
            if text.hasSuffix("%") { text.removeLast() }
            if let last = text.split(separator: "-").last { text = String(last) }
            if v.kind[i] == .code { text = String(text.drop { $0.isLetter }) }
            step = DigitNumbers.read(text, style: style)?.step
            if step != nil { break }
        }
        let scale = q.scale ?? 1
        guard let printed = step else {
            return q.spelled ? lowestPlace(q.value) : q.scale == nil ? 1 : Swift.min(scale, lowestPlace(q.value))
        }
        return Swift.min(printed * scale, Swift.max(lowestPlace(q.value), printed))
    }

    /// The place of the last non-zero digit of `x` (2.500.000 -> 100.000, 1,25 -> 0,01).
    static func lowestPlace(_ x: Decimal) -> Decimal {
        var m = abs(x)
        guard m != 0 else { return 1 }
        var place: Decimal = 1
        // scale down while a whole multiple of 10
        var guardSteps = 0
        while guardSteps < 60 {
            let tenth = m / 10
            var rounded = Decimal()
            var t = tenth
            NSDecimalRound(&rounded, &t, 0, .down)
            if rounded != tenth { break }
            m = tenth
            place *= 10
            guardSteps += 1
        }
        guardSteps = 0
        while guardSteps < 40 {
            var rounded = Decimal()
            var t = m
            NSDecimalRound(&rounded, &t, 0, .down)
            if rounded == m { break }
            m *= 10
            place /= 10
            guardSteps += 1
        }
        return place
    }
}
