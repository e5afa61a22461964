/// A calendar day, without time zone: what a period starts and ends on.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `2019-02-01`.
    public var description: String { "\(year)-\(Period.pad(month))-\(Period.pad(day))" }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// The time a figure refers to: one calendar unit (a day, month, quarter, half or year) or a
/// range from one to another (`2015..2018`, `2017-01..2017-05`).
///
/// Encoded as the spec's strings: `2018`, `2017-H1`, `2017-Q3`, `2017-01`, `2017-01-12`, `A..B`.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible, LosslessStringConvertible {
    public enum Grain: String, Codable, Sendable, CaseIterable {
        case day, month, quarter, half, year, range
    }

    /// One calendar unit.
    public enum Unit: Hashable, Sendable {
        case year(Int)
        case half(Int, Int)
        case quarter(Int, Int)
        case month(Int, Int)
        case day(Int, Int, Int)

        public var grain: Grain {
            switch self {
            case .year: .year
            case .half: .half
            case .quarter: .quarter
            case .month: .month
            case .day: .day
            }
        }

        public var year: Int {
            switch self {
            case .year(let y), .half(let y, _), .quarter(let y, _), .month(let y, _), .day(let y, _, _): y
            }
        }

        /// The first day of the unit.
        public var first: CalendarDay {
            switch self {
            case .year(let y): CalendarDay(year: y, month: 1, day: 1)
            case .half(let y, let h): CalendarDay(year: y, month: h == 1 ? 1 : 7, day: 1)
            case .quarter(let y, let q): CalendarDay(year: y, month: 3 * (q - 1) + 1, day: 1)
            case .month(let y, let m): CalendarDay(year: y, month: m, day: 1)
            case .day(let y, let m, let d): CalendarDay(year: y, month: m, day: d)
            }
        }

        /// The last day of the unit.
        public var last: CalendarDay {
            switch self {
            case .year(let y): CalendarDay(year: y, month: 12, day: 31)
            case .half(let y, let h): CalendarDay(year: y, month: h == 1 ? 6 : 12, day: h == 1 ? 30 : 31)
            case .quarter(let y, let q):
                CalendarDay(year: y, month: 3 * q, day: CalendarDay.daysIn(month: 3 * q, year: y))
            case .month(let y, let m): CalendarDay(year: y, month: m, day: CalendarDay.daysIn(month: m, year: y))
            case .day(let y, let m, let d): CalendarDay(year: y, month: m, day: d)
            }
        }

        var text: String {
            switch self {
            case .year(let y): "\(y)"
            case .half(let y, let h): "\(y)-H\(h)"
            case .quarter(let y, let q): "\(y)-Q\(q)"
            case .month(let y, let m): "\(y)-\(Period.pad(m))"
            case .day(let y, let m, let d): "\(y)-\(Period.pad(m))-\(Period.pad(d))"
            }
        }

        /// `2018`, `2017-H1`, `2017-Q3`, `2017-01`, `2017-01-12`; nil for anything else.
        init?(parsing s: Substring) {
            let parts = s.split(separator: "-", omittingEmptySubsequences: false)
            // ASCII digits only (`Int` would take a sign: `2018-+1`)
            guard parts.allSatisfy({ $0.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x48 || $0 == 0x51 } }) else { return nil }
            guard let first = parts.first, first.count == 4, let y = Int(first), (1000...9999).contains(y) else { return nil }
            switch parts.count {
            case 1:
                self = .year(y)
            case 2:
                let p = parts[1]
                if p.count == 2, p.first == "H", let h = Int(p.dropFirst()), (1...2).contains(h) { self = .half(y, h) }
                else if p.count == 2, p.first == "Q", let q = Int(p.dropFirst()), (1...4).contains(q) { self = .quarter(y, q) }
                else if p.count == 2, p.allSatisfy(\.isASCII), let m = Int(p), (1...12).contains(m) { self = .month(y, m) }
                else { return nil }
            case 3:
                guard parts[1].count == 2, parts[2].count == 2, let m = Int(parts[1]), let d = Int(parts[2]),
                      (1...12).contains(m), d >= 1, d <= CalendarDay.daysIn(month: m, year: y) else { return nil }
                self = .day(y, m, d)
            default:
                return nil
            }
        }
    }

    /// Where the period begins and ends (the same unit for a single one).
    public var from: Unit
    public var to: Unit

    public init(_ unit: Unit) {
        from = unit
        to = unit
    }

    /// A range; nil when `to` ends before `from` begins.
    public init?(from: Unit, to: Unit) {
        guard from.first <= to.last else { return nil }
        self.from = from
        self.to = to
    }

    /// Parses the spec's form; nil when `description` is not one.
    public init?(_ description: String) {
        // `A` or `A..B` (no Foundation: this runs for every figure)
        let utf8 = description.utf8
        guard let dot = utf8.firstIndex(of: 0x2E) else {
            guard let u = Unit(parsing: Substring(description)) else { return nil }
            self.init(u)
            return
        }
        let afterDot = utf8.index(after: dot)
        guard afterDot < utf8.endIndex, utf8[afterDot] == 0x2E else { return nil }
        let secondStart = utf8.index(after: afterDot)
        let second = description[secondStart...]
        guard !second.utf8.contains(0x2E), let a = Unit(parsing: description[..<dot]), let b = Unit(parsing: second) else { return nil }
        self.init(from: a, to: b)
    }

    public var grain: Grain { from == to ? from.grain : .range }
    /// The first day of the period.
    public var start: CalendarDay { from.first }
    /// The last day of the period.
    public var end: CalendarDay { to.last }
    /// The calendar years the period touches (`2015..2018`: 4).
    public var yearCount: Int { to.year - from.year + 1 }

    public var description: String { from == to ? from.text : "\(from.text)..\(to.text)" }

    /// The same period a year earlier (`cùng kỳ năm trước`).
    public func yearBefore() -> Period {
        func shift(_ u: Unit) -> Unit {
            switch u {
            case .year(let y): .year(y - 1)
            case .half(let y, let h): .half(y - 1, h)
            case .quarter(let y, let q): .quarter(y - 1, q)
            case .month(let y, let m): .month(y - 1, m)
            case .day(let y, let m, let d): .day(y - 1, m, m == 2 && d == 29 ? 28 : d)
            }
        }
        return Period(from: shift(from), to: shift(to)) ?? self
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let p = Period(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a period"))
        }
        self = p
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
