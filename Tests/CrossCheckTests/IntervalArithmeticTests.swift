import Figures
import Foundation
import Testing
@testable import CrossCheck

/// Intervals written as the spec writes them: `[1,45; 1,55]`, `(2400; +inf)`, `[-2; 3)`.
func interval(_ s: String) -> ValueInterval {
    let t = s.trimmingCharacters(in: .whitespaces)
    let lowerOpen = t.hasPrefix("("), upperOpen = t.hasSuffix(")")
    let inner = t.dropFirst().dropLast().components(separatedBy: "; ")
    precondition(inner.count == 2, "not an interval: \(s)")
    func bound(_ b: String) -> Decimal? {
        b.hasSuffix("inf") ? nil : Decimal(string: b.replacingOccurrences(of: ",", with: "."))!
    }
    let lower = bound(inner[0]), upper = bound(inner[1])
    return ValueInterval(lower: lower, upper: upper, lowerOpen: lower != nil && lowerOpen, upperOpen: upper != nil && upperOpen)
}

/// An interval written back: `[1,45; 1,55]`.
func written(_ i: ValueInterval?) -> String {
    guard let i else { return "nil" }
    func b(_ x: Decimal?, _ inf: String) -> String { x.map { "\($0)".replacingOccurrences(of: ".", with: ",") } ?? inf }
    return (i.lowerOpen || i.lower == nil ? "(" : "[") + b(i.lower, "-inf") + "; " + b(i.upper, "+inf") + (i.upperOpen || i.upper == nil ? ")" : "]")
}

@Suite struct IntervalArithmeticTests {
    /// A printed figure's interval (`ValueInterval(value:valueMax:precision:qualifier:)`): value, precision, qualifier.
    @Test(arguments: [
        ("1,5", "0,1", Qualifier.exact, "[1,45; 1,55]"),              // `1,5 tỷ`, in tỷ
        ("2400", "1", .exact, "[2399,5; 2400,5]"),                   // `2.400`
        ("2400", "1", .over, "(2400; +inf)"),                        // `trên 2.400`
        ("9711", "1", .exact, "[9710,5; 9711,5]"),                   // `9.711`
        ("24", "1", .nearly, "[21,6; 24]"),                          // `gần 24%`
        ("100", "1", .approx, "[90; 110]"),                          // `khoảng 100`
        ("5", "1", .under, "(-inf; 5)"),                             // `dưới 5%`
    ])
    func printed(value: String, precision: String, qualifier: Qualifier, expected: String) {
        let i = ValueInterval(value: Decimal(string: value.replacingOccurrences(of: ",", with: "."))!, valueMax: nil,
                              precision: Decimal(string: precision.replacingOccurrences(of: ",", with: "."))!, qualifier: qualifier)
        #expect(written(i) == expected)
    }

    /// `A op B = C`, C `nil` when the operation is not handled (a denominator not strictly positive).
    @Test(arguments: [
        "[1; 2] + [3; 4] = [4; 6]",
        "[1; 2] + (3; +inf) = (4; +inf)",
        "(-inf; 2) + [1; 1] = (-inf; 3)",
        "[5; 6] - [1; 2) = (3; 5]",
        "[5; 6] - (2400; +inf) = (-inf; -2394)",
        "[1,45; 1,55] - [0,95; 1,05] = [0,4; 0,6]",
        "[-2; 3] * [4; 5] = [-10; 15]",
        "[-2; -1] * [-3; 4] = [-8; 6]",
        "[0; 1] * [2; +inf) = [0; +inf)",
        "(0; 1] * [1; +inf) = (0; +inf)",
        "(2; 3) * [10; 10] = (20; 30)",
        "[9710,5; 9711,5] / [4; 4] = [2427,625; 2427,875]",
        "(2400; +inf) / [4; 4] = (600; +inf)",
        "[-6; 3] / [2; 3] = [-3; 1,5]",
        "[1; 2] / (0; 1] = [1; +inf)",
        "[1; 2] / [2; +inf) = (0; 1]",
        "[0; 2] / [2; +inf) = [0; 1]",
        "[1; 2] / [-1; 1] = nil",
        "[1; 2] / [0; 1] = nil",
    ])
    func arithmetic(_ line: String) {
        let sides = line.components(separatedBy: " = ")
        for op in [" + ", " - ", " * ", " / "] {
            let parts = sides[0].components(separatedBy: op)
            guard parts.count == 2 else { continue }
            let a = interval(parts[0]), b = interval(parts[1])
            let r: ValueInterval? = switch op {
            case " + ": a + b
            case " - ": a - b
            case " * ": a * b
            default: a / b
            }
            #expect(written(r) == sides[1], "\(line)")
            return
        }
        Issue.record("no operation in \(line)")
    }

    /// A quotient that does not end is rounded outward: it still holds the true value.
    @Test(arguments: ["1", "-1", "2", "-7"])
    func outwardRounding(_ n: String) throws {
        let x = Decimal(string: n)!
        let quotient: ValueInterval? = ValueInterval.exactly(x) / ValueInterval.exactly(3)
        let q = try #require(quotient)
        let lower = try #require(q.lower), upper = try #require(q.upper)
        #expect(lower * 3 <= x && upper * 3 >= x)
        #expect(lower < upper && upper - lower < Decimal(string: "1e-30")!)
    }

    /// `A overlaps B`, `A contains B`, true or false.
    @Test(arguments: [
        ("[2427,625; 2427,875]", "overlaps", "(2400; +inf)", true),   // 9.711 / 4 against `trên 2.400`
        ("[2427,625; 2427,875]", "overlaps", "(2500; +inf)", false),
        ("[1; 2]", "overlaps", "[2; 3]", true),
        ("[1; 2)", "overlaps", "[2; 3]", false),
        ("[1; 2]", "overlaps", "(2; +inf)", false),
        ("(-inf; +inf)", "overlaps", "[7; 7]", true),
        ("(2; 2)", "overlaps", "(-inf; +inf)", false),
        ("(2300; +inf)", "contains", "[2337,5; 2338,5]", true),        // 2.338 meets `trên 2.300`
        ("(2300; +inf)", "contains", "(2400; +inf)", true),            // so does `trên 2.400`
        ("(2300; +inf)", "contains", "[2300; 2301]", false),
        ("[2300; +inf)", "contains", "(2300; 2301]", true),
        ("[1; 2]", "contains", "[1; 2]", true),
        ("[1; 2)", "contains", "[1; 2]", false),
        ("[1; 2]", "contains", "(-inf; 2]", false),
    ])
    func tests(a: String, test: String, b: String, expected: Bool) {
        let x = interval(a), y = interval(b)
        #expect((test == "overlaps" ? x.overlaps(y) : x.contains(y)) == expected)
        if test == "overlaps" { #expect(y.overlaps(x) == expected, "symmetric") }
    }

    /// What meets and what falls short of a target.
    @Test(arguments: [
        ("(2300; +inf)", "(2300; +inf)", "(-inf; 2300]"),
        ("[2299,5; 2300,5]", "[2299,5; +inf)", "(-inf; 2299,5)"),
    ])
    func targetSides(target: String, meets: String, short: String) {
        #expect(written(interval(target).atOrAbove) == meets)
        #expect(written(interval(target).below) == short)
    }
}
