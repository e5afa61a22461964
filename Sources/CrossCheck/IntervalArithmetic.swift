import Figures
import Foundation

/// Interval arithmetic over exact `Decimal` bounds (no binary floating point), for checking
/// relations between printed figures: a nil bound is unbounded (-inf below, +inf above), an open
/// bound is excluded.
///
/// Sums, differences and products are exact (up to `Decimal`'s 38 digits). A quotient whose
/// digits do not end (`1 / 3`) is rounded outward (the lower bound down, the upper bound up), so
/// the result still contains every true quotient. Division takes a denominator that is strictly
/// positive (lower bound > 0, or = 0 and open); any other is not handled yet (nil).
extension ValueInterval {
    /// The single value `x`: [x; x].
    public static func exactly(_ x: Decimal) -> ValueInterval { ValueInterval(lower: x, upper: x) }

    /// Every value: (-inf; +inf).
    public static let everything = ValueInterval(lower: nil, upper: nil)

    /// No value lies in it (`(2; 2)`, `[3; 2]`).
    public var isEmpty: Bool {
        guard let l = lower, let u = upper else { return false }
        return l > u || (l == u && (lowerOpen || upperOpen))
    }

    /// { a + b }.
    public static func + (a: ValueInterval, b: ValueInterval) -> ValueInterval {
        ValueInterval(lower: add(a.lower, b.lower), upper: add(a.upper, b.upper),
                      lowerOpen: a.lowerOpen || b.lowerOpen, upperOpen: a.upperOpen || b.upperOpen)
    }

    /// { a - b }.
    public static func - (a: ValueInterval, b: ValueInterval) -> ValueInterval {
        ValueInterval(lower: subtract(a.lower, b.upper), upper: subtract(a.upper, b.lower),
                      lowerOpen: a.lowerOpen || b.upperOpen, upperOpen: a.upperOpen || b.lowerOpen)
    }

    /// { a * b }: the least and greatest of the products of the ends (0 times an unbounded end is 0).
    public static func * (a: ValueInterval, b: ValueInterval) -> ValueInterval {
        let xs = [a.lowerEnd, a.upperEnd], ys = [b.lowerEnd, b.upperEnd]
        var products: [End] = []
        for x in xs { for y in ys { products.append(x.times(y)) } }
        return ValueInterval(ends: products)
    }

    /// { a / b } for a denominator `b` that is strictly positive; nil for any other (not handled yet).
    public static func / (a: ValueInterval, b: ValueInterval) -> ValueInterval? {
        guard let bl = b.lower, bl > 0 || (bl == 0 && b.lowerOpen), !b.isEmpty else { return nil }
        // with b > 0 the quotient grows with a: its lower end is a.lower over b's upper end when
        // a.lower >= 0 and over b's lower end when it is negative; the upper end the other way
        let lower: Decimal?, lowerOpen: Bool
        if let al = a.lower {
            let d = al >= 0 ? b.upperEnd : b.lowerEnd
            (lower, lowerOpen) = quotient(al, open: a.lowerOpen, by: d, roundingDown: true)
        } else {
            (lower, lowerOpen) = (nil, false)
        }
        let upper: Decimal?, upperOpen: Bool
        if let au = a.upper {
            let d = au >= 0 ? b.lowerEnd : b.upperEnd
            (upper, upperOpen) = quotient(au, open: a.upperOpen, by: d, roundingDown: false)
        } else {
            (upper, upperOpen) = (nil, false)
        }
        return ValueInterval(lower: lower, upper: upper, lowerOpen: lowerOpen, upperOpen: upperOpen)
    }

    /// Whether some value lies in both.
    public func overlaps(_ other: ValueInterval) -> Bool {
        guard !isEmpty, !other.isEmpty else { return false }
        return !intersection(other).isEmpty
    }

    /// The values in both.
    public func intersection(_ other: ValueInterval) -> ValueInterval {
        var r = self
        if let ol = other.lower {
            if let l = r.lower {
                if ol > l { (r.lower, r.lowerOpen) = (ol, other.lowerOpen) } else if ol == l { r.lowerOpen = r.lowerOpen || other.lowerOpen }
            } else {
                (r.lower, r.lowerOpen) = (ol, other.lowerOpen)
            }
        }
        if let ou = other.upper {
            if let u = r.upper {
                if ou < u { (r.upper, r.upperOpen) = (ou, other.upperOpen) } else if ou == u { r.upperOpen = r.upperOpen || other.upperOpen }
            } else {
                (r.upper, r.upperOpen) = (ou, other.upperOpen)
            }
        }
        return r
    }

    /// Whether every value of `other` lies in this one (an empty `other` lies in anything).
    public func contains(_ other: ValueInterval) -> Bool {
        if other.isEmpty { return true }
        if let l = lower {
            guard let ol = other.lower else { return false }
            if ol < l || (ol == l && lowerOpen && !other.lowerOpen) { return false }
        }
        if let u = upper {
            guard let ou = other.upper else { return false }
            if ou > u || (ou == u && upperOpen && !other.upperOpen) { return false }
        }
        return true
    }

