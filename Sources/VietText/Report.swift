/// The Codable view of an analyzed text that `solieu tokenize --format json` prints.
/// Offsets are Unicode-scalar offsets into the original text, `end` exclusive.
public struct TextReport: Codable, Sendable, Equatable {
    public static let schemaVersion = 1

    public struct TokenRecord: Codable, Sendable, Equatable {
        public var text: String
        public var normalized: String?
        public var kind: Token.Kind
        public var start: Int
        public var end: Int
    }

    public struct WordRecord: Codable, Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        public var syllables: Int
    }

    public struct SentenceRecord: Codable, Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        public var tokens: [TokenRecord]
        public var words: [WordRecord]
    }

    public var schemaVersion: Int
    public var source: String?
    public var sentences: [SentenceRecord]

    public init(_ analyzed: AnalyzedText, source: String?) {
        let offsets = ScalarOffsets(analyzed.text.original)
        let tokens = analyzed.tokens
        func token(_ t: Token) -> TokenRecord {
            let original = analyzed.original(t)
            let normalized = analyzed.normalized(t)
            return TokenRecord(text: original, normalized: normalized.utf16.elementsEqual(original.utf16) ? nil : normalized,
                               kind: t.kind, start: offsets.scalarOffset(t.range.lowerBound),
                               end: offsets.scalarOffset(t.range.upperBound))
        }
        func word(_ w: Word) -> WordRecord {
            WordRecord(text: analyzed.original(w), start: offsets.scalarOffset(tokens[w.tokens.lowerBound].range.lowerBound),
                       end: offsets.scalarOffset(tokens[w.tokens.upperBound - 1].range.upperBound), syllables: w.tokens.count)
        }
        self.schemaVersion = Self.schemaVersion
        self.source = source
        self.sentences = analyzed.sentences.map { s in
            SentenceRecord(text: analyzed.original(s), start: offsets.scalarOffset(s.range.lowerBound),
                           end: offsets.scalarOffset(s.range.upperBound),
                           tokens: s.tokens.map { token(tokens[$0]) },
                           words: s.words.map { word(analyzed.words[$0]) })
        }
    }
}

extension Token.Kind {
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let kind = Token.Kind.allCases.first(where: { $0.description == name }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown token kind \(name)"))
        }
        self = kind
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
