import VietText

/// Long text (a 30 MB single line) cut into bounded pieces for `segment` and `tokenize`, so that
/// memory stays proportional to the piece, not the line; the cut rule is `TextPieces.end`, the
/// one `FigureExtractor` uses.
enum Chunks {
    /// The largest piece analyzed at once, in UTF-16 units.
    static let limit = 1 << 16

    static func end(_ u: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int = Chunks.limit) -> Int {
        TextPieces.end(u, from: start, limit: limit)
    }

    /// Calls `body` with each piece of `units` and the Unicode-scalar offset of its start.
    static func forEach(_ units: [UInt16], limit: Int = Chunks.limit, _ body: ([UInt16], Int) throws -> Void) rethrows {
        var start = 0
        var scalars = 0
        while start < units.count {
            let (end, piece) = units.withUnsafeBufferPointer { u in
                let end = Chunks.end(u, from: start, limit: limit)
                return (end, Array(u[start..<end]))
            }
            try body(piece, scalars)
            for unit in piece where unit & 0xFC00 != 0xDC00 { scalars += 1 }
            start = end
        }
    }
}
