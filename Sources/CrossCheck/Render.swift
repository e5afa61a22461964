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

    /// A figure's printed value: `2.338`, `2.400`, `10-15`.
    func value(_ f: Figure) -> String {
        f.valueMax.map { number(f.value) + "-" + number($0) } ?? number(f.value)
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
