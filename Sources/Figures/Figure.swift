import Foundation

/// How close the stated number is to the true amount (`../shared/spec/figures.md`).
public enum Qualifier: String, Codable, Sendable, CaseIterable {
    case exact, over, under, approx, nearly, atLeast, atMost
}

/// How an article writes digit groups and decimals.
public enum NumberStyle: String, Codable, Sendable {
    /// `2.338` is two thousand three hundred thirty-eight, `1,5` is one and a half.
    case vietnamese
    /// `2,338` is two thousand three hundred thirty-eight, `1.5` is one and a half.
    case english
}

/// A figure: a number in an article that counts or measures something, with what it counts.
///
/// Field names follow the spec; `start`/`end` are Unicode-scalar offsets of `text` in the
/// original article, `sentence` is the sentence it was read from.
public struct Figure: Codable, Sendable, Equatable {
    public static let schemaVersion = 1
    /// The JSON Schema of the record (`figure.schema.json`).
    public static var schemaURL: URL? { Bundle.module.url(forResource: "figure.schema", withExtension: "json") }

    public var schemaVersion: Int = Figure.schemaVersion
    /// The article's file name (set by the caller that knows it).
    public var article: String?
    /// The exact words of the article, qualifier to unit head.
    public var text: String
    /// The canonical number (the lower end of a range), exact: no binary floating point.
    public var value: Decimal
    /// The upper end of a range.
    public var valueMax: Decimal?
    /// What is counted or measured; money: the currency. Empty when nothing is said.
    public var unit: String
    public var qualifier: Qualifier
    /// The denominator of a per-rate (`năm`, `người/năm`), nil when none.
    public var rate: String?
    /// `2018`, `2017-H1`, `2017-Q3`, `2017-01`, `2017-01-12` or a range `A..B`; nil when not stated.
    public var time: String?
    public var start: Int
    public var end: Int
    public var sentence: String
    /// Set when a digit group could be read two ways (`1,500`) and the article's style decided.
    public var numberStyle: NumberStyle?

    public init(text: String, value: Decimal, valueMax: Decimal? = nil, unit: String, qualifier: Qualifier = .exact,
                rate: String? = nil, time: String? = nil, start: Int, end: Int, sentence: String,
                numberStyle: NumberStyle? = nil, article: String? = nil) {
        self.text = text
        self.value = value
        self.valueMax = valueMax
        self.unit = unit
        self.qualifier = qualifier
        self.rate = rate
        self.time = time
        self.start = start
        self.end = end
        self.sentence = sentence
        self.numberStyle = numberStyle
        self.article = article
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, article, text, value, valueMax, unit, qualifier, rate, time, start, end, sentence, numberStyle
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encodeIfPresent(article, forKey: .article)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(valueMax, forKey: .valueMax)
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(rate, forKey: .rate)   // null, as the spec shows it
        try c.encode(time, forKey: .time)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(sentence, forKey: .sentence)
        try c.encodeIfPresent(numberStyle, forKey: .numberStyle)
    }
}
