/// A named thing an article mentions (`../shared/spec/entities.md`): one record per distinct
/// entity of an article, with the text as first written in full and every mention.
public struct Entity: Codable, Sendable, Equatable {
    public static let schemaVersion = 1

    public enum Kind: String, Codable, Sendable, CaseIterable { case person, organization, place, document }

    public var schemaVersion: Int = Entity.schemaVersion
    /// The article's name (set by the caller that knows it).
    public var article: String?
    /// The entity's ordinal in its article (1, 2, ...), in order of first mention.
    public var id: Int
    public var kind: Kind
    /// The words as first written in full.
    public var text: String
    /// The normalised name: abbreviations expanded (`UBND tỉnh` -> `Ủy ban nhân dân tỉnh`), one
    /// spelling of tone marks, single spaces. Mentions with the same kind and name are one entity.
    public var name: String
    /// Unicode-scalar offsets of the first full mention in the original article.
    public var start: Int
    public var end: Int
    /// For a person: the titles and roles written next to the name, as written.
    public var titles: [String]
    /// Every mention, in text order (the first full one included).
    public var mentions: [Span]

    public struct Span: Codable, Sendable, Equatable, Hashable {
        public var start: Int
        public var end: Int
        public init(start: Int, end: Int) { self.start = start; self.end = end }
    }

    public init(id: Int, kind: Kind, text: String, name: String? = nil, start: Int, end: Int, titles: [String] = [],
                mentions: [Span]? = nil, article: String? = nil) {
        self.id = id
        self.kind = kind
        self.text = text
        self.name = name ?? text
        self.start = start
        self.end = end
        self.titles = titles
        self.mentions = mentions ?? [Span(start: start, end: end)]
        self.article = article
    }

    enum CodingKeys: String, CodingKey { case schemaVersion, article, id, kind, text, name, start, end, titles, mentions }
}

/// One place in a text where a rule found an entity: what the rules return, before the mentions
/// of an article are merged into `Entity` records (`ArticleEntities`).
public struct EntityMention: Sendable, Equatable {
    public var kind: Entity.Kind
    /// UTF-16 offsets into the analysed text's original.
    public var range: Range<Int>
    /// The words as written.
    public var text: String
    /// The normalised name when it differs from `text` (abbreviations expanded).
    public var name: String?
    /// For a person: the titles written next to the name.
    public var titles: [String]
    /// For a place: its level (1 province ... 4 hamlet, 0 a country, region or facility), when known.
    public var rank: Int?

    public init(kind: Entity.Kind, range: Range<Int>, text: String, name: String? = nil, titles: [String] = [], rank: Int? = nil) {
        self.kind = kind
        self.range = range
        self.text = text
        self.name = name
        self.titles = titles
        self.rank = rank
    }
}
