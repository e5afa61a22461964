/// Merges the mentions an article's pieces give into one `Entity` per kind and name, numbered in
/// order of first mention; a longer mention of the same entity (`Hoàng Văn Toàn` after `Toàn`)
/// never replaces the first full text, but titles found later are added.
public struct ArticleEntities: Sendable {
    public private(set) var entities: [Entity] = []
    private var index: [Key: Int] = [:]
    public let article: String?

    struct Key: Hashable {
        var kind: Entity.Kind
        var name: String
    }

    public init(article: String? = nil) { self.article = article }

    /// The key two mentions of one entity share: the normalised name, lower-cased.
    static func key(_ m: EntityMention) -> Key {
        Key(kind: m.kind, name: (m.name ?? m.text).split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased())
    }

    /// Adds a piece's mentions; `offset` converts the piece's UTF-16 offsets to the article's
    /// scalar offsets. Returns the entity id of each mention.
    @discardableResult
    public mutating func add(_ mentions: [EntityMention], offset: (Int) -> Int) -> [Int] {
        mentions.map { m in
            let span = Entity.Span(start: offset(m.range.lowerBound), end: offset(m.range.upperBound))
            let key = Self.key(m)
            if let k = index[key] {
                entities[k].mentions.append(span)
                for t in m.titles where !entities[k].titles.contains(t) { entities[k].titles.append(t) }
                return entities[k].id
            }
            let id = entities.count + 1
            let name = (m.name ?? m.text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            entities.append(Entity(id: id, kind: m.kind, text: m.text, name: name, start: span.start, end: span.end,
                                   titles: m.titles, article: article))
            index[key] = entities.count - 1
            return id
        }
    }
}
