/// Merges the mentions an article's pieces give into one `Entity` per kind and name, numbered in
/// order of first mention. A shorter later mention of an entity named in full joins it: the first
/// words of an organisation or document (`Nghị quyết Đại hội` after `Nghị quyết Đại hội Đảng bộ
/// tỉnh lần thứ XVI`), or the given name of a person (`ông Toàn` after `Hoàng Văn Toàn`). Titles
/// found later are added. Keys are lower-case UTF-16 (no `String` hashing on this path).
public struct ArticleEntities: Sendable {
    public private(set) var entities: [Entity] = []
    private var index: [Key: Int] = [:]
    /// The same keys by a 64-bit hash (FNV-1a of kind and units): repeated mentions are found
    /// without hashing arrays.
    private var hashed: [UInt64: Int] = [:]
    /// Per entity: its words in lower case joined by single spaces, with a space after.
    private var prefixes: [[UInt16]] = []
    /// Per entity: the lower case of its last word (for persons).
    private var lastWords: [[UInt16]] = []
    public let article: String?

    struct Key: Hashable {
        var kind: Entity.Kind
        var name: [UInt16]
    }

    public init(article: String? = nil) { self.article = article }

    /// Level words that end a body named by its level only (`UBND tỉnh`, `Đảng bộ huyện`, `Công an TP`).
    static let levelEndings: Set<[UInt16]> = Set(["tỉnh", "huyện", "xã", "phố", "quận", "phường", "tp", "tp.", "thị", "trấn"].map { Array($0.utf16) })

    /// The lower case of `text`'s words joined by single spaces.
    static func lowerWords(_ text: String) -> [[UInt16]] {
        var words: [[UInt16]] = []
        var word: [UInt16] = []
        for u in text.utf16 {
            if u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0xA0 {
                if !word.isEmpty { words.append(word); word = [] }
            } else {
                word.append(Vocabulary.lower(u) ?? u)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The key two mentions of one entity share: the name in lower case without the spaces and
    /// dots that vary (`TP.Hà Nội`, `TP. Hà Nội`, `TP Hà Nội`).
    static func key(_ kind: Entity.Kind, _ words: [[UInt16]]) -> Key {
        Key(kind: kind, name: words.flatMap { $0 }.filter { $0 != 0x2E })
    }

    private func earlier(_ m: EntityMention, _ words: [[UInt16]]) -> Int? {
        switch m.kind {
        case .person:
            // the given name, or the last words of a full name (`Nam Liên` after `Nguyễn Nam Liên`)
            let suffix = [0x20] + Array(words.joined(separator: [0x20])) + [0x20]
            return entities.indices.last { entities[$0].kind == .person && lastWords[$0] == words.last && prefixes[$0].count > suffix.count
                && ([0x20] + prefixes[$0]).suffix(suffix.count).elementsEqual(suffix) }
        case .organization, .document:
            let prefix = Array(words.joined(separator: [0x20])) + [0x20]
            if let k = entities.indices.last(where: { entities[$0].kind == m.kind && prefixes[$0].count > prefix.count && prefixes[$0].starts(with: prefix) }) {
                return k
            }
            // a body first named by its level only (`UBND tỉnh`), then in full (`UBND tỉnh Cà Mau`);
            // a document first named short (`Chỉ thị 01`)
            return entities.indices.last { k in
                entities[k].kind == m.kind && prefixes[k].count < prefix.count && prefix.starts(with: prefixes[k])
                    && (m.kind == .document || Self.levelEndings.contains(lastWords[k]))
            }
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
            let text = m.name ?? m.text
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(m.kind.rawValue.utf8.count)
            for u in text.utf16 where u != 0x20 && u != 0x2E && u != 0x09 && u != 0x0A && u != 0x0D && u != 0xA0 {
                h = (h ^ UInt64(Vocabulary.lower(u) ?? u)) &* 0x100_0000_01b3
            }
            if let k = hashed[h] {
                // the same name again (most mentions); a place first named alone, then with its
                // level word, takes the text in full
                entities[k].mentions.append(span)
                // a body first written with an abbreviation (`Bộ GTVT`), then in full (`Bộ Giao
                // thông Vận tải`): the text in full
                let fuller = m.kind == .place ? m.text.utf8.count > entities[k].text.utf8.count && entities[k].text == entities[k].name
                    : m.kind == .organization && m.name == nil && entities[k].text != entities[k].name
                if fuller {
                    entities[k].text = m.text
                    entities[k].start = span.start
                    entities[k].end = span.end
                }
                for t in m.titles where !entities[k].titles.contains(t) { entities[k].titles.append(t) }
                return entities[k].id
            }
            let words = Self.lowerWords(text)
            let key = Key(kind: m.kind, name: words.flatMap { $0 }.filter { $0 != 0x2E })
            if let k = earlier(m, words) {
                entities[k].mentions.append(span)
                // a place first named alone, then with its level word, or a body or document first
                // named short: the text in full
                if m.kind == .place ? m.text.utf8.count > entities[k].text.utf8.count && entities[k].text == entities[k].name
                    : m.text.utf8.count > entities[k].text.utf8.count && index[key] == nil && prefixes[k].count < words.reduce(0, { $0 + $1.count + 1 }) {
                    entities[k].text = m.text
                    entities[k].start = span.start
                    entities[k].end = span.end
                    if m.kind != .place {
                        prefixes[k] = Array(words.joined(separator: [0x20])) + [0x20]
                        lastWords[k] = words.last ?? []
                    }
                }
                for t in m.titles where !entities[k].titles.contains(t) { entities[k].titles.append(t) }
                return entities[k].id
            }
            let id = entities.count + 1
            let name = (m.name ?? m.text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            entities.append(Entity(id: id, kind: m.kind, text: m.text, name: name, start: span.start, end: span.end,
                                   titles: m.titles, article: article))
            index[key] = entities.count - 1
            hashed[h] = entities.count - 1
            prefixes.append(Array(words.joined(separator: [0x20])) + [0x20])
            lastWords.append(words.last ?? [])
            return id
        }
    }
}
