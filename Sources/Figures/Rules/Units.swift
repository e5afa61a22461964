import VietText

/// Rule family: units and rates — what a number counts, as written after it.
///
/// The unit is the longest multi-word unit of `units.txt` that follows, else a currency
/// (`currencies.txt`: `tỷ đồng` -> `đồng`, `USD`, `yên`), else the segmenter's next word
/// unless it is a function word or verb (`not-units.txt`). A number with a scale word and no
/// unit is money: `đồng`. The rate follows the unit (`/năm`, `/người/năm`, `mỗi ngày`) or is
/// stated before the number in its clause (`bình quân mỗi năm`, `mỗi tháng`).
enum Units {
    struct Match {
        var unit: String
        var end: Int          // token after the unit
        var isCurrency = false
    }

    static func unit(_ v: SentenceView, after j: Int, quantity q: Quantity, rules: FigureRules) -> Match {
        if q.isPercent { return Match(unit: "%", end: j) }
        if let c = q.currency, let u = rules.currencies[c] { return currencyMatch(v, u, j) }
        // `điểm phần trăm`, `điểm %`
        guard j < v.count else { return Match(unit: q.scale != nil ? "đồng" : "", end: j, isCurrency: q.scale != nil) }
        for phrase in rules.units where v.matches(phrase, at: j) {
            // units.txt lists lowercase; report them as written
            return Match(unit: v.normalized(j..<(j + phrase.count)), end: j + phrase.count)
        }
        for (phrase, u) in rules.currencyPhrases where v.matches(phrase, at: j) {
            return Match(unit: u, end: j + phrase.count, isCurrency: true)
        }
        if let u = rules.currencies[v.text[j]] { return currencyMatch(v, u, j + 1) }
        let kind = v.kind[j]
        let isWordLike = kind == .syllable || kind == .abbreviation || (kind == .code && v.lower[j].count <= 4 && v.lower[j].first!.isLetter)
        if isWordLike, !rules.notUnits.contains(v.keys[j]), ScaleWords.value(key: v.keys[j]) == nil {
            var end = max(v.wordEnd(j), j + 1)
            if !rules.verbs.contains(wordKey(v, j..<end)) {
                // a classifier takes its noun: `cuộc thanh tra`, `lượt công dân`, `tuyến xe buýt`
                if end == j + 1, rules.classifiers.contains(v.keys[j]), let nounEnd = noun(v, at: end, rules: rules) { end = nounEnd }
                // `700 km 2`: an area whose superscript was lost
                if end == j + 1, rules.poweredUnits.contains(v.keys[j]), end < v.count, v.kind[end] == .number, v.spaceBefore[end], v.lower(end) == "2" || v.lower(end) == "3" {
                    return Match(unit: v.normalized(j..<end) + v.lower[end], end: end + 1)
                }
                return Match(unit: v.normalized(j..<end), end: end)
            }
        }
        if q.scale != nil { return Match(unit: "đồng", end: j, isCurrency: true) }
        return Match(unit: "", end: j)
    }

    /// The lowercase key of the text of tokens `r` (a word of one or more syllables).
    static func wordKey(_ v: SentenceView, _ r: Range<Int>) -> UInt64 {
        let r = r.clamped(to: 0..<v.count)
        guard !r.isEmpty else { return 0 }
        return r.count == 1 ? v.keys[r.lowerBound] : TextKey.ofLowercase(v.normalized(r))
    }

    /// The end of the noun (one segmenter word) at `k`: a lowercase word, not a function word,
    /// verb, scale word or number.
    static func noun(_ v: SentenceView, at k: Int, rules: FigureRules) -> Int? {
        guard k < v.count, v.kind[k] == .syllable, v.spaceBefore[k], let first = v.text[k].unicodeScalars.first,
              first.properties.isLowercase, !rules.notUnits.contains(v.keys[k]), ScaleWords.value(key: v.keys[k]) == nil,
              !timeUnitKeys.contains(v.keys[k]) else { return nil }
        let end = max(v.wordEnd(k), k + 1)
        return rules.verbs.contains(wordKey(v, k..<end)) ? nil : end
    }

    private static func currencyMatch(_ v: SentenceView, _ unit: String, _ end: Int) -> Match {
        Match(unit: unit, end: end, isCurrency: true)
    }

    static let timeUnits = Set(RuleWords.lines("time-units.txt"))
    static let timeUnitKeys = KeySet(timeUnits)

    /// `/năm`, `/người/năm`, `/cổ phiếu`, `mỗi ngày`, `một ngày` right after the unit.
    static func rateAfter(_ v: SentenceView, _ j: Int) -> (String, Int)? {
        var k = j
        var parts: [String] = []
        while v.is(k, "/"), k + 1 < v.count, v.kind[k + 1] == .syllable || v.kind[k + 1] == .abbreviation || v.isWordLike(k + 1) {
            // a rate is one noun: `cổ phiếu`, but `tháng` in `tháng năm` is `tháng`; `ngày đêm` is one day
            var end = v.isAny(k + 1, timeUnitKeys) ? (v.is(k + 1, "ngày") && v.is(k + 2, "đêm") ? k + 3 : k + 2) : max(v.wordEnd(k + 1), k + 2)
            // `/đầu người` is per person
            if v.is(k + 1, "đầu"), v.is(k + 2, "người") { parts.append("người"); k += 3; continue }
            if end > v.count { end = v.count }
            parts.append(v.normalized((k + 1)..<end))
            k = end
        }
        if !parts.isEmpty { return (parts.joined(separator: "/"), k) }
        if v.isAny(j, RuleWords.rateIntroducers), v.isAny(j + 1, timeUnitKeys) || v.is(j + 1, "người") {
            return (v.lower[j + 1], j + 2)
        }
        return nil
    }

    /// `mỗi năm`, `bình quân mỗi tháng` earlier in the number's clause.
    static func rateBefore(_ v: SentenceView, _ start: Int) -> String? {
        var k = start - 1
        let comma = TextKey.ofLowercase(","), moi = TextKey.ofLowercase("mỗi"), mot = TextKey.ofLowercase("một")
        while k > 0, k > start - 12 {
            // `Mỗi năm, tỉnh bố trí 45 tỷ đồng`: the clause may open with the rate
            if v.keys[k] == comma, k >= 2, v.keys[k - 2] == moi, v.isAny(k - 1, timeUnitKeys) { return v.lower[k - 1] }
            if v.isAny(k, RuleWords.clauseBreaks) { return nil }
            // `mỗi năm`, `mỗi hộ`, `mỗi sào`: the word after mỗi is the denominator
            if v.keys[k - 1] == moi, v.kind[k] == .syllable { return v.normalized(k..<max(v.wordEnd(k), k + 1)).lowercased() }
            // `thu nhập bình quân đầu người đạt 51,2 triệu đồng`
            if v.is(k - 1, "đầu"), v.is(k, "người"), v.is(k - 2, "quân") || v.is(k - 2, "tính") { return "người" }
            if v.keys[k - 1] == mot, v.isAny(k, timeUnitKeys), k >= 2, v.isAny(k - 2, RuleWords.averageOpeners) || v.is(k - 3, "bình") || v.is(k - 3, "trung") {
                return v.lower[k]
            }
            k -= 1
        }
        return nil
    }
}

/// Rule word sets, built once.
extension RuleWords {
    /// `mỗi năm`, `một ngày`, `/tháng`: what makes a time unit a rate.
    static let rateIntroducers = RuleWords.words("rate-introducers.txt")
    /// `bình quân`, `trung bình`.
    static let averageOpeners = RuleWords.words("average-openers.txt")
}
