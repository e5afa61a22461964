/// A named thing an article mentions (`../shared/spec/entities.md`).
public struct Entity: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case person, organization, place, document }

    public var kind: Kind
    /// The words as written.
    public var text: String
    /// UTF-16 offsets into the original text (converted to scalars when records are written).
    public var start: Int
    public var end: Int

    public init(kind: Kind, text: String, start: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
    }
}
