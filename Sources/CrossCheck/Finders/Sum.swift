import Figures
import Foundation

extension CrossChecker {
    /// `sum`: a total and its parts (`trong đó`, `gồm`, `riêng`, a part in parentheses, `X trên
    /// tổng số Y`, a remainder `còn lại`). A complete breakdown holds when the parts add up to the
    /// total within the printed precision; parts the text gives as only some of the total hold
    /// when they add up to at most the total.
    func sums(_ page: Page, article: String?) -> [Finding] {
        page.sumCandidates().map { c in
            let total = page.figures[c.total]
            let parts = c.parts.map { page.figures[$0] }
            let sum = parts.dropFirst().reduce(parts[0].interval) { $0 + $1.interval }
            let verdict: Finding.Verdict
            switch c.reading {
            case .complete: verdict = sum.overlaps(total.interval) ? .holds : .fails
            case .partial: verdict = sum.overlaps(total.interval.upToUpperEnd) ? .holds : .fails
            }
            var sev = severity(verdict, [total] + parts)
            // a slip of the thousands (a part ten times or more the total) is an error whatever the qualifiers
            if verdict == .fails, let l = sum.lower, let u = total.interval.upper, u > 0, l >= u * 10 { sev = .error }
            let scale = SumScale(total: total, parts: parts)
            func say(_ l: Language) -> String {
                let mids = parts.map(\.printedMiddle)
                let added = mids.dropFirst().reduce(mids[0], +)
                let lhs = parts.count == 1 ? scale.write(added, l) : mids.map { scale.write($0, l) }.joined(separator: " + ") + " = " + scale.write(added, l)
                let rel: String
                switch (c.reading, verdict) {
                case (.partial, .fails): rel = ">"
                case (.partial, _) where !sum.overlaps(total.interval): rel = "≤"
                case (_, .fails): rel = "≠"
                default: rel = added == total.printedMiddle ? "=" : "≈"
                }
                return "\(lhs) \(rel) \(scale.bounded(total, l))\(scale.suffix(l)): \(l.verdict(verdict))"
            }
            return Finding(article: article, kind: .sum, verdict: verdict, severity: sev,
                           figures: [page.sumRef(c.total)] + c.parts.map { page.sumRef($0) },
                           computation: say(.vietnamese), computationEnglish: say(.english))
        }
    }
}

/// A total and its parts as the text presents them (figure indices of a `Page`).
struct SumCandidate: Equatable {
    enum Reading: Equatable {
        /// The parts make up the total (`gồm`, `bao gồm`, a list closed by `còn lại`).
        case complete
        /// The parts are some of the total (`trong đó có`, `riêng`, a part in parentheses).
        case partial
    }

    var total: Int
    var parts: [Int]
    var reading: Reading
}

/// What introduces parts.
enum SumCue: Equatable {
    /// `trong đó`, `trong số này`: parts of a total before (their sum at most the total).
    case among
    /// `cụ thể`: details of what the sentence before says (parts of a total in it, at most).
    case detail
    /// `gồm`, `bao gồm`: every part of the total before.
    case consists
    /// `riêng`: one part singled out, of the nearest total before.
    case singled
    /// `trong tổng số X`: the total follows, its parts after it.
    case amongTotal
}

extension Page {
    /// Words that introduce parts, longest first where one contains another.
    static let sumCueWords: [(String, SumCue)] = [
        ("trong tổng số", .amongTotal), ("trong đó có", .among), ("trong số đó có", .among), ("trong số này có", .among),
        ("trong đó", .among), ("trong số đó", .among), ("trong số này", .among), ("trong số", .amongTotal),
        ("cụ thể", .detail), ("bao gồm", .consists), ("gồm có", .consists), ("gồm", .consists),
        ("chỉ tính riêng", .singled), ("tính riêng", .singled), ("riêng", .singled),
    ]
    /// A word of every cue of `sumCueWords`.
    static let sumCueStems = ["trong", "cụ thể", "gồm", "riêng"]
    /// Words before a part that close a breakdown: the rest of the total (`còn lại 66 tỷ đồng`).
    static let remainderWords = ["phần còn lại", "số còn lại", "còn lại", "còn dư", "còn thừa"]
    /// Words right before a figure that make it a change, not an amount (`tăng 3,9 nghìn vụ`).
    static let sumChangeWords = ["tăng", "giảm", "tăng thêm", "giảm thêm", "tăng được", "giảm được", "giảm đi", "tăng lên", "giảm xuống"]
    /// Words right before a figure that make it a term of comparison (`từ 401 xuống còn 208`).
    static let sumComparedWords = ["so với", "từ", "lên", "xuống", "xuống còn", "gấp", "bằng", "hơn", "kém", "thay vì", "cùng kỳ"]
    /// Words between two figures that make the second restate the first (`2.556.039 tỷ đồng (hơn 2,5 triệu tỷ đồng)`).
    static let restateWords = ["", "tương đương", "tương đương với", "tức", "tức là", "hay", "khoảng", "tương ứng"]
    /// Words right before a total that close the list of its parts (`..., tổng cộng 200 hộ`).
    static let closingTotalWords = ["tổng cộng", "tổng cộng là", "cộng lại", "tất cả là", "tính chung", "cả thảy"]
    /// Words right before a figure that name it the total of the figure before (`17.586 vụ việc trên tổng số 28.843 vụ việc`).
    static let ofTotalWords = ["trên tổng số", "/ tổng số", "trong tổng số"]
    /// Words in a parenthesis before a figure that make it something else than a part (`năm trước 8 tỷ đồng`).
    static let asideWords = ["năm trước", "cùng kỳ", "so với", "kế hoạch", "chỉ tiêu", "dự toán", "mục tiêu", "tăng", "giảm", "tương đương",
                             "tương ứng", "dưới", "vượt", "cao hơn", "thấp hơn", "báo động"]

