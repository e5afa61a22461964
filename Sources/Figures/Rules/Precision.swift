import Foundation
import VietText

/// The printed precision of a quantity: the step of its last printed digit times its scale
/// (`1,5 tỷ` -> 100000000, `2.400` -> 1, `35,34%` -> 0.01). Spelled numbers are as precise as
/// their last spoken place (`hai triệu rưỡi` -> 100000, `hai mươi` -> 10, `một trăm linh năm` -> 1).
enum Precision {
    /// A quotient (`3/4 diện tích` = 0,75) is printed as two exact counts.
    static let ofQuotient = Decimal(string: "0.01")!

    static func of(_ q: Quantity) -> Decimal {
        // the step of the last digits printed (`3 tỷ 200 triệu`: 200), as the reading found it
        let step = q.spelled ? nil : q.step
        let scale = q.scale ?? 1
        guard let printed = step else {
            return q.spelled ? lowestPlace(q.value) : q.scale == nil ? 1 : Swift.min(scale, lowestPlace(q.value))
        }
        // without a scale the last printed digit is the precision (`2.400` -> 1)
        guard q.scale != nil else { return printed }
        return Swift.min(printed * scale, Swift.max(lowestPlace(q.value), printed))
    }

    /// The place of the last non-zero digit of `x` (2.500.000 -> 100.000, 1,25 -> 0,01), from its
    /// significand and exponent (Decimal division and `description` are slow).
    static func lowestPlace(_ x: Decimal) -> Decimal {
        guard !x.isZero, !x.isNaN else { return 1 }
        let significand = x.significand
        guard significand < limit else { return lowestPlaceByDigits(x) }
        var m = NSDecimalNumber(decimal: significand).uint64Value
        var e = x.exponent
        while m % 10 == 0 { m /= 10; e += 1 }
        return Decimal(sign: .plus, exponent: e, significand: 1)
    }

    private static let limit = Decimal(UInt64(1) << 62)

    /// The same from the decimal digits, for significands past 62 bits.
    static func lowestPlaceByDigits(_ x: Decimal) -> Decimal {
        let digits = Array(x.description.utf8)
        guard digits.contains(where: { $0 >= 0x31 && $0 <= 0x39 }) else { return 1 }
        if let point = digits.firstIndex(of: 0x2E) {
            var last = digits.count - 1
            while last > point, digits[last] == 0x30 { last -= 1 }
            if last > point { return Decimal(sign: .plus, exponent: -(last - point), significand: 1) }
        }
        var zeros = 0
        var k = (digits.firstIndex(of: 0x2E) ?? digits.count) - 1
        while k > 0, digits[k] == 0x30 { zeros += 1; k -= 1 }
        return Decimal(sign: .plus, exponent: zeros, significand: 1)
    }
}
