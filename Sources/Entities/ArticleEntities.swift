/// Merges the mentions an article's pieces give into one `Entity` per kind and name, numbered in
/// order of first mention. A shorter later mention of an entity named in full joins it: the first
/// words of an organisation or document (`Nghị quyết Đại hội` after `Nghị quyết Đại hội Đảng bộ
/// tỉnh lần thứ XVI`), or the given name of a person (`ông Toàn` after `Hoàng Văn Toàn`). Titles
/// found later are added. Keys are lower-case UTF-16 (no `String` hashing on this path).
public struct ArticleEntities: Sendable {
    public private(set) var entities: [Entity] = []
    /// Entities by a 64-bit hash (FNV-1a) of kind and name without spaces and dots
    /// (`TP.Hà Nội`, `TP. Hà Nội`, `TP Hà Nội`): repeated mentions are found without hashing arrays.
    private var hashed: [UInt64: Int] = [:]
    /// Entities by the hash of their words (lower case), of each proper first part of their words,
    /// and (people) of each proper last part: every lookup of a mention is by its own words, so
    /// an article with many entities is no slower per mention.
    private var byWords: [UInt64: Int] = [:]
    private var byPrefix: [UInt64: Int] = [:]
    private var bySuffix: [UInt64: Int] = [:]
    /// Per entity: the lower case of its last word.
    private var lastWords: [[UInt16]] = []
    public let article: String?

    public init(article: String? = nil) { self.article = article }

    /// Level words that end a body named by its level only (`UBND tỉnh`, `Đảng bộ huyện`, `Công an TP`).
    static let levelEndings: Set<[UInt16]> = Set(["tỉnh", "huyện", "xã", "phố", "quận", "phường", "tp", "tp.", "thị", "trấn"].map { Array($0.utf16) })

    /// The lower case of `text`'s words.
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

    /// FNV-1a of a kind and words (a space between words).
    static func hash(_ kind: Entity.Kind, _ words: ArraySlice<[UInt16]>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind.rawValue.utf8.count)
        for (n, word) in words.enumerated() {
            if n > 0 { h = (h ^ 0x20) &* 0x100_0000_01b3 }
            for u in word { h = (h ^ UInt64(u)) &* 0x100_0000_01b3 }
        }
        return h
    }

    /// Indexes entity `k` under its words.
    private mutating func index(_ k: Int, _ kind: Entity.Kind, _ words: [[UInt16]]) {
        func note(_ table: inout [UInt64: Int], _ key: UInt64) { table[key] = max(table[key] ?? k, k) }
        note(&byWords, Self.hash(kind, words[...]))
        for n in words.indices.dropFirst() { note(&byPrefix, Self.hash(kind, words[..<n])) }
        if kind == .person { for n in words.indices.dropFirst() { note(&bySuffix, Self.hash(kind, words[n...])) } }
        lastWords[k] = words.last ?? []
    }

    /// The entity a shorter or fuller mention names, and whether the mention is the fuller name.
    private func earlier(_ m: EntityMention, _ words: [[UInt16]]) -> (index: Int, fuller: Bool)? {
        switch m.kind {
        case .person:
            // the given name, or the last words of a full name (`Nam Liên` after `Nguyễn Nam Liên`)
            return bySuffix[Self.hash(.person, words[...])].map { ($0, false) }
        case .organization, .document:
            if let k = byPrefix[Self.hash(m.kind, words[...])] { return (k, false) }
            // a body first named by its level only (`UBND tỉnh`), then in full (`UBND tỉnh Cà Mau`);
            // a document first named short (`Chỉ thị 01`)
            let shorter = words.indices.dropFirst().compactMap { n in byWords[Self.hash(m.kind, words[..<n])] }
                .filter { m.kind == .document || Self.levelEndings.contains(lastWords[$0]) }
            return shorter.max().map { ($0, true) }
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
                // the same name again (most mentions). The text in full: a place first named
                // alone, then with its level word; a body first written with an abbreviation
                // (`Bộ GTVT`), then written out (`Bộ Giao thông Vận tải`)
                let fuller = m.kind == .place ? m.text.utf8.count > entities[k].text.utf8.count && entities[k].text == entities[k].name
                    : m.kind == .organization && m.name == nil && entities[k].text != entities[k].name
                join(k, m, span, fuller: fuller)
                return entities[k].id
            }
            let words = Self.lowerWords(text)
            if let (k, fuller) = earlier(m, words) {
                // a body or document first named short: the text in full
                join(k, m, span, fuller: fuller && m.text.utf8.count > entities[k].text.utf8.count)
                if fuller { index(k, m.kind, words) }
                return entities[k].id
            }
            let id = entities.count + 1
            let name = (m.name ?? m.text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            entities.append(Entity(id: id, kind: m.kind, text: m.text, name: name, start: span.start, end: span.end,
                                   titles: m.titles, article: article))
            hashed[h] = entities.count - 1
            lastWords.append([])
            index(entities.count - 1, m.kind, words)
            return id
        }
    }

    /// A mention of entity `k`: its span and titles; with `fuller`, its text becomes the entity's.
    private mutating func join(_ k: Int, _ m: EntityMention, _ span: Entity.Span, fuller: Bool) {
        entities[k].mentions.append(span)
        if fuller {
            entities[k].text = m.text
            entities[k].start = span.start
            entities[k].end = span.end
        }
        for t in m.titles where !entities[k].titles.contains(t) { entities[k].titles.append(t) }
    }
}
