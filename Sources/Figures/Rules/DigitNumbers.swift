import Foundation

/// Rule family: numbers written with digits and separators.
///
/// Vietnamese writes `2.338` (groups) and `1,5` (decimal); English-style sources write
/// `2,338` and `1.5`. A number with one separator and three digits after it (`1,500`,
/// `1.500`) can be read both ways: the article's style decides, and the figure says so.
public enum DigitNumbers {
    public struct Reading: Equatable, Sendable {
        public var value: Decimal
        /// Whether the reading depended on the article's style.
        public var ambiguous: Bool
        /// Digits printed after the decimal separator (`1,25` -> 2): the printed precision.
        public var fractionDigits: Int = 0

        /// The step of the last printed digit: `1,25` -> 0.01, `2.400` -> 1.
        public var step: Decimal { Decimal(sign: .plus, exponent: -fractionDigits, significand: 1) }
    }

    /// Reads `text` (digits, `.` and `,` only) in `style`; nil when it is not a number.
    public static func read(_ text: String, style: NumberStyle) -> Reading? {
        // most numbers are plain digits (`15`, `2018`): no separator to weigh
        if text.utf8.count <= 19, !text.utf8.isEmpty, text.utf8.allSatisfy(isDigit) {
            var mantissa: UInt64 = 0
            for c in text.utf8 { mantissa = mantissa * 10 + UInt64(c - 0x30) }
            return Reading(value: Decimal(mantissa), ambiguous: false, fractionDigits: 0)
        }
        let chars = Array(text.utf8)
        guard let first = chars.first, let last = chars.last, isDigit(first) || first == 0x2C || first == 0x2E, isDigit(last) else { return nil }
        guard chars.allSatisfy({ isDigit($0) || $0 == 0x2C || $0 == 0x2E }) else { return nil }
        let (group, decimal): (UInt8, UInt8) = style == .vietnamese ? (0x2E, 0x2C) : (0x2C, 0x2E)
        let groups = chars.split(separator: group, omittingEmptySubsequences: false)
        let separators = chars.filter { $0 == 0x2C || $0 == 0x2E }
        let ambiguous = separators.count == 1 && chars.count - 1 - chars.firstIndex(of: separators[0])! == 3
            && chars.first != separators[0]
        // `2.5` in a Vietnamese text (a group of one digit) is an English-style decimal slip
        let groupsValid = groups.count == 1 || (groups.dropFirst().allSatisfy { g in
            let head = g.split(separator: decimal, maxSplits: 1, omittingEmptySubsequences: false).first ?? []
            return head.count == 3
        } && (1...3).contains(groups[0].count))
        var digits = ""
        var fractionDigits = 0
        if groupsValid {
            let joined = groups.joined()
            let parts = joined.split(separator: decimal, omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return nil }
            digits = String(decoding: parts[0], as: UTF8.self)
            if parts.count == 2 { digits += "." + String(decoding: parts[1], as: UTF8.self); fractionDigits = parts[1].count }
        } else {
            // one separator of the grouping kind, not followed by three digits: a decimal point
            guard separators.count == 1 else { return nil }
            digits = String(decoding: chars.map { $0 == 0x2C ? 0x2E : $0 }, as: UTF8.self)
            fractionDigits = chars.count - 1 - chars.firstIndex(of: separators[0])!
        }
        guard let value = exactDecimal(digits) else { return nil }
        return Reading(value: value, ambiguous: ambiguous, fractionDigits: fractionDigits)
    }

    /// The style an article uses, from its unambiguous numbers; Vietnamese when nothing tells.
    public static func style<S: Sequence>(of numbers: S) -> NumberStyle where S.Element == String {
        var vote = StyleVote()
        for n in numbers { vote.add(n) }
        return vote.style
    }

