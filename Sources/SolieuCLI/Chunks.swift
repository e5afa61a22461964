/// Long text (a 30 MB single line) cut into bounded pieces for `segment` and `tokenize`, so that
/// memory stays proportional to the piece, not the line. The same cut rule as
/// `FigureExtractor.chunkEnd`: the last line break, else the last sentence end (`. `, `? `, `! `),
/// else the last space in the second half of the window, else the limit (never inside a
/// surrogate pair).
enum Chunks {
    /// The largest piece analyzed at once, in UTF-16 units.
    static let limit = 1 << 16

    static func end(_ u: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int = Chunks.limit) -> Int {
        guard u.count - start > limit else { return u.count }
        let hardEnd = start + limit
        let floor = start + limit / 2
        var k = hardEnd
        while k > floor { if u[k - 1] == 0x0A { return k }; k -= 1 }
        k = hardEnd
        while k > floor + 1 {
            if u[k - 1] == 0x20 && (u[k - 2] == 0x2E || u[k - 2] == 0x3F || u[k - 2] == 0x21) { return k }
            k -= 1
        }
        k = hardEnd
        while k > floor { if u[k - 1] == 0x20 { return k }; k -= 1 }
        return (u[hardEnd - 1] >= 0xD800 && u[hardEnd - 1] <= 0xDBFF) ? hardEnd + 1 : hardEnd
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
