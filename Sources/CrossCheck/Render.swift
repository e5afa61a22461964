import Figures
import Foundation

/// How computations are written: Vietnamese (`2.427,75`, `năm`, `khớp`) or English
/// (`2,427.75`, `years`, `consistent`).
enum Language {
    case vietnamese, english

    /// `x` with digit groups, at most two decimals (rounded half up).
    func number(_ x: Decimal) -> String {
        var v = x, r = Decimal()
        NSDecimalRound(&r, &v, 2, .plain)
        let text = r.description   // `-2427.75`, no exponent
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        let int = Array(parts[0])
        var grouped = ""
        for (k, c) in int.enumerated() {
            if k > 0, (int.count - k) % 3 == 0 { grouped.append(self == .vietnamese ? "." : ",") }
            grouped.append(c)
        }
        if parts.count > 1 { grouped += (self == .vietnamese ? "," : ".") + parts[1] }
        return (negative ? "-" : "") + grouped
    }

    /// A figure's value as an article prints it: `2.338`, `2.400`, `10-15`; money in its scale
    /// word (`1.250 tỷ`, not `1.250.000.000.000`).
    func value(_ f: Figure) -> String {
        let scale = Language.scale(for: f)
        return f.valueMax.map { amount(f.value, scale: scale) + "-" + amount($0, scale: scale) } ?? amount(f.value, scale: scale)
    }

    /// A value computed from figures, written in the scale of `f` (`2.427,75`, `1.305,5 tỷ`).
    func amount(_ x: Decimal, like f: Figure) -> String { amount(x, scale: Language.scale(for: f)) }

    /// The scale word (and its power of ten) a money figure is written in: `tỷ` from 10^9,
    /// `triệu` from 10^6; nil for anything else.
    static func scale(for f: Figure) -> (word: String, english: String, factor: Decimal)? {
        guard f.unit == "đồng" || f.unit.hasPrefix("đồng/") else { return nil }
        let v = abs(f.value)
        if v >= 1_000_000_000 { return ("tỷ", "billion", 1_000_000_000) }
        if v >= 1_000_000 { return ("triệu", "million", 1_000_000) }
        return nil
    }

    func amount(_ x: Decimal, scale: (word: String, english: String, factor: Decimal)?) -> String {
        guard let scale else { return number(x) }
        return number(x / scale.factor) + " " + (self == .vietnamese ? scale.word : scale.english)
    }

    /// The sign that relates a computed value to a figure of `qualifier` that allows it.
    static func sign(_ q: Qualifier) -> String {
        switch q {
        case .exact, .approx, .nearly: "≈"
        case .over: ">"
        case .atLeast: "≥"
        case .under: "<"
        case .atMost: "≤"
        }
    }

    /// A figure as a bound: `> 2.400` for `trên 2.400`, `2.338` for an exact one.
    func bounded(_ f: Figure) -> String {
        f.qualifier == .exact ? value(f) : Language.sign(f.qualifier) + " " + value(f)
    }

    func years(_ n: Int) -> String { self == .vietnamese ? "\(n) năm" : (n == 1 ? "1 year" : "\(n) years") }

    func not(_ s: String) -> String { self == .vietnamese ? "không " + s : "not " + s }

    func verdict(_ v: Finding.Verdict) -> String {
        switch (self, v) {
        case (.vietnamese, .holds): "khớp"
        case (.vietnamese, .fails): "không khớp"
        case (.vietnamese, .undecided): "chưa rõ"
        case (.english, .holds): "consistent"
        case (.english, .fails): "inconsistent"
        case (.english, .undecided): "undecided"
        }
    }
}
