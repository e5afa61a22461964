import Foundation

/// The values a printed figure allows, from its printed precision and its qualifier
/// (`../shared/spec/relations.md`): `2.400` covers [2.399,5; 2.400,5], `1,5 tỷ` covers
/// [1,45; 1,55] tỷ, `trên 2.400` is (2.400; +inf), `gần X` is [0,9X; X], `khoảng X` is [0,9X; 1,1X].
/// A nil bound is unbounded.
public struct ValueInterval: Hashable, Sendable, Codable {
    public var lower: Decimal?
    public var upper: Decimal?
    /// Whether `lower` itself is excluded (`trên 2.400`).
    public var lowerOpen: Bool
    /// Whether `upper` itself is excluded (`dưới 5%`).
    public var upperOpen: Bool

    public init(lower: Decimal?, upper: Decimal?, lowerOpen: Bool = false, upperOpen: Bool = false) {
        self.lower = lower
        self.upper = upper
        self.lowerOpen = lowerOpen
        self.upperOpen = upperOpen
    }

    /// The share of the value that `approx` and `nearly` allow (spec: 0,9X).
    public static let looseness = Decimal(string: "0.1")!
    static let half = Decimal(string: "0.5")!

    /// The interval of `value` (to `valueMax` for a range) printed with `precision` under `qualifier`.
    public init(value: Decimal, valueMax: Decimal?, precision: Decimal, qualifier: Qualifier) {
        let low = value, high = valueMax ?? value
        let half = precision * ValueInterval.half
        let loose = ValueInterval.looseness
        switch qualifier {
        case .exact:
            self.init(lower: low - half, upper: high + half)
        case .over:
            self.init(lower: low, upper: nil, lowerOpen: true)
        case .atLeast:
            self.init(lower: low, upper: nil)
        case .under:
            self.init(lower: nil, upper: high, upperOpen: true)
        case .atMost:
            self.init(lower: nil, upper: high)
        case .nearly:
            // toward zero from the stated value (`gần 24%` is [21,6; 24], `âm gần 18` is [-18; -16,2]);
            // a range keeps its stated ends (`gần 10-15%` is [9; 15])
            let a = low - low * loose
            self.init(lower: Swift.min(a, low, high), upper: Swift.max(a, low, high))
        case .approx:
            let a = low - abs(low) * loose, b = high + abs(high) * loose
            self.init(lower: Swift.min(a, b), upper: Swift.max(a, b))
        }
    }

    /// Whether `x` lies in the interval.
    public func contains(_ x: Decimal) -> Bool {
        if let l = lower, lowerOpen ? x <= l : x < l { return false }
        if let u = upper, upperOpen ? x >= u : x > u { return false }
        return true
    }

    enum CodingKeys: String, CodingKey { case lower, upper, lowerOpen, upperOpen }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lower, forKey: .lower)   // null: unbounded
        try c.encode(upper, forKey: .upper)
        try c.encode(lowerOpen, forKey: .lowerOpen)
        try c.encode(upperOpen, forKey: .upperOpen)
    }
}
