import VietText

/// The entities of a text, rule family by rule family (`Rules/`). Places only, so far.
public struct EntityExtractor: Sendable {
    public let lexicon: EntityLexicon

    public init(lexicon: EntityLexicon) {
        self.lexicon = lexicon
    }

    /// The entities of an analysed text, in text order.
    public func extract(_ text: AnalyzedText) -> [Entity] {
        Places.find(in: text, lexicon: lexicon).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