    /// Counts the numbers that can only be read one way (`2.338.000`, `1,5`, `2,338,000`, `1.5`).
    ///
    /// Numbers that look like another thing do not vote: a day and month (`ngày 15.3`), a version
    /// (`4.0`, `công nghiệp 4.0`), a percentage (`4.5 %`); their caller says so with `skip`.
    public struct StyleVote: Sendable {
        public private(set) var vietnamese = 0
        public private(set) var english = 0
        public init() {}

        public var style: NumberStyle { english > vietnamese ? .english : .vietnamese }

        public mutating func add(_ n: String) {
            let chars = Array(n.utf8)
            let dots = chars.filter { $0 == 0x2E }.count, commas = chars.filter { $0 == 0x2C }.count
            guard dots + commas > 0 else { return }
            // `4.0`, `1.0.2`: versions
            if commas == 0, let i = chars.firstIndex(of: 0x2E), chars.count - 1 - i == 1, chars.last == 0x30 { return }
            // `6.2013`: a month and year
            if commas == 0, dots == 1, let i = chars.firstIndex(of: 0x2E), (1...2).contains(i), chars.count - 1 - i == 4,
               let y = Int(String(decoding: chars[(i + 1)...], as: UTF8.self)), (1900...2100).contains(y) { return }
            if dots >= 2 || (dots >= 1 && commas == 1 && chars.lastIndex(of: 0x2C)! > chars.lastIndex(of: 0x2E)!) { vietnamese += 1 }
            if commas >= 2 || (commas >= 1 && dots == 1 && chars.lastIndex(of: 0x2E)! > chars.lastIndex(of: 0x2C)!) { english += 1 }
            if dots == 0, commas == 1, let i = chars.firstIndex(of: 0x2C), chars.count - 1 - i != 3 { vietnamese += 1 }
            if commas == 0, dots == 1, let i = chars.firstIndex(of: 0x2E), chars.count - 1 - i != 3 { english += 1 }
        }
    }

    /// Whether a number that `style` reads with three decimals must be a thousands group instead:
    /// before a scale word or a unit (`45.000 tỷ đồng`, `7.000 ha`) nobody prints a decimal
    /// point and three decimals, whatever the article's style; a Vietnamese decimal comma is
    /// overruled only by `,000` (`2,125 tỷ USD` stays 2,125 tỷ).
    public static func mustBeThousands(_ text: String, style: NumberStyle) -> Bool {
        let chars = Array(text.utf8)
        let seps = chars.indices.filter { chars[$0] == 0x2C || chars[$0] == 0x2E }
        guard seps.count == 1, let i = seps.first, i >= 1, i <= 3, chars.count - 1 - i == 3,
              chars.allSatisfy({ isDigit($0) || $0 == 0x2C || $0 == 0x2E }) else { return false }
        switch style {
        case .english: return chars[i] == 0x2E
        case .vietnamese: return chars[i] == 0x2C && chars.suffix(3).allSatisfy { $0 == 0x30 }
        }
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// `"1234.56"` -> 1234.56 exactly (digits and at most one `.`), without a locale.
    static func exactDecimal(_ s: String) -> Decimal? {
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        var seenPoint = false
        var digits = 0
        for c in s.utf8 {
            if c == 0x2E { if seenPoint { return nil }; seenPoint = true; continue }
            guard isDigit(c) else { return nil }
            digits += 1
            // past UInt64: the slow path; past `maxDigits` no exact value (the caller warns)
            guard digits <= 19 else {
                let all = s.utf8.reduce(0) { $0 + (isDigit($1) ? 1 : 0) }
                return all <= maxDigits ? Decimal(string: s, locale: posix) : nil
            }
            mantissa = mantissa * 10 + UInt64(c - 0x30)
            if seenPoint { fractionDigits += 1 }
        }
        guard digits > 0 else { return nil }
        return Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(mantissa))
    }

    /// The longest digit string read exactly: `Decimal` holds 38 digits, and scale words
    /// (`nghìn tỷ`) and halves must still multiply in without rounding.
    public static let maxDigits = 30

    static let posix = Locale(identifier: "en_US_POSIX")
}
