/// Where to cut long text (a 50 MB single line) into bounded pieces that are analyzed one at a
/// time, so that memory stays proportional to the piece: the last line break before the limit,
/// else the last sentence end (`. `, `? `, `! `), else the last space in the second half of the
/// window, else the limit itself (never inside a surrogate pair).
public enum TextPieces {
    /// The end of the piece that starts at `start`: all the rest when it is at most `limit` long.
    public static func end(_ u: UnsafeBufferPointer<UInt16>, from start: Int, limit: Int) -> Int {
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
}
