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
/// original article. Schema 2 adds what a store and a cross-checker need: `id` (the figure's
/// ordinal in its article, from 1), `sentenceIndex` (the sentence's ordinal, from 0), the printed
/// `precision` and the `interval` of values the text allows; `time` is a typed `Period`.
/// Schema 3 adds `subject` and `place` (what and where the figure is about), set by the entity
/// rules when the text says them.
public struct Figure: Codable, Sendable, Equatable {
    public static let schemaVersion = 3
    /// The JSON Schema of the record (`figure.schema.json`).
    public static var schemaURL: URL? { Bundle.module.url(forResource: "figure.schema", withExtension: "json") }

    public var schemaVersion: Int = Figure.schemaVersion
    /// The article's file name (set by the caller that knows it).
    public var article: String?
    /// The figure's ordinal in its article (1, 2, ...): stable for the same text and extractor.
    public var id: Int
    /// The exact words of the article, qualifier to unit head.
    public var text: String
    /// The canonical number (the lower end of a range), exact: no binary floating point.
    public var value: Decimal
    /// The upper end of a range; never below `value`.
    public var valueMax: Decimal?
    /// What is counted or measured; money: the currency. Empty when nothing is said.
    public var unit: String
    public var qualifier: Qualifier
    /// The denominator of a per-rate (`năm`, `người/năm`), nil when none.
    public var rate: String?
    /// The period the figure refers to when the article states it.
    public var time: Period?
    public var start: Int
    public var end: Int
    /// The ordinal of the figure's sentence in its article (0, 1, ...).
    public var sentenceIndex: Int
    public var sentence: String
    /// The step of the last printed digit times the scale: `1,5 tỷ` -> 100000000, `2.400` -> 1.
    public var precision: Decimal
    /// The values the text allows, from `precision` and `qualifier`.
    public var interval: ValueInterval
    /// Set when a digit group could be read two ways (`1,500`) and the article's style decided.
    public var numberStyle: NumberStyle?
    /// The body or group the figure is about (`Đảng bộ tỉnh`, `toàn tỉnh`).
    public var subject: FigureContext?
    /// The most specific place that governs the figure's sentence.
    public var place: FigureContext?

    public init(id: Int = 0, text: String, value: Decimal, valueMax: Decimal? = nil, unit: String, qualifier: Qualifier = .exact,
                rate: String? = nil, time: Period? = nil, start: Int, end: Int, sentenceIndex: Int = 0, sentence: String,
                precision: Decimal = 1, numberStyle: NumberStyle? = nil, article: String? = nil) {
        self.id = id
        self.text = text
        // a negative range (`âm 10-15%`) is -15..-10
        if let m = valueMax, m < value {
            self.value = m
            self.valueMax = value
        } else {
            self.value = value
            self.valueMax = valueMax
        }
        self.unit = unit
        self.qualifier = qualifier
        self.rate = rate
        self.time = time
        self.start = start
        self.end = end
        self.sentenceIndex = sentenceIndex
        self.sentence = sentence
        self.precision = precision
        self.interval = ValueInterval(value: self.value, valueMax: self.valueMax, precision: precision, qualifier: qualifier)
        self.numberStyle = numberStyle
        self.article = article
    }

    /// Sets the qualifier and the interval it implies.
    public mutating func qualify(_ q: Qualifier) {
        qualifier = q
        interval = ValueInterval(value: value, valueMax: valueMax, precision: precision, qualifier: q)
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, article, id, text, value, valueMax, unit, qualifier, rate, time, start, end, sentenceIndex, sentence,
             precision, interval, numberStyle, subject, place
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encodeIfPresent(article, forKey: .article)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        try c.encode(value, forKey: .value)
        try c.encodeIfPresent(valueMax, forKey: .valueMax)
        try c.encode(unit, forKey: .unit)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(rate, forKey: .rate)   // null, as the spec shows it
        try c.encode(time, forKey: .time)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(sentenceIndex, forKey: .sentenceIndex)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(precision, forKey: .precision)
        try c.encode(interval, forKey: .interval)
        try c.encodeIfPresent(numberStyle, forKey: .numberStyle)
        try c.encodeIfPresent(subject, forKey: .subject)
        try c.encodeIfPresent(place, forKey: .place)
    }
}
