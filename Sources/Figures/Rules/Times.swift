import Foundation
import VietText

/// Rule family: times stated in a sentence (`năm 2018`, `6 tháng đầu năm 2017`, `quý I/2019`,
/// `tháng 1/2017`, `từ năm 2015 đến hết năm 2018`, `01/02/2019`, `ngày 12/7`), in the spec's
/// forms: `2018`, `2017-H1`, `2017-Q3`, `2017-01`, `2017-01-12`, ranges `A..B`.
///
/// The tokens of a time expression are not figures. A time after `so với` / `cùng kỳ` is a
/// comparison: it is recognised (so its numbers are not figures) but given to no figure.
struct TimeExpression: Equatable {
    var range: Range<Int>     // sentence-relative token indices
    var value: String?        // nil: a relative time (`năm nay`), which states no time
    var isComparison = false
    /// The members of a coordination or a short range of years, in order (`năm 2013 và 2014`,
    /// `từ năm 2008 đến 2013`): what a list of figures after it takes one by one (`lần lượt`).
    var items: [String] = []
}

enum Times {
    static let romanQuarters = ["i": 1, "ii": 2, "iii": 3, "iv": 4]

    /// Words that introduce a day and month: `ngày 12/7`, `chiều 10/2`.
    static let dateIntroducers = RuleWords.words("date-introducers.txt")

    static func year(_ s: String) -> Int? {
        guard s.count == 4, let y = Int(s), (1900...2100).contains(y) else { return nil }
        return y
    }

