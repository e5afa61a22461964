import Foundation
import VietText

/// Rule family: exclusions — numbers that are not figures (spec: what is not a figure).
///
/// Dates and time frames are taken out by `Times`; here:
/// - ordinals, levels, names and identifiers after a naming word (`thứ 2`, `cấp 7`, `quận 9`,
///   `Điều 5`, `khóa 14`, `Quyết định 309`, `mùng 5 Tết`), and every member of a list after one
///   (`quận 3, 5, 10`, `văn bản số 12 và 13`, `năm 2013 và 2014`);
/// - numbers inside names: a number right after a capitalised name syllable (`Duyên Hải 1`,
///   `Rio 2016`, `Canh Tý 2020`), a capitalised spelled numeral inside a name (`Hai Bà Trưng`,
///   `quận Ba Đình`, `Năm Căn`; but `Hai đơn vị` opening a sentence counts), an all-caps numeral
///   that is a ticker (`HAI giảm 6,7%`);
/// - clock times (`lúc 9 giờ`, `6h sáng`, `9 giờ ngày 5/3`, `từ 7h - 11h`) and a number inside
///   a rate's denominator (`15.000 đồng/3 giờ`);
/// - durations that frame when something happened (`sau 2 năm triển khai`, `16 tháng qua`,
///   `cả 3 năm`, `kỷ niệm 20 năm`), while a qualified duration is a figure (`khoảng 40 ngày`);
/// - phone numbers, one person's age (`ông A, 45 tuổi`, `bé A., 7 tháng tuổi`), vague amounts
///   (`hàng trăm`, `cả nghìn`, `ngàn năm`), idioms (`1 chút`, `24/24 giờ`, `chín muồi`, `hai bên`),
///   the bare `một` (`một số`, `một đồng chí`), runs of number words (`ba bốn người`);
/// - years and codes: a bare year-like number without a group separator (`Búa liềm vàng 2017`,
///   unless a count verb or a qualifier precedes it: `xây 2000 biệt thự`), letters glued to digits
///   that are no currency (`VN30`, `B2`), a day and month after a day part (`sáng 19.5`),
///   anniversaries (`kỷ niệm 20 năm`, `40 năm Ngày ...`), plenums (`Trung ương 4 khóa XII`).
///
/// The word sets are data files under `Resources/data/` (named after the sets below).
enum Exclusions {
    /// Words and phrases after which a number names or ranks rather than counts.
    static let namingWords = RuleWords.phrases("naming-words.txt")
    /// `tổng số`, `trong số`: they end with a naming word but count.
    static let notNaming = RuleWords.phrases("not-naming-phrases.txt")
    /// Naming words that name only the number right after them, not a list: `tháng 3 và 500
    /// người` (the time words, and `lần`, `phiên`, `đợt`, `vòng`). A list of years after
    /// them is still excluded (`năm 2013 và 2014`).
    static let singleNamingWords = KeySet(RuleWords.lines("duration-units.txt").filter { !$0.contains(" ") })
    /// Words before a spelled number that make it vague: `hàng trăm`, `vài chục`.
    static let vagueWords = RuleWords.words("vague-words.txt")
    static let timeFrameBefore = RuleWords.phrases("time-frame-before.txt")
    static let timeFrameAfter = RuleWords.phrases("time-frame-after.txt")
    static let notTimeFrameAfter = RuleWords.phrases("not-time-frame-after.txt")
    /// Words that frame a duration right before it, not across a qualifier (`trong 6 tháng`).
    static let timeFrameBeforeUnqualified = RuleWords.phrases("time-frame-before-unqualified.txt")
    /// Units that measure time: a number with one is a duration (`duration-units.txt`).
    static let durationUnits = RuleWords.phrases("duration-units.txt")
    static let durationUnitNames = Set(RuleWords.lines("duration-units.txt"))
    static let phoneWords = RuleWords.words("phone-words.txt")
    static let ageMarkers = RuleWords.words("age-markers.txt")
    static let clockUnits = RuleWords.words("clock-units.txt")
    static let clockBefore = RuleWords.words("clock-before.txt")
    static let clockAfter = RuleWords.phrases("clock-after.txt")
    static let listLinks = RuleWords.words("list-links.txt")
    static let lunarYearNames = RuleWords.words("lunar-year-names.txt")
    static let idiomUnits = RuleWords.phrases("idiom-units.txt")
    static let spelledIdioms = RuleWords.phrases("spelled-idioms.txt")
    static let countVerbs = RuleWords.phrases("count-verbs.txt")
    static let capitalisedCountNouns = RuleWords.phrases("capitalised-count-nouns.txt")
    /// The qualifier phrases (`qualifiers.txt`), skipped when looking for a frame word before a
    /// qualified duration (`sau khoảng 2 năm`).
    static let qualifierPhrases = PhraseSet(RuleWords.table("qualifiers.txt").map(\.0))
    /// The longest list followed back to its naming word (`quận 3, 5, 10, ...`).
    static let maxListMembers = 12
    /// The currency words and codes (`currencies.txt`): letters glued to digits must be one.
    static let currencyCodes: [String: String] = Dictionary(RuleWords.table("currencies.txt"), uniquingKeysWith: { a, _ in a })