    /// What a figure plays in a sum: an amount, a change (`tăng 5 tỷ`), or a term of comparison; nil when it plays no part.
    enum SumRole { case amount, change }

    /// The role of figure `k` in a sum, nil when it cannot be a total or a part.
    func sumRole(_ k: Int) -> SumRole? {
        let f = figures[k]
        guard !f.unit.isEmpty, f.unit != "%", !isFractionOfWhole(k), !isAverage(k), !Page.unaddableUnits.contains(f.unit.lowercased()) else { return nil }
        // a price or an income (`17.000 đồng/kg`, `37,4 triệu đồng/năm`) adds up to nothing
        if f.rate != nil, Page.countsMoney(f) { return nil }
        let tail = Page.trimmedLead(leadIns[k])
        if Page.sumComparedWords.contains(where: { Page.hasWordSuffix(tail, $0) }) { return nil }
        if Page.sumChangeWords.contains(where: { Page.hasWordSuffix(tail, $0) }) { return .change }
        return .amount
    }

    /// Whether figure `k` converts the figure before it into another unit (`40.000 SGD (tương đương 650 triệu đồng)`).
    func convertsFigureBefore(_ k: Int) -> Bool {
        let tail = Page.trimmedLead(leadIns[k])
        return ["tương đương", "tương đương với", "tức", "quy đổi", "khoảng chừng"].contains { Page.hasWordSuffix(tail, $0) }
    }

    /// Whether figure `k` is a fraction of a whole (`hơn 3/4 diện tích`): a share, no amount.
    func isFractionOfWhole(_ k: Int) -> Bool {
        let f = figures[k]
        return f.value > 0 && f.value < 1 && f.text.has("/") && !isFractionSide(k)
    }

    /// Whether a figure counts money (its unit a currency: `đồng`, `USD`).
    static func countsMoney(_ f: Figure) -> Bool {
        ["đồng", "usd", "eur", "vnd", "vnđ", "yên", "nhân dân tệ", "bảng anh", "won"].contains(f.unit.lowercased())
    }

    /// Whether figures `a` and `b` can be a total and its part: the same unit (or one unit the
    /// start of the other: `đơn vị` and `đơn vị sự nghiệp`), the same rate and overlapping times.
    func sumCompatible(_ a: Int, _ b: Int, time: Bool = true) -> Bool {
        let x = figures[a], y = figures[b]
        guard x.rate == y.rate else { return false }
        let u = x.unit.lowercased().split(separator: " "), v = y.unit.lowercased().split(separator: " ")
        guard !u.isEmpty, !v.isEmpty, u.starts(with: v) || v.starts(with: u) else { return false }
        if time, let s = x.time, let t = y.time, s.end < t.start || t.end < s.start { return false }
        return true
    }

    /// The lead-in without its trailing spaces and punctuation.
    static func trimmedLead(_ lead: String) -> String {
        var end = lead.endIndex
        while end > lead.startIndex {
            let c = lead[lead.index(before: end)]
            guard c == " " || c == "," || c == ":" || c == "(" || c == "\u{a0}" || c == "-" || c == "–" else { break }
            end = lead.index(before: end)
        }
        return String(lead[..<end])
    }

    /// Whether `text` ends with the words `w` (no letter or digit right before them).
    static func hasWordSuffix(_ text: String, _ w: String) -> Bool {
        guard text.hasSuffix(w) else { return false }
        let before = text.dropLast(w.count).last
        return before.map { !$0.isLetter && !$0.isNumber } ?? true
    }

    /// Words that end a list: what follows contrasts with it (`trong khi nhu cầu lên đến 280.000 căn`).
    static let listEndWords = ["trong khi", "nhưng", "tuy nhiên", "song", "ngoài ra", "bên cạnh đó"]

    /// Whether a lead-in ends the list before it (a contrast, `trong khi`).
    static func endsSumList(_ lead: String) -> Bool {
        listEndWords.contains { w in
            lead.find(w).map { r in (r.lowerBound == lead.startIndex || !lead[lead.index(before: r.lowerBound)].isLetter)
                && (r.upperBound == lead.endIndex || !lead[r.upperBound].isLetter) } ?? false
        }
    }

