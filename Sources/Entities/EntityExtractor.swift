import VietText

/// The entities of a text, rule family by rule family (`Rules/`). Built once from the language
/// data and `Sendable`: shared by every task.
public struct EntityExtractor: Sendable {
    public let lexicon: EntityLexicon
    /// The gazetteer's names by first syllable (built once).
    let placeNames: [String: [[String]]]
    let figureLinks: FigureLinks

    public init(lexicon: EntityLexicon) {
        self.lexicon = lexicon
        placeNames = GazetteerNames.names(lexicon)
        figureLinks = FigureLinks(lexicon: lexicon)
    }

    /// The units an article is about, from its mentions (`toàn tỉnh` resolves to its province).
    public func home(of mentions: [EntityMention]) -> ArticleHome { ArticleHome.of(mentions, lexicon: lexicon) }

    /// The subject and place of each figure (UTF-16 ranges in `text`), from the mentions of `text`.
    public func links(figures: [Range<Int>], mentions: [EntityMention], in text: AnalyzedText,
                      home: ArticleHome) -> [(subject: FigureLink?, place: FigureLink?)] {
        figureLinks.links(figures: figures, mentions: mentions, in: text, home: home)
    }

    public static func builtin() throws -> EntityExtractor { EntityExtractor(lexicon: try EntityLexicon.builtin()) }

    /// Every mention in an analysed text, in text order (UTF-16 ranges of `text.text.original`).
    public func mentions(in text: AnalyzedText) -> [EntityMention] {
        let levelled = Places.find(in: text, lexicon: lexicon)
        let named = GazetteerNames.find(in: text, names: placeNames, skipping: levelled.map(\.range))
        return (levelled + named).sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// The distinct entities of a whole text (offsets: Unicode scalars).
    public func entities(in text: AnalyzedText, article: String? = nil) -> [Entity] {
        var all = ArticleEntities(article: article)
        let offsets = ScalarOffsets(text.text.original)
        all.add(mentions(in: text), offset: offsets.scalarOffset)
        return all.entities
    }
}