    /// Every value at or above (or, open, strictly above) this interval's lower end: what meets a
    /// target of this interval (`trên 2.300` is met by anything above 2.300, `2.300` by anything
    /// from 2.299,5).
    public var atOrAbove: ValueInterval { ValueInterval(lower: lower, upper: nil, lowerOpen: lowerOpen) }

    /// Every value strictly below the lower end: what falls short of a target of this interval.
    public var below: ValueInterval {
        guard let l = lower else { return ValueInterval(lower: 0, upper: 0, lowerOpen: true, upperOpen: true) }
        return ValueInterval(lower: nil, upper: l, upperOpen: !lowerOpen)
    }

    // MARK: - ends

    /// An end of an interval: a value or an infinity, and whether it is excluded.
    struct End {
        enum Value { case negativeInfinity, finite(Decimal), positiveInfinity }
        var value: Value
        var open: Bool

        func times(_ o: End) -> End {
            switch (value, o.value) {
            case (.finite(let x), .finite(let y)):
                // a closed 0 times anything is an attained 0
                if (x == 0 && !open) || (y == 0 && !o.open) { return End(value: .finite(0), open: false) }
                return End(value: .finite(x * y), open: open || o.open)
            case (.finite(let x), _), (_, .finite(let x)):
                let inf = { if case .finite = value { return o.value } else { return value } }()
                let xOpen: Bool = { if case .finite = value { return open } else { return o.open } }()
                if x == 0 { return End(value: .finite(0), open: xOpen) }
                let positive = (x > 0) == { if case .positiveInfinity = inf { return true } else { return false } }()
                return End(value: positive ? .positiveInfinity : .negativeInfinity, open: true)
            default:
                let same: Bool = { switch (value, o.value) {
                case (.positiveInfinity, .positiveInfinity), (.negativeInfinity, .negativeInfinity): return true
                default: return false } }()
                return End(value: same ? .positiveInfinity : .negativeInfinity, open: true)
            }
        }

        /// Orders by value; at the same value, `closedFirstBelow` decides nothing: openness is merged.
        var rank: (Int, Decimal) {
            switch value {
            case .negativeInfinity: (-1, 0)
            case .finite(let x): (0, x)
            case .positiveInfinity: (1, 0)
            }
        }
    }

    var lowerEnd: End { End(value: lower.map { .finite($0) } ?? .negativeInfinity, open: lower == nil || lowerOpen) }
    var upperEnd: End { End(value: upper.map { .finite($0) } ?? .positiveInfinity, open: upper == nil || upperOpen) }

    /// The hull of candidate ends: the least and the greatest, each closed when some candidate
    /// reaching it is closed.
    init(ends: [End]) {
        func less(_ a: End, _ b: End) -> Bool { a.rank.0 != b.rank.0 ? a.rank.0 < b.rank.0 : a.rank.1 < b.rank.1 }
        func same(_ a: End, _ b: End) -> Bool { a.rank.0 == b.rank.0 && a.rank.1 == b.rank.1 }
        var lo = ends[0], hi = ends[0]
        for e in ends.dropFirst() {
            if less(e, lo) { lo = e } else if same(e, lo) { lo.open = lo.open && e.open }
            if less(hi, e) { hi = e } else if same(e, hi) { hi.open = hi.open && e.open }
        }
        let lower: Decimal? = { if case .finite(let x) = lo.value { return x } else { return nil } }()
        let upper: Decimal? = { if case .finite(let x) = hi.value { return x } else { return nil } }()
        // an infinite lower end that is +inf (or upper that is -inf) cannot arise from non-empty
        // intervals; treat it as unbounded
        self.init(lower: lower, upper: upper, lowerOpen: lower != nil && lo.open, upperOpen: upper != nil && hi.open)
    }

    static func add(_ a: Decimal?, _ b: Decimal?) -> Decimal? {
        guard let a, let b else { return nil }
        return a + b
    }

    static func subtract(_ a: Decimal?, _ b: Decimal?) -> Decimal? {
        guard let a, let b else { return nil }
        return a - b
    }

    /// `x / d` for a positive denominator end (+inf gives 0, an open 0 gives an infinity: nil),
    /// rounded outward when it does not end.
    static func quotient(_ x: Decimal, open: Bool, by d: End, roundingDown: Bool) -> (Decimal?, Bool) {
        if x == 0 { return (0, open) }
        switch d.value {
        case .positiveInfinity:
            return (0, true)
        case .negativeInfinity:
            return (0, true)   // not reached: the denominator is positive
        case .finite(let y):
            if y == 0 { return (nil, false) }   // x / 0+ = +-inf
            var q = Decimal(), n = x, m = y
            _ = NSDecimalDivide(&q, &n, &m, .plain)
            // Foundation's division rounds to 38 digits, whatever the rounding mode asked: when the
            // quotient does not check out exactly (or is long enough for the check to round), widen
            // it by one unit in its last place, outward
            if q * y != x || q.significand.description.count >= 30 {
                // (`Decimal.ulp` is a digit too fine on Linux: the unit of the exponent instead)
                let unit = Decimal(sign: .plus, exponent: q.exponent, significand: 1)
                q = roundingDown ? q - unit : q + unit
                return (q, true)
            }
            return (q, open || d.open)
        }
    }
}