    /// Whether the text after a cue closes a parenthesis it did not open: the cue spoke inside one
    /// that ended before the figure (`(bao gồm cả nguồn năm 2014 ...); Tổng số chi ...`).
    static func closedAfter(_ after: Substring) -> Bool {
        var depth = 0
        for c in after {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1; if depth < 0 { return true } }
        }
        return false
    }

    /// Words before a cue that deny it (`không bao gồm`, `chưa gồm`).
    static let sumCueNegations = ["không", "chưa"]
    /// Words after `riêng` that make it another word (`riêng lẻ`, `riêng biệt`, `nhà riêng`).
    static let notSingledAfter = ["lẻ", "biệt", "tư", "rẽ", "mình"]

    /// The last cue of `lead` that introduces parts, the text after it, and how many scalars from
    /// the cue's start to the end of `lead`.
    static func lastSumCue(in lead: String) -> (cue: SumCue, after: Substring, fromCue: Int)? {
        // every cue has one of these words: most lead-ins have none
        guard sumCueStems.contains(where: { lead.has($0) }) else { return nil }
        var best: (String.Index, String.Index, SumCue)? = nil
        for (w, cue) in sumCueWords {
            var from = lead.startIndex
            while let r = lead.find(w, in: from..<lead.endIndex) {
                from = r.upperBound
                let okBefore = r.lowerBound == lead.startIndex || !(lead[lead.index(before: r.lowerBound)].isLetter)
                let okAfter = r.upperBound == lead.endIndex || !(lead[r.upperBound].isLetter)
                guard okBefore, okAfter else { continue }
                // `không bao gồm`, `chưa gồm`: the word before the cue, or before `bao gồm`
                let before = lead[..<r.lowerBound].split(separator: " ").suffix(2).map(String.init)
                if let last = before.last, sumCueNegations.contains(last) || (last == "bao" && before.count == 2 && sumCueNegations.contains(before[0])) { continue }
                if cue == .singled, let next = lead[r.upperBound...].split(separator: " ").first, notSingledAfter.contains(String(next)) { continue }
                // a longer cue found at the same place wins (listed first)
                if best == nil || r.lowerBound > best!.0 { best = (r.lowerBound, r.upperBound, cue) }
            }
        }
        guard let (start, end, cue) = best else { return nil }
        return (cue, lead[end...], lead[start...].unicodeScalars.count)
    }

    /// A sentence's start with its drop capital joined again (`T rong đó` -> `trong đó`): a page's
    /// first letter set apart, as scraped pages print it.
    static func joiningDropCap(_ lead: String) -> String {
        let trimmed = lead.drop { $0 == " " || $0 == "\n" || $0 == "\u{a0}" }
        let cs = Array(trimmed.prefix(3))
        guard cs.count == 3, cs[0].isLetter, cs[1] == " ", cs[2].isLetter, !cs[2].isUppercase else { return lead }
        // a one-letter word of its own (`ở`, `và`...) stays apart: only a letter that starts no word here
        guard !["ở", "á", "ạ", "ừ", "à", "ô", "ơ", "ủ", "y"].contains(String(cs[0])) else { return lead }
        return String(cs[0]) + String(trimmed.dropFirst(2))
    }

    /// Whether the lead-in of figure `k` names it a total (`tổng số`, `tổng kinh phí`, `tổng cộng`).
    func leadNamesTotal(_ k: Int) -> Bool {
        let lead = leadIns[k]
        guard let r = lead.find("tổng", backwards: true) else { return false }
        let before = r.lowerBound == lead.startIndex ? nil : lead[lead.index(before: r.lowerBound)]
        let after = r.upperBound == lead.endIndex ? nil : lead[r.upperBound]
        return !(before?.isLetter ?? false) && !(after?.isLetter ?? false) && !lead[r.upperBound...].has(",")
    }

    /// Whether figure `k` restates the figure before it in its sentence (`(gần 2,6 triệu tỷ đồng)`).
    func restatesFigureBefore(_ k: Int) -> Bool {
        guard k > 0, figures[k - 1].sentenceIndex == figures[k].sentenceIndex, figures[k - 1].end <= figures[k].start,
              sumCompatible(k - 1, k) else { return false }
        let between = leadIns[k].trimmingCharacters(in: CharacterSet(charactersIn: " ,;:()-–\u{a0}"))
        guard Page.restateWords.contains(between) else { return false }
        let a = figures[k - 1].value, b = figures[k].value
        guard a > 0, b > 0 else { return false }
        let r = a > b ? a / b : b / a
        return r <= Decimal(string: "1.15")!
    }

    /// Whether the figure right before `k` in its sentence is the part of `k` as a total (`X trên tổng số Y`).
    func isOfTotal(_ k: Int) -> Bool {
        let tail = Page.trimmedLead(leadIns[k])
        return Page.ofTotalWords.dropLast().contains { Page.hasWordSuffix(tail, $0) }
    }

    /// The figures of the sentence of `k` and of up to `before` sentences before it and `after`
    /// after it, as a range of indices (found from `k` outward: no scan of the page).
    func figureWindow(_ k: Int, sentencesBefore before: Int, after: Int) -> Range<Int> {
        let s = figures[k].sentenceIndex
        var a = k, b = k + 1
        while a > 0, s - figures[a - 1].sentenceIndex <= before { a -= 1 }
        while b < figures.count, figures[b].sentenceIndex - s <= after { b += 1 }
        return a..<b
    }

    /// The figures of the sentence of `k`, as a range of indices.
    func sentenceRange(ofFigure k: Int) -> Range<Int> {
        let s = figures[k].sentenceIndex
        var a = k, b = k + 1
        while a > 0, figures[a - 1].sentenceIndex == s { a -= 1 }
        while b < figures.count, figures[b].sentenceIndex == s { b += 1 }
        return a..<b
    }

    /// A reference to figure `k` for a finding: the figure, or, for one of the two figures that
    /// share a printed fraction (`923,835/1.010 tỷ đồng`), its own side of the slash.
    func sumRef(_ k: Int) -> Finding.FigureRef {
        let f = figures[k]
        let twins = [k - 1, k, k + 1].filter { figures.indices.contains($0) && figures[$0].start == f.start && figures[$0].end == f.end }
        let scalars = Array(f.text.unicodeScalars)
        guard twins.count == 2, let slash = scalars.firstIndex(of: "/") else { return .init(f) }
        let first = twins.min { figures[$0].id < figures[$1].id } == k
        var a = first ? 0 : slash + 1, b = first ? slash : scalars.count
        // the first side is its number only (`923,835`), the second keeps the unit
        if first { while a < b, scalars[a] != "/" && !("0"..."9").contains(scalars[a]) { a += 1 } }
        while b > a, scalars[b - 1] == " " { b -= 1 }
        while a < b, scalars[a] == " " { a += 1 }
        // the first side keeps its qualifier words (`khoảng 60/80`): from the text's start
        if first { a = 0 }
        let text = String(String.UnicodeScalarView(scalars[a..<b]))
        return Finding.FigureRef(text: text, start: f.start + a, end: f.start + b, id: f.id)
    }

    /// The sums the text states, in text order of their cues; a bounded window around each cue.
    func sumCandidates() -> [SumCandidate] {
        var out: [SumCandidate] = []
        var keys = Set<[Int]>()
        // parts of totals split in two or more parts: no total for a later `trong đó`
        var listedParts = Set<Int>()
        var allParts = Set<Int>()
        var totals = Set<Int>()
        let roles = figures.indices.map { sumRole($0) }

        /// Adds a total and its parts; one read `firm`ly (the total right before its cue, in the
        /// same sentence) may fail, any other is kept only when it holds.
        func add(_ total: Int, _ parts: [Int], _ reading: SumCandidate.Reading, firm: Bool = true) {
            var total = total
            var parts = parts.filter { $0 != total }
            guard !parts.isEmpty, parts.count <= Page.maxSumParts else { return }
            // of the two figures of a printed fraction (`60/80 đảng viên`), the one the parts add up to
            if let twin = [total - 1, total + 1].first(where: { figures.indices.contains($0) && figures[$0].start == figures[total].start && figures[$0].end == figures[total].end }) {
                let sum = parts.dropFirst().reduce(figures[parts[0]].interval) { $0 + figures[$1].interval }
                if sum.overlaps(figures[twin].interval), !sum.overlaps(figures[total].interval) { total = twin }
            }
            // one part equal to the total is the same figure twice (`repeat`), no sum
            if parts.count == 1, figures[parts[0]].value == figures[total].value || figures[parts[0]].interval.bothEndsFinite
                && figures[total].interval.bothEndsFinite && figures[parts[0]].interval.overlaps(figures[total].interval) { return }
            var reading = reading
            // a part printed above its total holds only through an open bound (`hơn 650 triệu`
            // against `1,3 tỉ`): no sum the text states
            let most = figures[total].valueMax ?? figures[total].value
            if sumHolds(total, parts, reading), parts.contains(where: { figures[$0].value > most }) { return }
            if !sumHolds(total, parts, reading) {
                // a list that runs on past its breakdown (`thu nộp 7.280 tỷ; giảm trừ 81 tỷ; xử lý
                // khác 377 tỷ; xử phạt 1.099 tỷ` of 7.738 tỷ): the first parts that make the total
                if parts.count >= 3, let n = (2..<parts.count).first(where: { n in
                    let head = parts.prefix(n)
                    return tightlyAddsUp(head.map { figures[$0].printedMiddle }.reduce(0, +),
                                         head.dropFirst().reduce(figures[head.first!].interval) { $0 + figures[$1].interval }, to: total)
                }) {
                    parts = Array(parts.prefix(n))
                    reading = .complete
                } else if !firm {
                    return
                }
            }
            let key = [total] + parts.sorted()
            guard keys.insert(key).inserted else { return }
            out.append(SumCandidate(total: total, parts: parts, reading: reading))
            if parts.count >= 2 { listedParts.formUnion(parts) }
            allParts.formUnion(parts)
            totals.insert(total)
        }

        /// The total of part `p` before figure `before`: the nearest compatible figure of the same
        /// role in the sentence, else in the two sentences before (one that can hold `p`, not a
        /// part of a list already read, unless `nearest`).
        func totalBefore(_ p: Int, before: Int, nearest: Bool, reach: Int = 2) -> Int? {
            let s = figures[before].sentenceIndex
            var k = before - 1
            while k >= 0, s - figures[k].sentenceIndex <= reach {
                defer { k -= 1 }
                guard roles[k] != nil, roles[k] == roles[p], sumCompatible(k, p), !restatesFigureBefore(k), !convertsFigureBefore(k) else { continue }
                if figures[k].sentenceIndex == s { return k }
                if isTarget(k) { continue }
                if let u = figures[k].interval.upper, let l = figures[p].interval.lower, u < l { continue }
                if !nearest, listedParts.contains(k) { continue }
                // a figure listed after the sentence's total (`tổng diện tích 4.298ha, rừng tự nhiên 2.810ha`): that total
                if !nearest, !allParts.contains(k), !totals.contains(k),
                   let t = sentenceRange(ofFigure: k).first(where: { $0 < k && roles[$0] == roles[p] && sumCompatible($0, p) && leadNamesTotal($0) }) {
                    return t
                }
                return k
            }
            return nil
        }

        /// Whether the figures of `scope` add up, to the printed digits, to the total right before `j`.
        func madeItsTotal(_ scope: [Int], before j: Int) -> Bool {
            let parts = scope.filter { roles[$0] != nil }
            guard let first = parts.first, let t = totalBefore(first, before: j, nearest: false, reach: 0) else { return false }
            let same = parts.filter { roles[$0] == roles[t] && sumCompatible(t, $0) }
            guard let p0 = same.first else { return false }
            return tightlyAddsUp(same.map { figures[$0].printedMiddle }.reduce(0, +),
                                 same.dropFirst().reduce(figures[p0].interval) { $0 + figures[$1].interval }, to: t)
        }

        // whether each lead-in has a cue of parts (asked again and again in the loops below)
        let cued = leadIns.map { Page.lastSumCue(in: $0) != nil }
        for j in figures.indices {
            let lead = leadIns[j]
            let range = sentenceRange(ofFigure: j)
            // `X trên tổng số Y`: Y is the total of X
            if roles[j] != nil, isOfTotal(j), j > range.lowerBound, let x = (range.lowerBound..<j).reversed().first(where: { roles[$0] == roles[j] && sumCompatible($0, j) }) {
                add(j, [x], .partial)
            }
            // a cue in the lead-in: the parts follow it to the next cue or the sentence's end (the
            // parenthesis's end for a cue in one), leaving out what parentheses inside say of a part
            if let found = Page.lastSumCue(in: Page.joiningDropCap(lead)), !Page.closedAfter(found.after), !Page.endsSumList(String(found.after)) {
                let cue = found.cue, after = found.after
                let cueStart = figures[j].start - found.fromCue
                let inParenthesis = lead.lastIndex(of: "(").map { o in !lead[o...].has(")") && lead.distance(from: o, to: lead.endIndex) >= found.fromCue } ?? false
                var scope: [Int] = []
                var depth = 0
                let nested = (range.lowerBound..<j).contains { cued[$0] }
                // `Cụ thể, ...` opening a sentence details what the sentence before says: in the
                // sentences of its paragraph that follow too (at most two)
                var end = range.upperBound
                if cue == .detail, j == range.lowerBound {
                    let paragraph = paragraph(of: j)
                    end = figureWindow(j, sentencesBefore: 0, after: 2).upperBound
                    while end > range.upperBound, self.paragraph(of: end - 1) != paragraph { end -= 1 }
                }
                for k in j..<end {
                    if k > j {
                        if figures[k].sentenceIndex != figures[k - 1].sentenceIndex { depth = 0 }
                        let l = leadIns[k]
                        if cued[k] || Page.endsSumList(l) { break }
                        // a list inside another one's item ends with that item once it has made the
                        // item (`trong đó khối A 300 người, gồm 120 nữ và 180 nam; khối B 200 người`)
                        if nested, l.has(";"), madeItsTotal(scope, before: j) { break }
                        let opens = l.filter { $0 == "(" }.count, closes = l.filter { $0 == ")" }.count
                        if inParenthesis && closes > opens + depth { break }
                        depth = max(0, depth + opens - closes)
                    } else if !inParenthesis, let o = lead.lastIndex(of: "("), !lead[o...].has(")") {
                        depth = 1
                    }
                    if depth > 0 && !(k == j && inParenthesis) { continue }
                    scope.append(k)
                }
                scope = scope.filter { roles[$0] != nil && !restatesFigureBefore($0) && !(($0 + 1) < figures.count && isOfTotal($0 + 1)) }
                // `gồm` lists every part; `gồm cả`, `bao gồm khoản ...` with one part names some of them
                let all = cue == .consists && !after.hasPrefix(" cả")
                func closes(_ parts: [Int]) -> SumCandidate.Reading {
                    if all && parts.count >= 2 { return .complete }
                    return parts.dropFirst().contains { p in Page.remainderWords.contains { Page.trimmedLead(leadIns[p]).hasSuffix($0) || leadIns[p].has(" " + $0 + " ") } } ? .complete : .partial
                }
                /// Whether total `t` stands right before the cue: in its sentence, nothing but words
                /// between them (no `;`, at most 80 letters).
                func firm(_ t: Int) -> Bool {
                    guard figures[t].sentenceIndex == figures[j].sentenceIndex, figures[t].end <= cueStart else { return false }
                    let between = String(String.UnicodeScalarView(scalars[figures[t].end..<cueStart]))
                    return !between.has(";") && between.unicodeScalars.count <= 80
                }
                if cue == .amongTotal, after.trimmingCharacters(in: .whitespaces).isEmpty, roles[j] != nil {
                    // `Trong tổng số X ..., Y`, `trong số 13 chỉ tiêu có 11 chỉ tiêu đạt`: X is the total of
                    // what follows, and itself part of a total before
                    let parts = scope.filter { $0 != j && roles[$0] == roles[j] && sumCompatible(j, $0) }
                    if !parts.isEmpty { add(j, parts, closes(parts)) }
                    if j == range.lowerBound, let t = totalBefore(j, before: j, nearest: false), figures[t].sentenceIndex < figures[j].sentenceIndex {
                        add(t, [j], .partial, firm: false)
                    }
                } else {
                    var used = Set<Int>()
                    for p in scope where !used.contains(p) {
                        guard let t = totalBefore(p, before: j, nearest: cue == .singled, reach: cue == .detail ? 1 : 2) else { continue }
                        let parts = scope.filter { roles[$0] == roles[t] && sumCompatible(t, $0) }
                        used.formUnion(parts)
                        add(t, parts, closes(parts), firm: firm(t))
                    }
                }
            }
            // a list of bullets (`Trong đó:` or `gồm:` ending a line, then `- Vốn ngân sách: 450 tỷ
            // đồng;` ...): each bullet's figures are parts of the total before the cue
            if j > 0, j == range.lowerBound, Page.startsWithBullet(lead), let cue = bulletListCue(before: j) {
                var parts: [Int] = []
                var k = j
                while k < figures.count, parts.count <= Page.maxSumParts,
                      k == j || figures[k].sentenceIndex == figures[k - 1].sentenceIndex || Page.startsWithBullet(leadIns[k]) {
                    if roles[k] != nil, !restatesFigureBefore(k) { parts.append(k) }
                    k += 1
                }
                var used = Set<Int>()
                for p in parts where !used.contains(p) {
                    guard let t = totalBefore(p, before: cue.figureAfter, nearest: false, reach: 2) else { continue }
                    let group = parts.filter { roles[$0] == roles[t] && sumCompatible(t, $0) }
                    used.formUnion(group)
                    let reading: SumCandidate.Reading = cue.cue == .consists && group.count >= 2 ? .complete : .partial
                    add(t, group, reading, firm: t == j - 1 && cue.sameSentence)
                }
            }
            // a parenthesis opened before `j`: the figures in it are parts of the total before it
            if let open = lead.lastIndex(of: "("), !lead[open...].has(")"), Page.lastSumCue(in: String(lead[open...])) == nil,
               j > range.lowerBound {
                var inside = [j]
                var k = j + 1
                while k < range.upperBound, !leadIns[k].has(")") { inside.append(k); k += 1 }
                let aside = String(lead[open...])
                if !Page.asideWords.contains(where: { aside.has($0) }) {
                    var used = Set<Int>()
                    for p in inside where roles[p] != nil && !used.contains(p) && !restatesFigureBefore(p) {
                        guard let t = (range.lowerBound..<j).reversed().first(where: { roles[$0] == roles[p] && sumCompatible($0, p) && !restatesFigureBefore($0) && !convertsFigureBefore($0) }),
                              !comparesBefore(t, j)
                        else { continue }
                        let parts = inside.filter { roles[$0] == roles[t] && sumCompatible(t, $0) && !restatesFigureBefore($0) }
                        used.formUnion(parts)
                        let sum = parts.dropFirst().reduce(figures[parts[0]].interval) { $0 + figures[$1].interval }
                        // a parenthesis that exceeds its total says something else: no finding
                        if sum.overlaps(figures[t].interval.upToUpperEnd) { add(t, parts, .partial) }
                    }
                }
            }
        }
        // a total that closes the list before it (`xã A 120 hộ, xã B 80 hộ, tổng cộng 200 hộ`):
        // every compatible figure of the sentence before it
        for t in figures.indices where roles[t] != nil && Page.closingTotalWords.contains(where: { Page.hasWordSuffix(Page.trimmedLead(leadIns[t]), $0) }) {
            let range = sentenceRange(ofFigure: t)
            let parts = (range.lowerBound..<t).filter { roles[$0] == roles[t] && sumCompatible(t, $0) && !restatesFigureBefore($0) && !isFractionSide($0) }
            if parts.count >= 2 { add(t, parts, .complete) }
        }
        // a list with no cue that adds up to a total right before or after it, to the printed
        // digits (`tổng nhu cầu vốn 114.612 tỷ đồng, vốn Nhà nước 34.340 tỷ đồng và vốn huy động
        // 80.272 tỷ đồng`): contiguous runs of at most `maxSumParts` figures
        for t in figures.indices where roles[t] != nil && !allParts.contains(t) && !restatesFigureBefore(t) && !isFractionSide(t) {
            let same = { (k: Int) -> Bool in
                k != t && roles[k] == roles[t] && self.sumCompatible(t, k, time: false) && !self.restatesFigureBefore(k) && !self.isFractionSide(k)
            }
            let range = sentenceRange(ofFigure: t)
            let after = (t + 1..<range.upperBound).lazy.filter(same).prefix(Page.maxSumParts)
            let beforeStart = figureWindow(t, sentencesBefore: 1, after: 0).lowerBound
            let before = (beforeStart..<t).reversed().lazy.filter(same).prefix(Page.maxSumParts)
            // the total's printed digits must show each part (`gần 2,6 triệu tỷ` shows no 8.171 tỷ)
            for run in [Array(after), Array(before)] where run.count >= 2 {
                var sumValue: Decimal = 0
                var sum = ValueInterval.exactly(0)
                for (n, k) in run.enumerated() {
                    guard figures[k].value >= figures[t].precision else { break }
                    sumValue += figures[k].printedMiddle
                    sum = sum + figures[k].interval
                    if n >= 1, tightlyAddsUp(sumValue, sum, to: t) {
                        add(t, run[0...n].sorted(), .complete)
                        break
                    }
                }
            }
        }
        // the amounts of a percent breakdown (`206 tỷ đồng, bằng 67,3%, ... 77,6 tỷ đồng, bằng 25,3%`): every part of a total before
        for group in percentBreakdowns() where group.holds {
            let amounts = group.percents.compactMap { q -> Int? in
                let k = q - 1
                return k >= 0 && figures[k].sentenceIndex == figures[q].sentenceIndex && roles[k] == .amount ? k : nil
            }
            guard amounts.count == group.percents.count, let first = amounts.first,
                  amounts.allSatisfy({ sumCompatible(first, $0) }),
                  let t = totalBefore(first, before: first, nearest: false, reach: 1), !amounts.contains(t) else { continue }
            add(t, amounts, .complete, firm: false)
        }
        // a budget balance: spending = revenue + deficit, when the text names the same budget
        // for both (`thu cân đối ngân sách nhà nước ...; chi cân đối ngân sách nhà nước ...; bội chi ...`)
        for d in figures.indices where roles[d] == .amount && Page.deficitWords.contains(where: { leadIns[d].has($0) }) {
            let s = figures[d].sentenceIndex
            let near = figureWindow(d, sentencesBefore: 1, after: 0).filter { k in
                k != d && roles[k] == .amount && (s - 1...s).contains(figures[k].sentenceIndex) && sumCompatible(k, d)
            }
            let revenue = near.compactMap { k in budgetItem(k, "thu").map { (k, $0) } }
            let spending = near.compactMap { k in budgetItem(k, "chi").map { (k, $0) } }
            guard let (r, _) = revenue.first(where: { r in spending.contains { $0.1 == r.1 } }),
                  let (c, _) = spending.first(where: { $0.1 == revenue.first { $0.0 == r }!.1 }) else { continue }
            add(c, [r, d], .complete)
        }
        // a remainder (`còn 248 tỷ đồng chưa chi trả`, `còn dư 22 tỉ đồng`): the total and the
        // other part are two figures nearby that it completes
        for r in figures.indices where roles[r] == .amount && !allParts.contains(r) && isRemainder(r) {
            let s = figures[r].sentenceIndex
            let near = figureWindow(r, sentencesBefore: 3, after: 3).filter { k in
                k != r && roles[k] == .amount && abs(figures[k].sentenceIndex - s) <= 3 && sumCompatible(k, r) && !restatesFigureBefore(k)
            }.sorted { abs(figures[$0].start - figures[r].start) < abs(figures[$1].start - figures[r].start) }.prefix(8)
            var best: (Int, Int, Int)? = nil
            for t in near {
                for p in near where p != t && figures[t].value > figures[p].value && figures[t].value > figures[r].value && sumCompatible(t, p) {
                    let sum = figures[p].interval + figures[r].interval
                    let gap = abs(figures[p].value + figures[r].value - figures[t].value)
                    guard sum.overlaps(figures[t].interval), gap * 20 <= figures[t].value else { continue }
                    let d = abs(figures[t].start - figures[r].start) + abs(figures[p].start - figures[r].start)
                    if best == nil || d < best!.2 { best = (t, p, d) }
                }
            }
            if let (t, p, _) = best { add(t, [p, r].sorted { figures[$0].start < figures[$1].start }, .complete) }
        }
        return out
    }

    /// Words between a figure and a parenthesis that make the parenthesis a term of comparison
    /// (`gấp 1,6 lần lúa thường (92 triệu đồng/ha/năm)`).
    static let compareBetweenWords = ["gấp", "so với", "cao hơn", "thấp hơn", "lớn hơn", "nhỏ hơn", "nhiều hơn", "ít hơn", "năm trước", "cùng kỳ", "bằng"]

    /// Whether the text from figure `t` to figure `j` compares (`gấp`, `so với`, `cao hơn`).
    func comparesBefore(_ t: Int, _ j: Int) -> Bool {
        let a = figures[t].end, b = figures[j].start
        guard a < b, b <= scalars.count else { return false }
        let between = String(String.UnicodeScalarView(scalars[a..<b])).lowercased()
        return Page.compareBetweenWords.contains { between.has($0) }
    }

    /// Whether parts whose printed values add up to `value` (their intervals to `sum`) make the
    /// total `t` to its printed digits: the intervals overlap and the values agree to 0,5%.
    func tightlyAddsUp(_ value: Decimal, _ sum: ValueInterval, to t: Int) -> Bool {
        let total = figures[t]
        guard total.value > 0, sum.overlaps(total.interval) else { return false }
        let gap = value > total.printedMiddle ? value - total.printedMiddle : total.printedMiddle - value
        return gap * 200 <= total.printedMiddle && gap <= total.precision
    }

    /// Whether figure `k` is one of the two figures of a printed fraction (`60/80 đảng viên`).
    func isFractionSide(_ k: Int) -> Bool {
        (k > 0 && figures[k - 1].start == figures[k].start) || (k + 1 < figures.count && figures[k + 1].start == figures[k].start)
    }

    static let deficitWords = ["bội chi", "thâm hụt"]
    /// Verbs and qualifiers that may stand between a budget item and its amount.
    static let budgetFillers: Set<String> = ["đạt", "là", "ước", "khoảng", "ước tính", "dự kiến", "năm", "-"]

    /// What budget a revenue (`thu`) or spending (`chi`) item of figure `k` names: the words after
    /// the keyword in its lead-in (`cân đối ngân sách nhà nước`), nil when it names none.
    func budgetItem(_ k: Int, _ keyword: String) -> String? {
        let words = leadIns[k].split { " ,:;()".contains($0) }.map(String.init)
        guard let i = words.lastIndex(of: keyword), i + 1 < words.count else { return nil }
        if keyword == "chi", i > 0, words[i - 1] == "bội" { return nil }
        if keyword == "thu", i > 0, ["tăng", "bội"].contains(words[i - 1]) { return nil }
        let rest = words[(i + 1)...].filter { !Page.budgetFillers.contains($0) && !$0.allSatisfy(\.isNumber) }
        guard rest.contains("sách") || rest.contains("nsnn") || rest.contains("nsđp") else { return nil }
        return rest.joined(separator: " ")
    }

    /// Whether `parts` of `total` hold as the text reads them: all of it adding up to it, or some
    /// of it adding up to at most it.
    func sumHolds(_ total: Int, _ parts: [Int], _ reading: SumCandidate.Reading) -> Bool {
        let sum = parts.dropFirst().reduce(figures[parts[0]].interval) { $0 + figures[$1].interval }
        return sum.overlaps(reading == .complete ? figures[total].interval : figures[total].interval.upToUpperEnd)
    }

    /// Units that are no amounts to add up (`trên 80 tuổi`).
    static let unaddableUnits: Set<String> = ["tuổi", "lần", "điểm", "độ", "độ c", "bậc", "tầng"]

    /// Marks that open a bullet (`- Vốn ngân sách: 450 tỷ đồng;`).
    static let bullets: Set<Character> = ["-", "+", "•", "–", "*", "·"]

    /// Whether a lead-in opens a bullet.
    static func startsWithBullet(_ lead: String) -> Bool {
        lead.first { !$0.isWhitespace }.map { bullets.contains($0) } ?? false
    }

    /// The cue ending the text before figure `j` with a colon (`Trong đó:`, `gồm:`), when a list of
    /// bullets follows it: the cue, `j`, and whether nothing but words stand between the figure
    /// before and the cue (no sentence's end).
    func bulletListCue(before j: Int) -> (cue: SumCue, figureAfter: Int, sameSentence: Bool)? {
        let a = figures[j - 1].end, b = figures[j].start
        guard a < b, b - a <= 200 else { return nil }
        let gap = String(String.UnicodeScalarView(scalars[a..<b])).lowercased()
        // the cue's line ends with the colon; the bullet's line follows
        let lines = gap.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.count >= 2, let line = lines.dropLast().last, line.hasSuffix(":") else { return nil }
        let head = Page.joiningDropCap(String(line.dropLast()))
        guard let found = Page.lastSumCue(in: head), found.after.split(separator: " ").count <= 3 else { return nil }
        // the cue in the figure's sentence: no sentence's end between them
        let sameSentence = lines.count == 2 && !head.has(".")
        return (found.cue, j, sameSentence)
    }

    /// The most parts a list may have.
    static let maxSumParts = 8

    /// Whether figure `k` is what remains of a total (`còn lại 66 tỷ`, `còn dư 22 tỉ`, `còn 248 tỷ đồng chưa chi trả`).
    func isRemainder(_ k: Int) -> Bool {
        let tail = Page.trimmedLead(leadIns[k])
        if Page.remainderWords.contains(where: { Page.hasWordSuffix(tail, $0) }) { return true }
        guard Page.hasWordSuffix(tail, "còn") else { return false }
        let f = figures[k]
        let after = String(String.UnicodeScalarView(scalars[min(f.end, scalars.count)..<min(f.end + 12, scalars.count)])).lowercased()
        return after.hasPrefix(" chưa")
    }
}