    static let dayParts = RuleWords.words("day-parts.txt")

    /// `19.5`, `30-6`: a day (1-31) and a month (1-12) joined by a dot or a dash.
    static func isDayAndMonth(_ s: String) -> Bool {
        let parts = s.split(whereSeparator: { $0 == "." || $0 == "-" })
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) }), let d = Int(parts[0]), let m = Int(parts[1]) else { return false }
        return (1...31).contains(d) && (1...12).contains(m)
    }

    /// A whole number from 1900 to 2100.
    static func isYear(_ d: Decimal) -> Bool { d >= 1900 && d <= 2100 && d == d.rounded0 }

    static func isRoman(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { "IVXLC".contains($0) } }
    /// The largest step between list members (`quận 3, 5, 10`, `số 63 và 64`).
    static let maxListStep = 20

    /// Whether the number at `q` (with unit `unit` ending at `unitEnd`) is not a figure.
    static func excluded(_ v: SentenceView, _ q: Quantity, unit: String, unitEnd: Int) -> Bool {
        let start = q.range.lowerBound
        let b = start - 1
        // `lần thứ 3`, `cấp 7`, `Điều 5`, `quận 3, 5, 10`; but `lần` as the unit after a number is fine
        if named(v, start, spelled: q.spelled) || q.scale == nil && !q.isPercent && namedList(v, start) { return true }
        if v.is(start - 2, "giai"), v.is(b, "đoạn") { return true }
        // a piece of a code: `ĐT.185`, `QL.1A`, `Q.9`
        if b >= 0, v.kind[b] == .abbreviation, !v.spaceBefore[start], v.text[b].hasSuffix(".") { return true }
        // a day and month after a day part: `sáng 19.5`
        if v.isAny(b, dayParts), v.kind[start] == .number, isDayAndMonth(v.lower[start]) { return true }
        // letters glued to digits that are no currency: `VN30`, `B2`, `S510`, `G20`
        if let c = q.currency, currencyCodes[c] == nil { return true }
        // `Trung ương 4 khóa XII`: a number before `khóa` and a term names a plenum
        if v.is(q.range.upperBound, "khóa") || v.is(q.range.upperBound, "khoá"),
           q.range.upperBound + 1 < v.count, v.kind[q.range.upperBound + 1] != .syllable || isRoman(v.text[q.range.upperBound + 1]) {
            return true
        }
        if v.is(b, "."), !v.spaceBefore[start], start >= 2, v.kind[start - 2] == .abbreviation || v.kind[start - 2] == .syllable { return true }
        // inside a rate's denominator: `15.000 đồng/3 giờ đầu` (`CĐ cơ sở/21.148 đơn vị` is an
        // "out of" and counts)
        if v.is(b, "/"), !v.spaceBefore[start], start >= 2, v.kind[start - 2] == .syllable || v.kind[start - 2] == .abbreviation,
           durationUnitNames.contains(unit.lowercased()) || clockUnits.contains(TextKey.of(unit)) {
            return true
        }
        // vague amounts: `hàng trăm`, `hàng chục nghìn`, `cả trăm`
        if q.spelled && !q.hasDigitWord { return true }
        if v.isAny(b, vagueWords), q.spelled { return true }
        // `cả trăm năm`, `ngàn năm văn hiến`, `trăm người như một`: a spelled number without its
        // leading digit is vague or literary; `cả ba mặt` counts
        if q.spelled, SpelledNumerals.digitKeys[v.keys[start]] == nil, !v.is(start, "mười") { return true }
        // `chín muồi`, `bốn phương`, `năm châu`
        if q.spelled, q.range.count == 1, spelledIdioms.startsAt(start, in: v) { return true }
        // `ba bốn người`: two digit words in a row are a vague range (`năm` before is the year noun)
        if q.spelled, b >= 0, SpelledNumerals.digitKeys[v.keys[b]] != nil, !v.is(b, "năm"), !v.is(b, "không") { return true }
        // the bare `một` (`một số`, `một đồng chí`) and `không` (`không thể`): with a scale word they count
        if q.spelled, q.value <= 1, q.range.count == 1 { return true }
        // a number with nothing it counts is a name or a rank (`tổ dân phố 10`), not a figure
        if unit.isEmpty && !q.isPercent { return true }
        // spelled single digits are read only before a unit noun; `năm` alone is the year noun
        if q.spelled, q.range.count == 1, unit.isEmpty || v.is(start, "năm") { return true }
        if q.spelled, inName(v, q) { return true }
        // a run of number words is no count of the next one: `hai mươi hai mươi` (22 of `mươi`),
        // `một trăm một trăm`; `ba bốn người` is a vague range. (`hai năm` counts years.)
        if q.range.upperBound < v.count, let next = SpelledNumerals.item(key: v.keys[q.range.upperBound], after: nil) ?? structureOrScale(v, q.range.upperBound) {
            if case .digit = next { if q.spelled, !v.is(q.range.upperBound, "năm") { return true } } else { return true }
        }
        if !q.spelled, q.scale == nil, !q.isPercent, afterNameSyllable(v, start) {
            // a name's number (`Duyên Hải 1`, `Rio 2016`: a digit or a year after a name of two
            // capitalised syllables), or one between two names (`Cienco 6 Bùi Phi Hùng`); a list of
            // amounts by place counts (`Hà Tĩnh 560 tỷ đồng`), and so does `khai trừ Đảng 2 cán bộ`
            let text = v.lower[start]
            let nextIsName = q.range.upperBound < v.count && isTitleCase(v.text[q.range.upperBound])
            let longName = v.kind[start - 2] == .syllable && isTitleCase(v.text[start - 2])
            if longName && (text.count == 1 || Times.year(text) != nil) || nextIsName { return true }
        }
        // phone numbers: 0912345678, 0243.123.456
        if v.kind[start] == .number {
            let digits = v.lower[start].filter(\.isNumber)
            if digits.hasPrefix("0"), digits.count >= 8 { return true }
        }
        // `số máy 0912...`, `hotline 1900...`; but `xe máy 5.000 đồng/lượt` is a price
        if v.isAny(b, phoneWords), v.kind[start] == .number, v.lower[start].filter(\.isNumber).count >= 6 || v.lower[start].hasPrefix("0") { return true }
        // one person's age: `ông A, 45 tuổi`, `(45 tuổi)`
        // (`bé N.T.H., 7 tháng tuổi`)
        let isAge = unit == "tuổi" || durationUnitNames.contains(unit.lowercased()) && v.is(unitEnd, "tuổi")
        if isAge, v.isAny(b, ageMarkers) { return true }
        // idioms: `1 chút`, `chờ 1 lát`
        if q.value == 1, q.valueMax == nil, idiomUnits.startsAt(q.range.upperBound, in: v) { return true }
        if isClockTime(v, q, unit: unit, unitEnd: unitEnd) { return true }
        // durations that frame a time: `5 năm qua`, `sau 2 năm triển khai`, `sau khoảng 2 năm`;
        // a qualifier alone does not frame (`khoảng 40 ngày`, `hơn 20 năm tuổi`)
        if durationUnitNames.contains(unit.lowercased()) || durationUnits.startsAt(q.range.upperBound, in: v) {
            // the unit is the first word of a time: `SEA Games 22 năm 2003`, `kế hoạch 5 năm 2016 - 2020`
            if unitEnd < v.count, v.kind[unitEnd] == .number && Times.year(v.lower[unitEnd]) != nil || v.kind[unitEnd] == .range { return true }
            if timeFrameAfter.startsAt(unitEnd, in: v), !notTimeFrameAfter.startsAt(unitEnd, in: v) { return true }
            // an anniversary: `40 năm Ngày ký Hiệp ước`, `70 năm Ngày Thương binh - Liệt sĩ`
            // (the capital marks the day's name; `chất vấn lên 3 ngày Đây là ...` is a headline running on)
            if unitEnd < v.count, v.is(unitEnd - 1, "năm"), v.text[unitEnd] == "Ngày" { return true }
            let before = qualifierStart(v, start) - 1
            if timeFrameBefore.endsAt(before, in: v) { return true }
            // `trong 6 tháng` frames; `vận hành thử trong khoảng 40 ngày` is the length
            if timeFrameBeforeUnqualified.endsAt(b, in: v) { return true }
        }
        // a plain four-digit year standing alone, or after the name of a lunar year (`Canh Tý 2020`)
        if v.kind[start] == .number, Times.year(v.lower[start]) != nil {
            if unit.isEmpty || Units.timeUnits.contains(unit) || v.isAny(b, lunarYearNames) { return true }
            // written without a group separator it is a year, unless a count verb or a qualifier
            // comes before it (`xây 2000 biệt thự`, `khoảng 2000 người`)
            if q.scale == nil, !q.isPercent, q.valueMax.map(isYear) ?? true, !countVerbs.endsAt(b, in: v), qualifierStart(v, start) == start { return true }
        }
        // `2011-2014` in one token: a period
        if v.kind[start] == .range, q.scale == nil, !q.isPercent, isYear(q.value), q.valueMax.map(isYear) == true,
           !v.lower[start].contains("."), !countVerbs.endsAt(b, in: v), qualifierStart(v, start) == start {
            return true
        }
        return false
    }

    /// The grammar item of a structure or scale word at `i` (`mươi`, `trăm`, `tỷ`), whatever precedes it.
    static func structureOrScale(_ v: SentenceView, _ i: Int) -> SpelledNumerals.Item? {
        if let w = SpelledNumerals.wordsByKey[v.keys[i]], let s = SpelledNumerals.structureWords[w] { return s }
        return ScaleWords.value(key: v.keys[i]).map { .scale($0) }
    }

    /// The first token of the qualifier phrases right before `start` (`start` when none).
    static func qualifierStart(_ v: SentenceView, _ start: Int) -> Int {
        var k = start
        var steps = 0
        while steps < 4 {
            let n = qualifierPhrases.lengthEnding(at: k - 1, in: v)
            guard n > 0 else { break }
            k -= n
            steps += 1
        }
        return k
    }

    /// A naming word right before the number at `start`: `thứ 2`, `quận 9`, `Quyết định 309`.
    static func named(_ v: SentenceView, _ start: Int, spelled: Bool) -> Bool {
        let b = start - 1
        guard namingWords.endsAt(b, in: v), v.kind[start] == .number || spelled else { return false }
        if notNaming.endsAt(b, in: v) { return false }
        // `năm` before a spelled number is the digit, not the noun; `tháng 3` was a time already
        return !(spelled && v.is(b, "năm"))
    }

    /// A member of a list whose first member is named: `quận 3, 5, 10`, `số 12 và 13`,
    /// `khóa 4, 5`, `năm 2013 và 2014`. The members are plain numbers joined by list links, each
    /// a little above the one before (`lớp 1, 91 nghìn học sinh` is no list); a list after a
    /// time word (`tháng 3 và 500 người`) carries only years to years.
    static func namedList(_ v: SentenceView, _ start: Int) -> Bool {
        guard v.kind[start] == .number, isPlainInteger(v.lower[start]), var member = Int(v.lower[start]) else { return false }
        let isYear = Times.year(v.lower[start]) != nil
        var k = start
        var members = 0
        while members < maxListMembers, v.isAny(k - 1, listLinks), k >= 2, v.kind[k - 2] == .number, isPlainInteger(v.lower[k - 2]),
              let previous = Int(v.lower[k - 2]), previous < member, member - previous <= maxListStep {
            // `/` joins only digits glued to it (`số 12/13`), not a rate
            if v.is(k - 1, "/"), v.spaceBefore[k - 1] || v.spaceBefore[k] { return false }
            k -= 2
            member = previous
            members += 1
            if (Times.year(v.lower[k]) != nil) != isYear { return false }
            if named(v, k, spelled: false) {
                if v.isAny(k - 1, singleNamingWords) { return isYear }
                return true
            }
        }
        return false
    }

    static func isPlainInteger(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// A fraction token (`3/4`, `34/39`, `24/24`) that is not a figure: after a naming word
    /// (`số 12/2019`, `tỷ lệ 1/500`), a date joined to a date (`ngày 31/12 và 1/1`), an idiom
    /// (`24/24 giờ`, `7/7 ngày`), or a name's number (`Dệt may 29/3 Công ty ...`).
    static func fractionExcluded(_ v: SentenceView, _ i: Int) -> Bool {
        if namingWords.endsAt(i - 1, in: v) || v.is(i - 1, "lệ") { return true }
        let parts = v.lower[i].split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2 else { return false }
        // a date joined to a date by a list link or a range: `ngày 31/12 và 1/1`, `29/4 - 1/5`
        if v.isAny(i - 1, listLinks) || v.isAny(i - 1, Quantities.rangeLinks), i >= 2, v.kind[i - 2] == .date || v.kind[i - 2] == .fraction,
           (1...31).contains(parts[0]), (1...12).contains(parts[1]) {
            return true
        }
        // `24/24 giờ`, `24/24h`, `7/7 ngày`: all the time, not a count
        if parts[0] == parts[1], v.isAny(i + 1, clockUnits) || durationUnits.startsAt(i + 1, in: v) {
            return true
        }
        // a date-like pair in a name, before another name: `Công ty Dệt may 29/3 Công ty Xăng dầu ...`
        if (1...31).contains(parts[0]), (1...12).contains(parts[1]), i >= 1, v.kind[i - 1] == .syllable, i + 1 < v.count, isTitleCase(v.text[i + 1]) {
            return true
        }
        return afterNameSyllable(v, i)
    }

    /// A number right after a capitalised syllable that does not open the sentence: the number
    /// is part of a name (`Duyên Hải 1`, `Paralympic Rio 2016`, `Công trình 545`, `Canh Tý 2020`).
    static func afterNameSyllable(_ v: SentenceView, _ start: Int) -> Bool {
        let b = start - 1
        guard b >= 1, v.kind[b] == .syllable, v.spaceBefore[start], v.kind[b - 1] == .syllable else { return false }
        let word = v.text[b]
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        // a word in capitals (`TP`, `HAI`) is an abbreviation or a heading, not a name syllable
        return isTitleCase(word)
    }

    /// A capital followed by lowercase letters (`Hải`, `Công`), not a word in capitals (`TP`).
    static func isTitleCase(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        return word.unicodeScalars.dropFirst().contains { $0.properties.isLowercase }
    }

    /// A spelled numeral written with a capital that is part of a name or a ticker, not a count.
    ///
    /// Inside a sentence a capital marks a name (`quận Ba Đình`, `huyện Năm Căn`, `Ngã Bảy`).
    /// Opening a sentence (or a clause after punctuation) the capital says nothing: what follows
    /// decides — a capitalised name syllable (`Hai Bà Trưng là ...`, `Ba Vì có ...`) makes a name,
    /// a lowercase noun (`Hai đơn vị ...`, `Ba mặt ...`) a figure. A numeral all in capitals
    /// (`HAI`, `BẢY`) with no capitals after it is a stock ticker; in a heading in capitals
    /// (`HAI NGƯỜI ...`) it counts.
    static func inName(_ v: SentenceView, _ q: Quantity) -> Bool {
        let start = q.range.lowerBound
        let word = v.text[start]
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        let next = q.range.upperBound
        let nextWord = next < v.count && (v.kind[next] == .syllable || v.kind[next] == .abbreviation) ? v.text[next] : ""
        if word.unicodeScalars.count > 1, !word.unicodeScalars.contains(where: { $0.properties.isLowercase }) {
            // all capitals: a heading goes on in capitals
            let headingGoesOn = !nextWord.isEmpty && !nextWord.unicodeScalars.contains { $0.properties.isLowercase }
            return !headingGoesOn
        }
        let opensClause = start == 0 || v.isPunctuation(start - 1)
        if !opensClause { return true }
        guard let n = nextWord.unicodeScalars.first else { return false }
        // `Hai Bộ trưởng ...` counts: a capitalised institution, document or title, not a name
        return n.properties.isUppercase && !capitalisedCountNouns.startsAt(next, in: v)
    }

    /// A clock time, not a duration: a number with `giờ`/`h` after `lúc`, `vào`, `hồi`, or
    /// before `sáng`, `chiều`, `ngày`, `hôm`, minutes (`9 giờ 30`), or the start of a range of
    /// clock times (`từ 7h - 11h`, `7h đến 11h`).
    static func isClockTime(_ v: SentenceView, _ q: Quantity, unit: String, unitEnd: Int) -> Bool {
        let u = q.range.upperBound
        guard u < v.count, clockUnits.contains(v.keys[u]), unitEnd == u + 1 else { return false }
        let start = q.range.lowerBound
        if v.isAny(qualifierStart(v, start) - 1, clockBefore) || v.isAny(start - 1, clockBefore) { return true }
        if clockAfter.startsAt(unitEnd, in: v) { return true }
        if unitEnd < v.count, v.kind[unitEnd] == .date || v.kind[unitEnd] == .fraction { return true }
        // minutes: `9 giờ 30`, `23 giờ 30 phút`
        if unitEnd < v.count, v.kind[unitEnd] == .number, let m = Int(v.lower[unitEnd]), m < 60 { return true }
        // the end of a range of clock times: the `11h` of `7h - 11h`
        if v.isAny(start - 1, Quantities.rangeLinks) {
            // `7h - 11h`, `từ 6h sáng đến 9h`
            var k = start - 2
            k -= clockAfter.lengthEnding(at: k, in: v)
            if k >= 1, v.isAny(k, clockUnits), v.kind[k - 1] == .number, k < start - 2 || !v.spaceBefore[u] && !v.spaceBefore[k] || v.is(k - 2, "từ") {
                return true
            }
        }
        // a range of clock times: `từ 7h - 11h`, `7h đến 11h` (a `h` glued to both ends)
        if v.isAny(unitEnd, Quantities.rangeLinks), unitEnd + 2 < v.count, v.kind[unitEnd + 1] == .number, clockUnits.contains(v.keys[unitEnd + 2]) {
            let glued = !v.spaceBefore[u] && !v.spaceBefore[unitEnd + 2]
            if glued || v.is(start - 1, "từ") { return true }
        }
        return false
    }
}

extension PhraseSet {
    /// Whether a phrase starts with token `i`.
    func startsAt(_ i: Int, in v: SentenceView) -> Bool {
        guard i >= 0, i < v.count else { return false }
        for p in phrases where v.matches(p, at: i) { return true }
        return false
    }
}

extension Decimal {
    /// The value rounded to a whole number.
    var rounded0: Decimal {
        var x = self, r = Decimal()
        NSDecimalRound(&r, &x, 0, .plain)
        return r
    }
}
