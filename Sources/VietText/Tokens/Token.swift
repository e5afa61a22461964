/// One token of a text: its kind and where it is, in both the original and the normalized text.
///
/// Tokens never overlap and come in text order; what lies between two tokens is whitespace
/// (or zero-width characters), so the tokens and the gaps give back the input exactly.
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable, CaseIterable, Codable {
        /// A syllable or other run of letters: `đảng`, `Hùng`, `ĐẢNG`.
        case syllable
        /// An abbreviation: `UBND`, `ĐVTN`, `TP.HCM`, `TP.`, `v.v.`
        case abbreviation
        /// Digits with Vietnamese separators: `2.338`, `1.234,56`, `1,5`.
        case number
        /// A number with a percent sign: `3,5%`.
        case percent
        /// A date written with slashes: `01/02/2019`, `1/2017`.
        case date
        /// Two numbers joined by `/` that are not a date: `34/39`, `3/4`.
        case fraction
        /// Two numbers joined by a hyphen: `2015-2018`, `10-15`, `10-15%`.
        case range
        /// An identifier mixing letters, digits, `/` and `-`: `05-NQ/TU`, `1234/QĐ-UBND`, `VN30`.
        case code
        /// Punctuation: `.`, `,`, `(`, `"`, `...`
        case punctuation
        /// Any other symbol: `%`, `$`, `+`, `/`, emoji.
        case symbol
    }

    public var kind: Kind
    /// UTF-16 offsets into the original text.
    public var range: Range<Int>
    /// UTF-16 offsets into the normalized text.
    public var normalizedRange: Range<Int>

    public init(kind: Kind, range: Range<Int>, normalizedRange: Range<Int>) {
        self.kind = kind
        self.range = range
        self.normalizedRange = normalizedRange
    }

    /// Whether the token can be part of a multi-syllable word.
    public var isSyllable: Bool { kind == .syllable }
}

extension Token.Kind: CustomStringConvertible {
    public var description: String {
        switch self {
        case .syllable: "syllable"
        case .abbreviation: "abbreviation"
        case .number: "number"
        case .percent: "percent"
        case .date: "date"
        case .fraction: "fraction"
        case .range: "range"
        case .code: "code"
        case .punctuation: "punctuation"
        case .symbol: "symbol"
        }
    }
}