extension Figure {
    /// The middle of the printed value (of a range, its middle).
    var printedMiddle: Decimal { valueMax.map { (value + $0) / 2 } ?? value }
}

/// The scale the arithmetic of a sum is written in: `tỷ` when its figures print `tỷ`, `triệu`
/// when they print `triệu`, none otherwise.
struct SumScale {
    var factor: Decimal = 1
    var vietnamese = ""
    var english = ""

    init(total: Figure, parts: [Figure]) {
        let texts = ([total] + parts).map { $0.text.lowercased() }
        if texts.contains(where: { $0.has("tỷ") || $0.has("tỉ") }), total.value >= 1_000_000_000 {
            (factor, vietnamese, english) = (1_000_000_000, " tỷ", " billion")
        } else if texts.contains(where: { $0.has("triệu") }), total.value >= 1_000_000 {
            (factor, vietnamese, english) = (1_000_000, " triệu", " million")
        }
    }

    func suffix(_ l: Language) -> String { l == .vietnamese ? vietnamese : english }

    /// `x` in the scale, with as many decimals as it needs (up to six).
    func write(_ x: Decimal, _ l: Language) -> String {
        var v = x / factor, r = Decimal()
        NSDecimalRound(&r, &v, 6, .plain)
        let text = r.description
        let negative = text.hasPrefix("-")
        let parts = (negative ? String(text.dropFirst()) : text).split(separator: ".", maxSplits: 1)
        let int = Array(parts[0])
        var grouped = ""
        for (k, c) in int.enumerated() {
            if k > 0, (int.count - k) % 3 == 0 { grouped.append(l == .vietnamese ? "." : ",") }
            grouped.append(c)
        }
        if parts.count > 1 { grouped += (l == .vietnamese ? "," : ".") + parts[1] }
        return (negative ? "-" : "") + grouped
    }

    /// The total as a bound: `412`, `> 28.000`, `≈ 88.530`.
    func bounded(_ f: Figure, _ l: Language) -> String {
        let v = f.valueMax.map { write(f.value, l) + "-" + write($0, l) } ?? write(f.value, l)
        return f.qualifier == .exact ? v : Language.sign(f.qualifier) + " " + v
    }
}

extension ValueInterval {
    /// Every value at or below (or, open, strictly below) this interval's upper end: what parts
    /// that are only some of a total of this interval may add up to.
    var upToUpperEnd: ValueInterval { ValueInterval(lower: nil, upper: upper, upperOpen: upperOpen) }
}

extension ValueInterval {
    /// Both ends finite.
    var bothEndsFinite: Bool { lower != nil && upper != nil }
}
