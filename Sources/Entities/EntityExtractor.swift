import VietText

/// The entities of a text, rule family by rule family (`Rules/`): organisations first, then
/// documents, places and people (a person's name never overlaps a name the others claim). Built
/// once from the language data and `Sendable`: shared by every task.
public struct EntityExtractor: Sendable {
    public let lexicon: EntityLexicon
    let grammar: Grammar
    let figureLinks: FigureLinks

    public init(lexicon: EntityLexicon) {
        self.lexicon = lexicon
        grammar = Grammar(lexicon)
        figureLinks = FigureLinks(lexicon: lexicon)
    }

    public static func builtin() throws -> EntityExtractor { EntityExtractor(lexicon: try EntityLexicon.builtin()) }

    /// Every mention in an analysed text, in text order (UTF-16 ranges of `text.text.original`).
    /// `authors` (from the article's byline) are people wherever the text names them.
    public func mentions(in text: AnalyzedText, authors: [String] = []) -> [EntityMention] {
        analyze(text, authors: authors).mentions
    }

    /// The mentions of a text and the phrases that name a whole unit (`toàn tỉnh`), in one pass.
    public func analyze(_ text: AnalyzedText, authors: [String] = []) -> TextEntities {
        let v = TokenView(text, vocabulary: grammar.vocabulary)
        var phrases: [UnitPhrase] = []
        var i = 0
        while i < v.count {
            if let m = grammar.unitPhrases.match(v, at: i) {
                phrases.append(UnitPhrase(range: v.range(i, i + m.length), text: v.string(i, i + m.length), level: m.value))
                i += m.length
            } else {
                i += 1
            }
        }
        return TextEntities(mentions: mentions(v, authors: authors), unitPhrases: phrases)
    }

    private func mentions(_ v: TokenView, authors: [String]) -> [EntityMention] {
        // an author's name is a person even where it reads as a body (`Trường Hoàng`)
        let organizations = Organizations(grammar: grammar).find(v).filter { !authors.contains($0.text) }
        let documents = Documents(grammar: grammar).find(v, skipping: organizations.map(\.range))
        let places = Places(grammar: grammar).find(v, skipping: organizations.map(\.range))
        let claimed = (organizations + documents + places).map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        // a name that is also a street's or a school's (`đường Phạm Văn Đồng`) is the place's
        let named = Set(places.compactMap { p in p.text.firstIndex(of: " ").map { String(p.text[p.text.index(after: $0)...]) } })
        let people = People(grammar: grammar).find(v, skipping: claimed, authors: authors).filter { !named.contains($0.text) }
        return (organizations + documents + places + people)
            .sorted { ($0.range.lowerBound, -$0.range.upperBound) < ($1.range.lowerBound, -$1.range.upperBound) }
    }

    /// The units an article is about, from its mentions (`toàn tỉnh` resolves to its province).
    public func home(of mentions: [EntityMention]) -> ArticleHome { ArticleHome.of(mentions, lexicon: lexicon) }

    /// The subject and place of each figure (UTF-16 ranges in `text`), from what `analyze` found in `text`.
    public func links(figures: [Range<Int>], found: TextEntities, in text: AnalyzedText,
                      home: ArticleHome) -> [(subject: FigureLink?, place: FigureLink?)] {
        figureLinks.links(figures: figures, found: found, in: text, home: home)
    }

    /// The distinct entities of a whole text (offsets: Unicode scalars).
    public func entities(in text: AnalyzedText, article: String? = nil, authors: [String] = []) -> [Entity] {
        var all = ArticleEntities(article: article)
        let offsets = ScalarOffsets(text.text.original)
        all.add(mentions(in: text, authors: authors), offset: offsets.scalarOffset)
        return all.entities
    }
}

/// What the entity rules find in one text: the mentions, and the phrases that name the whole unit
/// an article is about (`toàn tỉnh`, `tỉnh ta`) as a figure's subject.
public struct TextEntities: Sendable {
    public var mentions: [EntityMention]
    public var unitPhrases: [UnitPhrase]
}

/// `toàn tỉnh`: its UTF-16 range, words, and the level word of the unit it names (nil: the country).
public struct UnitPhrase: Sendable, Equatable {
    public var range: Range<Int>
    public var text: String
    public var level: String?
}
