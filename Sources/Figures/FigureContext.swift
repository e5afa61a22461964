/// What a figure is about (`subject`: the body or group it counts, `Đảng bộ tỉnh`) or where
/// (`place`: the most specific place that governs its sentence): the article's words, or the name
/// they resolve to (`toàn tỉnh` -> `tỉnh Vĩnh Phúc`), and the entity named when there is one.
public struct FigureContext: Codable, Sendable, Equatable {
    /// The name: the words as written, or what they resolve to.
    public var text: String
    /// The id of the article's entity this names (`Entity.id`), when there is one.
    public var entity: Int?
    /// Unicode-scalar offsets of the words in the article, when the text says them.
    public var start: Int?
    public var end: Int?
    /// For a place: the larger places it lies in, most specific first (`tỉnh Vĩnh Phúc` for
    /// `xã Lãng Công` in an article of that province). Empty when unknown.
    public var within: [String]

    public init(text: String, entity: Int? = nil, start: Int? = nil, end: Int? = nil, within: [String] = []) {
        self.text = text
        self.entity = entity
        self.start = start
        self.end = end
        self.within = within
    }

    enum CodingKeys: String, CodingKey { case text, entity, start, end, within }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        entity = try c.decodeIfPresent(Int.self, forKey: .entity)
        start = try c.decodeIfPresent(Int.self, forKey: .start)
        end = try c.decodeIfPresent(Int.self, forKey: .end)
        within = try c.decodeIfPresent([String].self, forKey: .within) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(entity, forKey: .entity)
        try c.encodeIfPresent(start, forKey: .start)
        try c.encodeIfPresent(end, forKey: .end)
        if !within.isEmpty { try c.encode(within, forKey: .within) }
    }
}
