/// Rule family: qualifiers — the words right before a number (`trên`, `khoảng`, `gần`,
/// `tối đa`, ...; `qualifiers.txt`) and the frames around it (`từ X trở lên` is atLeast,
/// `từ X trở xuống` atMost, `từ X` with no upper end atLeast). Stacked qualifiers take the one
/// next to the number; the figure's text starts at the outermost.
enum Qualifiers {
    struct Match {
        var qualifier: Qualifier
        var start: Int   // first token of the outermost qualifier phrase
    }

    /// The qualifier for a number whose first token is `start` and last is `end - 1`.
    static func find(_ v: SentenceView, start: Int, end: Int, rules: FigureRules) -> Match {
        var result = Match(qualifier: .exact, start: start)
        var k = start
        var first = true
        while k > 0 {
            guard let (phrase, q) = rules.qualifiers.first(where: { v.matches($0.0, at: k - $0.0.count) }) else { break }
            if first { result.qualifier = q }
            first = false
            k -= phrase.count
            result.start = k
        }
        // `từ X trở lên` / `trở xuống`
        if let f = frame(v, before: result.start, after: end) ?? frame(v, before: start, after: end) { result.qualifier = f }
        return result
    }

    /// `trở lên` / `trở xuống` after the unit, when `từ` came before the number.
    static func frame(_ v: SentenceView, before start: Int, after end: Int) -> Qualifier? {
        guard v.is(start - 1, "từ") else { return nil }
        if v.is(end, "trở"), v.is(end + 1, "lên") { return .atLeast }
        if v.is(end, "trở"), v.is(end + 1, "xuống") { return .atMost }
        return nil
    }
}
