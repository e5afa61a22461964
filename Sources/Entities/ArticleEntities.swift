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

    /// The key two mentions of one entity share: the normalised name, lower-cased, without the
    /// spaces and dots that vary (`TP.Hà Nội`, `TP. Hà Nội`, `TP Hà Nội`).
    static func key(_ m: EntityMention) -> Key {
        Key(kind: m.kind, name: String((m.name ?? m.text).lowercased().unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "." }.map(Character.init)))
    }

    /// A shorter later mention of an entity already named in full: the first words of an
    /// organisation or document (`Nghị quyết Đại hội` after `Nghị quyết Đại hội Đảng bộ tỉnh lần
    /// thứ XVI`), or the given name of a person (`ông Toàn` after `Hoàng Văn Toàn`).
    private func earlier(_ m: EntityMention) -> Int? {
        let words = m.text.split(whereSeparator: \.isWhitespace)
        switch m.kind {
        case .person:
            guard words.count == 1 else { return nil }
            return entities.lastIndex { $0.kind == .person && $0.text.split(separator: " ").count > 1 && $0.text.split(separator: " ").last == words[0] }
        case .organization, .document:
            let prefix = words.joined(separator: " ").lowercased() + " "
            return entities.lastIndex { $0.kind == m.kind && $0.text.lowercased().hasPrefix(prefix) }
        case .place:
            return nil
        }
    }

    /// Adds a piece's mentions; `offset` converts the piece's UTF-16 offsets to the article's
    /// scalar offsets. Returns the entity id of each mention.
    @discardableResult
    public mutating func add(_ mentions: [EntityMention], offset: (Int) -> Int) -> [Int] {
        mentions.map { m in
            let span = Entity.Span(start: offset(m.range.lowerBound), end: offset(m.range.upperBound))
            let key = Self.key(m)
            if let k = index[key] ?? earlier(m) {
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
