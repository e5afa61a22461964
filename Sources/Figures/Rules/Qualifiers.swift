/// Rule family: qualifiers — the words right before a number (`trên`, `khoảng`, `gần`,
/// `tối đa`, ...; `qualifiers.txt`) and the frames around it (`từ X trở lên` is atLeast,
/// `từ X trở xuống` atMost, `từ X` with no upper end atLeast). Stacked qualifiers take the one
/// next to the number; the figure's text starts at the outermost.
///
/// `trở lên` / `trở xuống` right after the unit set atLeast / atMost even without `từ`
/// (`40 biên chế trở lên`). `lên đến` / `lên tới` (`ceiling-qualifiers.txt`) are atMost only
/// when they set a ceiling: after a verb of paying, lending, fining or granting in the same
/// clause (`ceiling-verbs.txt`: `hỗ trợ lên đến 1 tỷ đồng`); after any other verb they
/// emphasise a reached amount and the figure is exact (`doanh thu lên đến 1 tỷ đồng`).
/// A small verb class decides, not the amount: the verbs that grant or charge up to a limit
/// are few and stable, while the verbs that report an outcome are open-ended.
enum Qualifiers {
    static let ceilingQualifiers = RuleWords.phrases("ceiling-qualifiers.txt")
    /// Words that end with a qualifier but qualify nothing (`giám sát`, `khảo sát`).
    static let notQualifierWords = RuleWords.phrases("not-qualifier-words.txt")
    static let ceilingVerbs = RuleWords.phrases("ceiling-verbs.txt")
    /// Tokens that end the clause a ceiling verb is looked for in.
    static let clauseEnds = RuleWords.words("clause-ends.txt")
    /// The clause ends and the words that mark an amount as reached (`đã`, `vừa`): a ceiling
    /// verb is looked for only up to them.
    static let ceilingStops = KeySet(keys: Set(clauseEnds.values + RuleWords.words("report-markers.txt").values))
    /// How far before the qualifier a ceiling verb may stand (`hỗ trợ mỗi hộ lên đến ...`); a verb
    /// further away reports an amount reached (`hỗ trợ quỹ này số tiền lên tới ...`).
    static let ceilingWindow = 3

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
            guard let (phrase, q) = rules.qualifiers.first(where: { v.matches($0.0, at: k - $0.0.count) }),
                  notQualifierWords.lengthEnding(at: k - 1, in: v) <= phrase.count else { break }   // `giám sát`
            if first {
                result.qualifier = q
                if ceilingQualifiers.endsAt(k - 1, in: v), ceilingQualifiers.lengthEnding(at: k - 1, in: v) == phrase.count,
                   !ceilingVerbs.occurs(before: k - phrase.count, window: ceilingWindow, in: v, stops: ceilingStops) {
                    result.qualifier = .exact
                }
            }
            first = false
            k -= phrase.count
            result.start = k
        }
        // `từ X trở lên` / `trở xuống`
        if let f = frame(v, before: result.start, after: end) ?? frame(v, before: start, after: end) { result.qualifier = f }
        return result
    }

    /// Words before `từ` that make it a source or the start of a change (`from-source-words.txt`).
    static let fromSourceWords = RuleWords.phrases("from-source-words.txt")

    /// Whether `từ` right before the number at `start` makes it a lower bound (`giá từ 100 triệu
    /// đồng` is atLeast), not a source (`ý kiến từ 4 kênh`) or the start of a change.
    static func fromIsLowerBound(_ v: SentenceView, _ start: Int) -> Bool {
        v.is(start - 1, "từ") && !fromSourceWords.endsAt(start - 2, in: v)
    }

    /// `trở lên` / `trở xuống` right after the unit (`từ 27 điểm trở lên`, `40 biên chế trở lên`).
    static func frame(_ v: SentenceView, before start: Int, after end: Int) -> Qualifier? {
        if v.is(end, "trở"), v.is(end + 1, "lên") { return .atLeast }
        if v.is(end, "trở"), v.is(end + 1, "xuống") { return .atMost }
        return nil
    }
}