    /// `2.6`, `31.12`: a day and month written with a dot.
    static func isDayMonth(_ s: String) -> Bool {
        let p = s.split(separator: ".", omittingEmptySubsequences: false)
        guard p.count == 2, p.allSatisfy({ (1...2).contains($0.count) }), let d = Int(p[0]), let m = Int(p[1]) else { return false }
        return (1...31).contains(d) && (1...12).contains(m)
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The year a token states, when it is one (`2018`), or a year-less phrase in context.
    static func yearAt(_ v: SentenceView, _ i: Int) -> Int? {
        guard i >= 0, i < v.count, v.kind[i] == .number else { return nil }
        return year(v.lower[i])
    }

    /// All time expressions in a sentence, left to right. `referenceYear` completes dates that
    /// leave the year out (`ngày 12/7`).
    /// `articleYear` (the article's own date) resolves `năm nay`.
    static func find(in v: SentenceView, referenceYear: Int?, articleYear: Int? = nil) -> [TimeExpression] {
        var out: [TimeExpression] = []
        // the first explicit year in the sentence completes `8 tháng đầu năm`, `quý I`, `tháng 3`
        var sentenceYear: Int? = nil
        for i in 0..<v.count where sentenceYear == nil {
            var year: Int? = nil
            if v.kind[i] == .number, v.is(i - 1, "năm") { year = yearAt(v, i) }
            else if v.kind[i] == .date { year = dateParts(v.lower[i]).last.flatMap { $0 >= 1900 ? $0 : nil } }
            if let y = year, !comparedBefore(v, i) { sentenceYear = y }
        }
        // else any year standing alone (`Đinh Dậu 2017`)
        for i in 0..<v.count where sentenceYear == nil && v.kind[i] == .number {
            if let y = yearAt(v, i), !comparedBefore(v, i) { sentenceYear = y }
        }
        let contextYear = sentenceYear ?? referenceYear
        var i = 0
        while i < v.count {
            if let (expr, matchEnd) = match(v, i, contextYear: contextYear, referenceYear: referenceYear, articleYear: articleYear) {
                var e = expr
                var next = matchEnd
                // `năm 2013 và 2014`, `ngày 31/12 và 1/1`, `năm 2018, 2019 và 2020`: the members
                // after the first are times too, never figures
                // only a year (`2013`) or a day (`2024-12-31`) starts a coordination: checked by
                // shape before parsing, as this runs for every time found
                let followedByLink = v.is(next, "và") || v.is(next, ",") || v.is(next, "-")
                if followedByLink, let value = e.value, value.utf8.count == 4 || value.utf8.count == 10,
                   let first = Period(value), first.grain == .year || first.grain == .day {
                    var members = [value]
                    var k = next
                    // `01/10/2016 - 30/06/2017`: two dates joined by a dash are a range, not a list
                    if first.grain == .day, v.is(k, "-"), k + 1 < v.count, v.kind[k + 1] == .fraction || v.kind[k + 1] == .date,
                       let m = dateValue(v.lower[k + 1], .fraction, first.from.year) ?? dateValue(v.lower[k + 1]),
                       let last = Period(m), first.end < last.start {
                        e.range = e.range.lowerBound..<(k + 2)
                        e.value = "\(value)..\(m)"
                        next = k + 2
                        k = v.count
                    }
                    while k + 1 < v.count, v.is(k, "và") || v.is(k, ",") {
                        let m: String?
                        if first.grain == .year { m = yearAt(v, k + 1).map { "\($0)" } }
                        else if v.kind[k + 1] == .fraction || v.kind[k + 1] == .date { m = dateValue(v.lower[k + 1], .fraction, first.from.year) ?? dateValue(v.lower[k + 1]) }
                        else { m = nil }
                        // `năm 2020 và 2.000 tỷ`: a year-shaped member only when it is one
                        guard let m, Period(m) != nil else { break }
                        // `năm 2018 và 2019 dẫn đến`: a year close to the first is a member whatever follows
                        if first.grain == .year, let y = Int(m), abs(y - first.from.year) > 10, k + 2 < v.count, v.isWordLike(k + 2),
                           !v.isAny(k + 2, followersOfCoordinatedYears) { break }
                        members.append(m)
                        k += 2
                    }
                    if members.count > 1 {
                        e.range = e.range.lowerBound..<k
                        e.items = members
                        next = k
                    }
                }
                // `năm 2016 và 5 tháng đầu năm 2017`: two periods one after the other are one span
                if e.items.isEmpty, v.is(next, "và"), let value = e.value, let first = Period(value),
                   let (e2, end2) = match(v, next + 1, contextYear: contextYear, referenceYear: referenceYear, articleYear: articleYear),
                   let second = e2.value.flatMap(Period.init), first.end < second.start, first.grain != .day || second.grain != .day {
                    e.range = e.range.lowerBound..<e2.range.upperBound
                    e.value = "\(first.from.text)..\(second.to.text)"
                    next = end2
                }
                if let value = e.value, value.utf8.count == 10, let p = Period(value), p.grain == .range, case .year(let a) = p.from, case .year(let b) = p.to, b - a >= 1, b - a < 12 {
                    e.items = (a...b).map { "\($0)" }
                }
                // `gấp 1,5 lần năm 2022`, `gấp đôi năm 2023`: the base of a ratio
                if v.is(e.range.lowerBound - 1, "lần") || (v.isAny(e.range.lowerBound - 1, ratioWords) && v.is(e.range.lowerBound - 2, "gấp")) {
                    e.isComparison = true
                }
                // `so với (thời điểm) (cuối) quý III/2016`, `cùng kỳ năm 2019`: back to the clause's start
                var k = e.range.lowerBound - 1
                while k >= 0, k >= e.range.lowerBound - 6, !v.isAny(k, RuleWords.clauseBreaks) {
                    if v.is(k, "so") || (v.is(k, "cùng") && v.is(k + 1, "kỳ")) { e.isComparison = true; break }
                    k -= 1
                }
                // a document's date or number (`văn bản 571/VPCP-KTTH ngày 19/01/2017`,
                // `Thông tư 02/2017`) is not the time of the figures
                let s = e.range.lowerBound
                if v.kind[s] == .date || v.kind[s] == .fraction || v.is(s, "ngày") {
                    let k = s - 1
                    if k >= 0, v.kind[k] == .code || v.isAny(k, RuleWords.documentEndings) { e.isComparison = true }
                    if k >= 1, v.is(k, "ngày"), v.kind[k - 1] == .code { e.isComparison = true }
                }
                out.append(e)
                i = next
            } else {
                i += 1
            }
        }
        return out
    }

    /// `01/02/2019` -> `2019-02-01`, `1/2017` -> `2017-01`; a day and month (`1/6`, a
    /// fraction token) takes `year`.
    static func dateValue(_ s: String, _ kind: Token.Kind = .date, _ year: Int? = nil) -> String? {
        let p = dateParts(s)
        if p.count == 3 { return "\(p[2] < 100 ? 2000 + p[2] : p[2])-\(pad(p[1]))-\(pad(p[0]))" }
        if p.count == 2, kind == .fraction {
            guard let year, (1...31).contains(p[0]), (1...12).contains(p[1]) else { return nil }
            return "\(year)-\(pad(p[1]))-\(pad(p[0]))"
        }
        if p.count == 2 { return "\(p[1])-\(pad(p[0]))" }
        return nil
    }

    static let soKey = TextKey.ofLowercase("so")
    static let kyKey = TextKey.ofLowercase("kỳ")

    /// Whether `so` (với) or (cùng) `kỳ` stands in the five tokens before `i`: a comparison.
    static func comparedBefore(_ v: SentenceView, _ i: Int) -> Bool {
        for k in max(0, i - 5)..<i where v.keys[k] == soKey || v.keys[k] == kyKey { return true }
        return false
    }

    static func dateParts(_ s: String) -> [Int] {
        s.split(separator: "/").compactMap { Int($0) }
    }

    /// The words a time expression can begin with; other syllables are skipped at once.
    static let openers = RuleWords.words("time-openers.txt")

    private static func match(_ v: SentenceView, _ i: Int, contextYear: Int?, referenceYear: Int?, articleYear: Int?) -> (TimeExpression, Int)? {
        guard i >= 0, i < v.count else { return nil }
        if v.kind[i] == .syllable, !openers.contains(v.keys[i]) { return nil }
        if v.kind[i] == .punctuation || v.kind[i] == .symbol || v.kind[i] == .abbreviation { return nil }
        // token i's text is made only where a rule needs it (numbers, dates)
        // từ (năm) X đến/tới (hết) (năm) Y
        if v.is(i, "từ") {
            var j = i + 1
            if v.is(j, "năm") { j += 1 }
            if let a = yearAt(v, j) {
                var k = j + 1
                if v.is(k, "đến") || v.is(k, "tới") || v.is(k, "-") {
                    k += 1
                    if v.is(k, "hết") || v.is(k, "cuối") { k += 1 }
                    if v.is(k, "năm") { k += 1 }
                    if let b = yearAt(v, k) { return (TimeExpression(range: i..<(k + 1), value: "\(a)..\(b)"), k + 1) }
                }
            }
        }
        // từ (ngày) 1/10/2016 đến (ngày) 30/6/2017
        if v.is(i, "từ") {
            var j = i + 1
            if v.is(j, "ngày") { j += 1 }
            if j < v.count, v.kind[j] == .date || v.kind[j] == .fraction, let a = dateValue(v.lower[j], v.kind[j], contextYear) {
                var k = j + 1
                if v.is(k, "đến") || v.is(k, "tới") || v.is(k, "-") {
                    k += 1
                    if v.is(k, "ngày") || v.is(k, "hết") { k += 1 }
                    if k < v.count, v.kind[k] == .date || v.kind[k] == .fraction, let b = dateValue(v.lower[k], v.kind[k], contextYear) {
                        return (TimeExpression(range: i..<(k + 1), value: "\(a)..\(b)"), k + 1)
                    }
                }
            }
            // từ đầu năm (Y) đến (hết) (ngày) 14/7: the year so far
            if v.is(i + 1, "đầu"), v.is(i + 2, "năm") {
                var j = i + 3
                var y = contextYear
                if let yy = yearAt(v, j) { y = yy; j += 1 }
                if v.is(j, "đến") || v.is(j, "tới") {
                    var k = j + 1
                    if v.is(k, "hết") { k += 1 }
                    if v.is(k, "ngày") || v.is(k, "phiên") { k += 1 }
                    if let y, k < v.count, v.kind[k] == .date || v.kind[k] == .fraction, let b = dateValue(v.lower[k], v.kind[k], y) {
                        return (TimeExpression(range: i..<(k + 1), value: "\(y)-01-01..\(b)"), k + 1)
                    }
                }
            }
            // từ tháng 6 đến (hết) tháng 8 (năm Y)
            if v.is(i + 1, "tháng"), let m1 = Int(v.lower(i + 2) ?? ""), (1...12).contains(m1) {
                var k = i + 3
                if v.is(k, "đến") || v.is(k, "tới") {
                    k += 1
                    if v.is(k, "hết") || v.is(k, "cuối") { k += 1 }
                    // `tháng 8`, `tháng 8/2024`
                    let second = v.lower(k + 1).map(dateParts) ?? []
                    if v.is(k, "tháng"), let m2 = second.first, (1...12).contains(m2), m2 > m1, second.count == 1 || second.count == 2 && second[1] >= 1900 {
                        k += 2
                        var y = second.count == 2 ? second[1] : contextYear
                        if v.is(k, "năm"), let yy = yearAt(v, k + 1) { y = yy; k += 2 }
                        return (TimeExpression(range: i..<k, value: y.map { "\($0)-\(pad(m1))..\($0)-\(pad(m2))" }), k)
                    }
                }
            }
        }
        // giai đoạn / nhiệm kỳ / thời kỳ / năm 2015-2020 or 2015 - 2020
        if v.isAny(i, RuleWords.periodHeads) {
            let j = i + 1
            if j < v.count, v.kind[j] == .range {
                let parts = v.lower[j].split(separator: "-").compactMap { year(String($0)) }
                if parts.count == 2 { return (TimeExpression(range: i..<(j + 1), value: "\(parts[0])..\(parts[1])"), j + 1) }
            }
            if let a = yearAt(v, j), v.is(j + 1, "-"), let b = yearAt(v, j + 2) {
                return (TimeExpression(range: i..<(j + 3), value: "\(a)..\(b)"), j + 3)
            }
        }
        // N tháng đầu/cuối năm (Y), N tháng (năm) Y
        if v.is(i + 1, "tháng"), v.kind[i] == .number || SpelledNumerals.digitKeys[v.keys[i]] != nil {
            let n = v.kind[i] == .number ? Int(v.lower[i]) ?? 0 : SpelledNumerals.digitKeys[v.keys[i]] ?? 0
            var j = i + 2
            var last = false
            var hasFrame = false
            if v.is(j, "đầu") || v.is(j, "cuối") { last = v.is(j, "cuối"); j += 1; hasFrame = true }
            if v.is(j, "năm") {
                j += 1
                hasFrame = true
                var y = yearAt(v, j)
                if y != nil { j += 1 } else { y = contextYear }
                if (1...12).contains(n) {
                    guard let y else { return (TimeExpression(range: i..<j, value: nil), j) }
                    let value: String
                    if n == 6 { value = "\(y)-H\(last ? 2 : 1)" }
                    else if n == 3 && !last { value = "\(y)-Q1" }
                    else if n == 12 { value = "\(y)" }
                    else { value = last ? "\(y)-\(pad(13 - n))..\(y)-12" : "\(y)-01..\(y)-\(pad(n))" }
                    return (TimeExpression(range: i..<j, value: value), j)
                }
            }
            // `8 tháng qua`: the year so far
            if !hasFrame, v.is(j, "qua"), (1...12).contains(n) {
                let value = contextYear.map { y in n == 12 ? "\(y)" : "\(y)-01..\(y)-\(pad(n))" }
                return (TimeExpression(range: i..<(j + 1), value: value), j + 1)
            }
            if hasFrame { return (TimeExpression(range: i..<j, value: nil), j) }
        }
        // `những tháng đầu năm 2017`, `các tháng cuối năm`: the year's
        if v.is(i, "tháng"), v.is(i - 1, "những") || v.is(i - 1, "các"), v.is(i + 1, "đầu") || v.is(i + 1, "cuối"), v.is(i + 2, "năm") {
            if let y = yearAt(v, i + 3) { return (TimeExpression(range: (i - 1)..<(i + 4), value: "\(y)"), i + 4) }
            return (TimeExpression(range: (i - 1)..<(i + 3), value: contextYear.map { "\($0)" }), i + 3)
        }
        // quý I/2019, quý I năm 2019, quý 3
        if v.is(i, "quý"), i + 1 < v.count {
            let q = v.lower[i + 1]
            let parts = q.split(separator: "/").map(String.init)
            if let p0 = parts.first, let n = romanQuarters[p0] ?? Int(parts[0]).flatMap({ (1...4).contains($0) ? $0 : nil }) {
                if parts.count == 2, let y = year(parts[1]) { return (TimeExpression(range: i..<(i + 2), value: "\(y)-Q\(n)"), i + 2) }
                if v.is(i + 2, "/") || v.is(i + 2, "năm"), let y = yearAt(v, i + 3) {
                    return (TimeExpression(range: i..<(i + 4), value: "\(y)-Q\(n)"), i + 4)
                }
                return (TimeExpression(range: i..<(i + 2), value: contextYear.map { "\($0)-Q\(n)" }), i + 2)
            }
        }
        // tháng 1/2017, tháng 1 năm 2017, tháng 3
        if v.is(i, "tháng"), i + 1 < v.count {
            let j = i + 1
            if v.kind[j] == .date {
                let p = dateParts(v.lower[j])
                if p.count == 2 { return (TimeExpression(range: i..<(j + 1), value: "\(p[1])-\(pad(p[0]))"), j + 1) }
            }
            if v.kind[j] == .number, let m = Int(v.lower[j]), (1...12).contains(m) {
                if v.is(j + 1, "năm") || v.is(j + 1, "/"), let y = yearAt(v, j + 2) {
                    return (TimeExpression(range: i..<(j + 3), value: "\(y)-\(pad(m))"), j + 3)
                }
                return (TimeExpression(range: i..<(j + 1), value: contextYear.map { "\($0)-\(pad(m))" }), j + 1)
            }
        }
        // dates: 01/02/2019, ngày 12/7, 1/2017 (a month)
        if v.kind[i] == .date {
            let p = dateParts(v.lower[i])
            if p.count == 3 {
                let y = p[2] < 100 ? 2000 + p[2] : p[2]
                return (TimeExpression(range: i..<(i + 1), value: "\(y)-\(pad(p[1]))-\(pad(p[0]))"), i + 1)
            }
            if p.count == 2 { return (TimeExpression(range: i..<(i + 1), value: "\(p[1])-\(pad(p[0]))"), i + 1) }
        }
        // `ngày 30.6`, `trước ngày 15.3`: a day and month written with a dot
        if v.kind[i] == .number, v.isAny(i - 1, dateIntroducers) || v.is(i - 1, "mùng"), isDayMonth(v.lower[i]) {
            let p = v.lower[i].split(separator: ".").compactMap { Int($0) }
            return (TimeExpression(range: i..<(i + 1), value: contextYear.map { "\($0)-\(pad(p[1]))-\(pad(p[0]))" }), i + 1)
        }
        if v.kind[i] == .fraction, v.isAny(i - 1, dateIntroducers) {
            let p = dateParts(v.lower[i])
            if p.count == 2, (1...31).contains(p[0]), (1...12).contains(p[1]) {
                return (TimeExpression(range: i..<(i + 1), value: contextYear.map { "\($0)-\(pad(p[1]))-\(pad(p[0]))" }), i + 1)
            }
        }
        // `đến 2016`, `vào 2020`, `cuối 2016`: a bare year after a time preposition
        if let y = yearAt(v, i), v.isAny(i - 1, RuleWords.yearPrepositions) {
            return (TimeExpression(range: i..<(i + 1), value: "\(y)"), i + 1)
        }
        // `(2016 - 2020)`, `(2016-2020)` after a figure: the period it covers
        if v.is(i - 1, "(") {
            if v.kind[i] == .range, v.is(i + 1, ")") {
                let parts = v.lower[i].split(separator: "-").compactMap { year(String($0)) }
                if parts.count == 2, parts[0] < parts[1] { return (TimeExpression(range: i..<(i + 1), value: "\(parts[0])..\(parts[1])"), i + 1) }
            }
            if let a = yearAt(v, i), v.is(i + 1, "-") || v.is(i + 1, "–"), let b = yearAt(v, i + 2), a < b, v.is(i + 3, ")") {
                return (TimeExpression(range: i..<(i + 3), value: "\(a)..\(b)"), i + 3)
            }
        }
        // a bare year after a noun: `ngân sách 2016`, `dự kiến 2018 là`, `Canh Tý 2020`; not a
        // count (`có 2016 hộ`: a noun follows) nor after a function word (`là 2016`)
        // `Olympic Rio 2016`, `Canh Tý 2020`: after a name, a year is part of it or its time
        if let y = yearAt(v, i), i > 0, v.kind[i - 1] == .syllable, !v.isAny(i - 1, notBeforeBareYear),
           !v.isWordLike(i + 1) || v.isAny(i + 1, afterBareYear) || v.isCapitalised(i - 1) || v.isCapitalised(i + 1) {
            // `Xuân Đinh Dậu 2017`, `Tết Canh Tý 2020`: the year names a holiday; it completes the
            // sentence's dates (`Chiều 10/2`) but is no time of its figures
            let holiday = v.isAny(i - 1, Exclusions.lunarYearNames) && v.isAny(i - 2, Exclusions.lunarYearNames)
            return (TimeExpression(range: i..<(i + 1), value: "\(y)", isComparison: holiday), i + 1)
        }
        // năm 2018, năm nay / năm qua (relative: no stated time)
        if v.is(i, "năm") {
            if let y = yearAt(v, i + 1) { return (TimeExpression(range: i..<(i + 2), value: "\(y)"), i + 2) }
            // `Trong năm, tỉnh cấp mới 27 dự án`: the year in context
            if v.is(i - 1, "trong"), i + 1 >= v.count || v.isPunctuation(i + 1) || !v.isAny(i + 1, RuleWords.relativeYearWords) && v.kind[i + 1] != .number,
               let y = contextYear, i + 1 >= v.count || !v.isWordLike(i + 1) || v.isPunctuation(i + 1) {
                return (TimeExpression(range: i..<(i + 1), value: "\(y)"), i + 1)
            }
            // `năm nay` is the article's year when its date is known
            if v.is(i + 1, "nay"), let y = articleYear { return (TimeExpression(range: i..<(i + 2), value: "\(y)"), i + 2) }
            if v.isAny(i + 1, RuleWords.relativeYearWords) {
                return (TimeExpression(range: i..<(i + 2), value: nil), i + 2)
            }
        }
        // a bare year opening a clause: `2016 là năm ...`
        if let y = yearAt(v, i), i == 0 || v.isPunctuation(i - 1), v.is(i + 1, "là") {
            return (TimeExpression(range: i..<(i + 1), value: "\(y)"), i + 1)
        }
        // `Trước đó, ...`, `Khi đó, ...`: a sentence that points at another time states none
        if i == 0, v.isAny(i, anaphoricTimeHeads), v.is(i + 1, "đó") || v.is(i + 1, "đây") || v.is(i + 1, "qua") && v.is(i, "gian") {
            return (TimeExpression(range: i..<(i + 2), value: nil), i + 2)
        }
        // `Hiện toàn tỉnh còn ...`: a sentence about the present states no time of its own
        if i == 0, v.is(i, "hiện"), !v.is(i + 1, "nay"), !v.is(i + 1, "tại") {
            return (TimeExpression(range: i..<(i + 1), value: nil), i + 1)
        }
        // relative times state none: hiện nay, hiện tại, đến nay, năm nay (above)
        if (v.is(i, "hiện") && (v.is(i + 1, "nay") || v.is(i + 1, "tại"))) || (v.is(i, "đến") && v.is(i + 1, "nay")) {
            return (TimeExpression(range: i..<(i + 2), value: nil), i + 2)
        }
        return nil
    }
}

extension Times {
    /// Words after which a bare year is a count, not a time (`là 2016`, `có 2016`, `hơn 2016`).
    static let notBeforeBareYear = RuleWords.words("not-before-bare-year.txt")
    /// `Trước đó`, `Khi đó`, `Lúc đó`, `Sau đó`, `Trước đây`: sentence openers that point at a
    /// time other than the paragraph's.
    static let anaphoricTimeHeads = RuleWords.words("anaphoric-time-heads.txt")
    /// `gấp đôi`, `gấp rưỡi`: a ratio spelled as one word.
    static let ratioWords = RuleWords.words("ratio-words.txt")
    /// Words after `năm 2013 và 2014` that keep the second year a year (`lần lượt`, `là`, `đạt`,
    /// `qua`); any other word makes it a count (`năm 2020 và 2014 hộ`).
    static let followersOfCoordinatedYears = RuleWords.words("coordinated-year-followers.txt")
    /// Words that may follow a bare year that is a time (`dự kiến 2018 là`, `ngân sách 2016 đạt`).
    static let afterBareYear = RuleWords.words("after-bare-year.txt")
}

/// Rule word sets, built once.
extension RuleWords {
    /// `thông tư`, `quyết định`, `văn bản`: a date after one is the document's.
    static let documentEndings = RuleWords.words("document-endings.txt")
    /// `giai đoạn`, `nhiệm kỳ`, `năm` before a span of years.
    static let periodHeads = RuleWords.words("period-heads.txt")
    /// `đến 2016`, `vào 2020`: prepositions that make a bare year a time.
    static let yearPrepositions = RuleWords.words("year-prepositions.txt")
    /// `năm nay`, `năm qua`, `năm ngoái`: relative years.
    static let relativeYearWords = RuleWords.words("relative-year-words.txt")
}
