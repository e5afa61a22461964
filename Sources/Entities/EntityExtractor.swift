import VietText

/// The entities of a text, rule family by rule family (`Rules/`). Places only, so far.
public struct EntityExtractor: Sendable {
    public let lexicon: EntityLexicon
    /// The gazetteer's names by first syllable (built once).
    let placeNames: [String: [[String]]]

    public init(lexicon: EntityLexicon) {
        self.lexicon = lexicon
        placeNames = GazetteerNames.names(lexicon)
    }

    /// The entities of an analysed text, in text order.
    public func extract(_ text: AnalyzedText) -> [Entity] {
        let levelled = Places.find(in: text, lexicon: lexicon)
        let named = GazetteerNames.find(in: text, names: placeNames, skipping: levelled.map { $0.start..<$0.end })
        return (levelled + named).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
