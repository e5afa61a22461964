import Figures
import Foundation

extension CrossChecker {
    /// `change`: a change between two printed values: change, new, old. The change is a figure
    /// right after a verb of change (`tăng 214,8 tỷ đồng`, `giảm 4,1%`, `mất thêm 53ha`, `vượt gần
    /// 2.000 tỷ`, `thấp hơn giá ... mua vào 39.417 đồng`), or its percent or amount in brackets
    /// (`giảm 121 đơn vị (30,2%)`, `tăng 9,6% (87.117 tỷ đồng)`, `, tương đương 40,7%`), which takes
    /// the change's values. The values, by the sentence's build first:
    /// * a move the text prints right before or after it (`tăng từ 2.350 ha lên 3.120 ha, tăng 770
    ///   ha`, `giảm từ 401 xuống còn 208 đơn vị`), or in the sentence before one that restates it
    ///   (`Có nghĩa, ...`);
    /// * after `so với`: the value before the verb against the one compared with (`đạt 842,6 triệu
    ///   USD, tăng 12,5% so với cùng kỳ (748,9 triệu USD)`), or the only earlier value of the time
    ///   compared with (`so với năm 2017`, `so với cùng kỳ`);
    /// * the pair in brackets after it (`vượt 2.000 tỷ (6.000 tỷ/4.000 tỷ)`), two values of the
    ///   sentence at two times before it, the values of the next sentence that details it (`Cụ thể,
    ///   ... giảm so với mức ...`), the values opening sentences of two times (`mất 1.747ha`);
    /// then by the words naming the old value (`so với dự toán`, `thấp hơn giá ... mua vào`), kept
    /// only when the values come close. Absolute when the change counts what the values count,
    /// percent when it is a percent of values that are not; of percents, percentage points, or
    /// relative when only that fits.
    func changes(_ page: Page, article: String?) -> [Finding] {
        var out: [Finding] = []
        let bare = page.bareFigures()
        let moves = Dictionary(grouping: page.moves(bare: bare), by: { $0.new.sentenceIndex })
        var found: [Int: (new: Figure, old: Figure)] = [:]
        for c in page.figures.indices {
            let change = page.figures[c]
            guard change.unit != "lần", let up = page.changeDirection(c) else { continue }
            guard change.valueMax == nil, change.value > 0 else { continue }
            let fits: (Figure) -> Bool = { v in
                // a change may leave the values' rate unsaid (`52 triệu đồng/năm, tăng 4,5 triệu đồng`)
                change.unit == "%" ? true : page.comparable(change, v) || change.rate == nil && page.comparable(change, v, ignoringRate: true)
                    || Page.isPoints(change) && v.unit == "%"
            }
            var pair: (new: Figure, old: Figure)?
            // a pair found by the words naming the old value only, not by the sentence's build: kept
            // only when the printed values come close to the change (it cannot tell a slip from a misreading)
            var guessed = false
            // a pair found by the times of its values in two sentences: they must be said of the same
            // thing (`doanh thu ... 400 tỷ`, `doanh thu ... 500 tỷ`, not `lợi nhuận ... 50 tỷ`), or come
            // close to the change
            var byTime = false
            let s = change.sentenceIndex
            // the percent of a change (`giảm 121 đơn vị (30,2%)`, `..., tương đương 40,7%`) is between its values
            if page.verbDirection(c) == nil, let p = found[c - 1] { pair = p }
            // a move right before the change (`lên 3.120 ha năm 2024, tăng 770 ha`) or right after it (`tăng 770 ha, từ 2.350 ha lên ...`)
            let here = (moves[s] ?? []).filter { m in
                fits(m.new)
                    && (m.new.end <= change.start && page.isNear(m.new.end, change.start, words: 4)
                        || change.end <= m.old.start && page.isNear(change.end, m.old.start, words: 3))
            }
            if pair != nil {
                // taken from the change it goes with
            } else if let m = here.min(by: { abs($0.new.start - change.start) < abs($1.new.start - change.start) }) {
                pair = (m.new, m.old)
            } else if page.comparesAfter(c) {
                // `tăng 12,5% so với cùng kỳ (748,9 triệu USD)`: the value compared with, or the value
                // of the time compared with printed before (`Năm 2017 đạt 400 tỷ. Năm 2018 đạt 500 tỷ,
                // tăng 100 tỷ so với năm 2017.`), or nothing
                pair = page.versus(c)
                if pair == nil, let v = page.versusEarlier(c) {
                    pair = v
                    byTime = true
                }
                if pair == nil, let v = page.versusNamed(c) {
                    pair = v
                    guessed = true
                }
            } else if let v = page.bracketPair(c) {
                pair = v
            } else if let v = page.timedPair(before: c) {
                pair = v
                byTime = true
            } else if !page.hasValue(inSentenceOf: c), page.restates(c),
                      let m = (moves[s - 1] ?? []).last(where: { fits($0.new) }) {
                // `tăng gấp 4 lần, từ 11.160 tỷ đồng lên 41.924 tỷ đồng. Có nghĩa, trong 4 năm số thu đã tăng 30.000 nghìn tỷ đồng.`
                pair = (m.new, m.old)
            } else if change.unit == "%", !page.hasValue(inSentenceOf: c), let v = page.versusAhead(c) {
                pair = v
            } else if change.unit != "%", let v = page.timeline(c) {
                pair = v
                byTime = true
            } else if let v = page.antecedent(c) {
                pair = v
                guessed = true
            }
            guard let (new, old) = pair, fits(new), page.comparable(new, old) || (new.unit == old.unit && !new.unit.isEmpty) else { continue }
            let close = Page.isClose(CrossChecker.faceChange(change, new: new, old: old, up: up), to: change.value)
            if guessed, !close { continue }
            if byTime, !close, new.sentenceIndex != old.sentenceIndex, !page.sameSubject(new, old) { continue }
            found[c] = (new, old)
            out.append(changeFinding(article: article, change: change, new: new, old: old, up: up))
        }
        return out
    }

    /// The change the printed values make (percent or absolute as the change is written).
    static func faceChange(_ change: Figure, new: Figure, old: Figure, up: Bool?) -> Decimal {
        let rising = up ?? (Page.mid(new) >= Page.mid(old))
        let mq = Page.mid(old) == 0 ? 0 : Page.mid(new) / Page.mid(old) * 100
        if change.unit == "%" && new.unit != "%" { return rising ? mq - 100 : 100 - mq }
        return rising ? Page.mid(new) - Page.mid(old) : Page.mid(old) - Page.mid(new)
    }

    func changeFinding(article: String?, change: Figure, new: Figure, old: Figure, up: Bool?) -> Finding {
        // the direction the text gives; a neutral word (`chênh lệch`) takes the values' own
        let rising = up ?? (Page.mid(new) >= Page.mid(old))
        /// The change relative to the old value, in percent, over the values `iv` reads.
        func relative(_ iv: (Figure) -> ValueInterval) -> ValueInterval? {
            (iv(new) / iv(old)).map { $0 * .exactly(100) }.map { rising ? $0 - .exactly(100) : .exactly(100) - $0 }
        }
        /// The difference.
        func absolute(_ iv: (Figure) -> ValueInterval) -> ValueInterval? { rising ? iv(new) - iv(old) : iv(old) - iv(new) }
        // a percent of values that are no percents is relative; of percents, percentage points,
        // or relative when only that fits (`tăng 3,7% so với năm 2017 (40,5%)` for 42%)
        func fits(_ iv: (Figure) -> ValueInterval, relative isRelative: Bool) -> Bool {
            (isRelative ? relative(iv) : absolute(iv))?.overlaps(iv(change)) == true
        }
        var percent = change.unit == "%" && new.unit != "%"
        if change.unit == "%", new.unit == "%", !fits(Page.checked, relative: false), fits(Page.checked, relative: true) { percent = true }
        let verdict: Finding.Verdict = fits(Page.checked, relative: percent) ? .holds : .fails
        let mq = Page.mid(old) == 0 ? 0 : Page.mid(new) / Page.mid(old) * 100
        let value = percent ? (rising ? mq - 100 : 100 - mq) : (rising ? Page.mid(new) - Page.mid(old) : Page.mid(old) - Page.mid(new))
        let scale = percent ? Page.scale([new, old]) : Page.scale([change, new, old])
        func say(_ l: Language) -> String {
            let (a, b) = rising ? (new, old) : (old, new)
            let diff = "\(l.number(Page.mid(a) / scale)) − \(l.number(Page.mid(b) / scale))"
            let rel = Page.relation(value, to: change, holds: verdict == .holds)
            if percent {
                return "(\(diff)) / \(l.number(Page.mid(old) / scale)) × 100 = \(l.number(value))% \(rel) \(l.value(change))%: \(l.verdict(verdict))"
            }
            let points = Page.isPoints(change) && new.unit == "%"
            let unit = change.unit == "%" ? "%" : points ? (l == .vietnamese ? " điểm %" : " points") : ""
            let stated = change.unit == "%" || points ? l.value(change) : l.number(Page.mid(change) / scale)
            return "\(diff) = \(l.number(value / scale))\(unit) \(rel) \(stated)\(unit): \(l.verdict(verdict))"
        }
        return Finding(article: article, kind: .change, verdict: verdict,
                       severity: comparisonSeverity(verdict, [change, new, old], stated: change.value, computed: value,
                                                    holdsTight: fits(Page.tight, relative: percent)),
                       figures: [.init(change), .init(new), .init(old)], computation: say(.vietnamese), computationEnglish: say(.english))
    }
}

extension Page {
    static let upWords = ["tăng", "tăng thêm", "tăng trưởng", "cao hơn", "nhiều hơn", "thêm", "vượt", "lãi", "đạt thêm", "cộng", "tiến"]
    /// `upWords` and `downWords` split once: their words, their length, and the prefix of a
    /// figure's text they open (`tăng `).
    static let upVerbs = upWords.map(Verb.init)
    static let downVerbs = downWords.map(Verb.init)
    static let changeVerbs = upVerbs + downVerbs
    struct Verb {
        let words: [String], length: Int, prefix: String
        init(_ phrase: String) { (words, length, prefix) = (phrase.split(separator: " ").map(String.init), phrase.count, phrase + " ") }
    }
    static let downWords = ["giảm", "giảm đi", "thấp hơn", "ít hơn", "mất", "mất thêm", "hụt", "sụt", "sụt giảm", "lỗ", "lùi"]
    /// Verbs that open a new clause: a value after one is no longer the one compared with.
    static let clauseVerbs: Set<String> = ["có", "chiếm", "thì", "nếu", "còn", "và", "nhưng", "trong"]
    /// Words that open a sentence restating the one before (`Có nghĩa, trong 4 năm số thu đã tăng ...`).
    static let restatements = ["có nghĩa", "nghĩa là", "như vậy", "tức là", "điều đó có nghĩa", "tính ra"]

    /// Whether the sentence of change `c` restates the one before (`Có nghĩa, ...`, `Như vậy, ...`).
    func restates(_ c: Int) -> Bool {
        let s = sentences[c].trimmingCharacters(in: .whitespaces)
        return Page.restatements.contains { s.hasPrefix($0) }
    }

    /// Whether at most `words` words and no `;` stand between offsets `a` and `b`.
    func isNear(_ a: Int, _ b: Int, words: Int) -> Bool {
        // counted on the scalars, stopping past `words` words: no text built, however far apart
        let lo = max(0, min(a, scalars.count)), hi = max(lo, min(b, scalars.count))
        var count = 0, inWord = false
        for s in scalars[lo..<hi] {
            if s == ";" { return false }
            if Page.isWordBreak(s) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count > words { return false }
            }
        }
        return true
    }

    /// Whether `so với` follows change `c` in its clause (`tăng 20% so với thực hiện năm 2014`).
    /// Also when `so với` opens the clause before it (`so với cùng kỳ năm 2016 tăng 104.284 triệu
    /// đồng`), or follows a bracket after it (`tăng 31.047 lượt (tăng 5,8%) so với cùng kỳ`).
    func comparesAfter(_ c: Int) -> Bool {
        var t = Substring(after(c, 60))
        // a bracket right after the change is skipped
        if t.hasPrefix(" ("), let close = t.firstIndex(of: ")") { t = t[t.index(after: close)...] }
        // the change is in the bracket itself (`(tăng 12,5%) so với cùng kỳ`)
        if t.hasPrefix(")"), leadIns[c].has("(") { t = t.dropFirst() }
        let clause = t.prefix { $0 != ";" && $0 != "," && $0 != "." && $0 != ")" && $0 != "(" }
        if clause.has("so với") { return true }
        let lead = leadIns[c]
        let own = lead[(lead.lastIndex { $0 == "," || $0 == ";" }.map { lead.index(after: $0) } ?? lead.startIndex)...]
        return own.has("so với") || own.has("cùng kỳ")
    }
    /// What may stand between a verb of change and its figure (`giảm được 55`, `tăng thêm 2`).
    static let changeFillers: Set<String> = ["được", "đi", "thêm", "khoảng", "gần", "trên", "hơn", "nhẹ", "mạnh", "tới", "đến", "trần", "sàn"]

    /// Whether figure `k` is a change the text states, and which way: true up, false down.
    func changeDirection(_ k: Int) -> Bool? {
        if let d = verbDirection(k) { return d }
        // `giảm 121 đơn vị (30,2%)`: the percent of a change in brackets right after it
        let f = figures[k]
        // or the amount of a percent change (`tăng 9,6% (87.117 tỷ đồng) so với dự toán`)
        if k > 0, figures[k - 1].sentenceIndex == f.sentenceIndex, (f.unit == "%") != (figures[k - 1].unit == "%"), f.unit != "lần" {
            let link = text(figures[k - 1].end, f.start).trimmingCharacters(in: .whitespaces)
            // the link may open the figure's own text (`, tương đương 40,7%`)
            let own = f.text.lowercased()
            if Page.companionLinks.contains(link) || (link == "," || link.isEmpty) && Page.companionLinks.contains(where: { own.hasPrefix($0 + " ") }) {
                return verbDirection(k - 1)
            }
        }
        return nil
    }

    /// What links a change to its percent: `giảm 121 đơn vị (30,2%)`, `thấp hơn ... 39.417 đồng, tương đương 40,7%`.
    static let companionLinks: Set<String> = ["(", ", tương đương", ", tương ứng", ", bằng", "tương đương", "tương ứng", ", tức"]

    /// Comparatives that make the figure after them a difference, however far in the clause
    /// (`thấp hơn giá mua vào 39.417 đồng`): up, down.
    static let comparatives: [(String, Bool)] = [("cao hơn", true), ("nhiều hơn", true), ("thấp hơn", false), ("ít hơn", false)]

    /// The direction of the verb of change right before figure `k` (or opening its text: `vượt gần 2.000 tỷ`).
    func verbDirection(_ k: Int) -> Bool? { verbDirections[k] }

    func computeVerbDirection(_ k: Int) -> Bool? {
        let own = figures[k].text.lowercased()
        for w in Page.downVerbs where own.hasPrefix(w.prefix) { return false }
        for w in Page.upVerbs where own.hasPrefix(w.prefix) { return true }
        let all = Page.words(leadIns[k])
        var words = all
        // fillers between the verb and the figure
        var dropped = 0
        while dropped < 2, let last = words.last, Page.changeFillers.contains(last),
              !Page.changeVerbs.contains(where: { Page.ends(words, with: $0.words) }) {
            words.removeLast()
            dropped += 1
        }
        // the longest verb that ends the words
        let down = Page.downVerbs.filter { Page.ends(words, with: $0.words) }.map(\.length).max() ?? 0
        let up = Page.upVerbs.filter { Page.ends(words, with: $0.words) }.map(\.length).max() ?? 0
        if down == 0 && up == 0 {
            // `thấp hơn giá SMBC mua vào 39.417 đồng`, not `cao hơn so với năm 2015 (1.200 tỷ)`
            let lead = leadIns[k]
            guard !lead.has("so với"), !lead.has("("), all.count <= 8,
                  let c = Page.comparatives.first(where: { lead.has($0.0) }),
                  let r = lead.find(c.0) else { return nil }
            // `thấp hơn mức 5,5% của cùng kỳ` compares with a value, it states no difference
            let rest = Page.words(lead[r.upperBound...])
            guard !rest.contains("mức"), !rest.contains("của"), !rest.contains("là") else { return nil }
            return c.1
        }
        return up > down
    }

    /// A change in percentage points (`giảm 1,4 điểm phần trăm`), between two percents.
    static func isPoints(_ f: Figure) -> Bool {
        ["điểm phần trăm", "điểm %", "điểm"].contains(f.unit.lowercased())
    }

    /// Whether figure `k` states a change (directly, after a verb).
    func isChangeAmount(_ k: Int) -> Bool { figures[k].unit != "lần" && verbDirection(k) != nil }

    /// The moves the text prints: `từ X (năm 2020) lên Y`, `từ X xuống (còn) Y`, `từ X đến Y`;
    /// X may be printed bare (`từ 401 xuống còn 208 đơn vị`).
    func moves(bare: [Int: Figure]) -> [(old: Figure, new: Figure)] {
        var out: [(old: Figure, new: Figure)] = []
        for (k, f) in figures.enumerated() {
            if let b = bare[k], b.end <= f.start, b.sentenceIndex == f.sentenceIndex, f.start - b.end < 20 {
                out.append((b, f))
                continue
            }
            guard k > 0, figures[k - 1].sentenceIndex == f.sentenceIndex, !isFractionWhole(k) else { continue }
            let a = figures[k - 1]
            guard comparable(a, f) || (a.unit == f.unit && !a.unit.isEmpty) else { continue }
            let pre = Page.words(before(k - 1, 12))
            guard pre.last == "từ" || (pre.suffix(2) == ["từ", "mức"]) else { continue }
            let between = Page.words(text(a.end, f.start))
            guard between.count <= 4, let last = between.last, Page.toWords.contains(last) || (between.count >= 2 && Page.toWords.contains(between[between.count - 2]))
            else { continue }
            out.append((a, f))
        }
        return out
    }

    /// Whether the sentence of figure `k` has a figure counting what `k` counts, other than `k` (a value, not a change).
    func hasValue(inSentenceOf k: Int) -> Bool {
        let c = figures[k]
        // (among the `reach` figures on either side: a sentence of a thousand figures costs linear time)
        let sentence = figureRange(sentence: c.sentenceIndex)
        return (max(sentence.lowerBound, k - Page.reach)..<min(sentence.upperBound, k + Page.reach + 1)).contains { j in
            j != k && !isChangeAmount(j) && figures[j].unit != "lần"
                && (c.unit == "%" ? figures[j].unit != "%" : comparable(figures[j], c))
        }
    }

    /// `X, tăng C so với ... (Y)`: the value before the change in its sentence (not itself a change
    /// nor a value compared with) against the first one after `so với`.
    func versus(_ c: Int) -> (new: Figure, old: Figure)? {
        let change = figures[c]
        let s = change.sentenceIndex
        // the old value: the first figure after the change, past `so với`, before any other change
        var j = c + 1
        var old: Int?
        while j < figures.count, figures[j].sentenceIndex == s {
            // the change's own percent or amount in brackets (`tăng 93,7 triệu USD (tăng 12,5%) so với ...`)
            if j == c + 1, (figures[j].unit == "%") != (change.unit == "%"),
               text(change.end, figures[j].start).trimmingCharacters(in: .whitespaces).hasPrefix("(") {
                j += 1
                continue
            }
            if isChangeAmount(j) { return nil }
            if figures[j].unit != "%" || change.unit == "%" && figures[j].unit == "%" {
                // in the same clause: `so với cùng kỳ năm 2023 (748,9 triệu USD)`, not `(tăng 81,8% so với cùng kỳ); gần 27.600 ...`
                let between = text(change.end, figures[j].start)
                if let r = between.find("so với"), !between.has(";"), between.count <= 70 {
                    let rest = between[r.upperBound...]
                    if !rest.has(")"), !rest.has(","), !rest.has(". "),
                       !Page.words(rest).contains(where: { Page.clauseVerbs.contains($0) }) { old = j }
                }
                break
            }
            j += 1
        }
        guard let old else { return nil }
        guard let new = nearestBefore(c, where: { i in
            !isChangeAmount(i) && comparable(figures[i], figures[old]) && !leadIns[i].has("so với") && !isFractionWhole(i)
        }) else { return nil }
        return (figures[new], figures[old])
    }

    /// The time a change names after `so với`: `so với năm 2017` 2017, `so với cùng kỳ (năm trước)`
    /// the new value's time a year earlier; nil when it names none.
    func comparedTime(_ c: Int, new: Figure) -> Period? {
        let t = after(c, 50)
        guard let r = t.find("so với") else { return nil }
        let rest = t[r.upperBound...].prefix { $0 != "," && $0 != ";" && $0 != "." && $0 != ")" && $0 != "(" }
        if rest.has("cùng kỳ") || rest.has("cùng kì") {
            guard let nt = new.time else { return nil }
            // `cùng kỳ năm 2019` must be the year before the new value's
            if let m = rest.firstMatch(of: /(\d{4})/), let y = Int(m.1), nt.start.year != y + 1 { return nil }
            return nt.yearBefore()
        }
        if let m = rest.firstMatch(of: /^ (?:năm )?(\d{4})\b/), let y = Int(m.1) { return Period(.year(y)) }
        return nil
    }

    /// `Năm 2017 đạt 400 tỷ đồng. Năm 2018 đạt 500 tỷ đồng, tăng 100 tỷ đồng so với năm 2017.`: the
    /// value before the change in its sentence against the nearest value of the time compared
    /// with, printed before it in the sentence or the two before.
    func versusEarlier(_ c: Int) -> (new: Figure, old: Figure)? {
        let change = figures[c]
        guard let n = nearestBefore(c, where: { i in
            !isChangeAmount(i) && figures[i].unit != "%" && (change.unit == "%" || comparable(figures[i], change)) && !isFractionWhole(i)
        }) else { return nil }
        let new = figures[n]
        guard let when = comparedTime(c, new: new), when != new.time else { return nil }
        let window = figureRange(sentences: new.sentenceIndex - 2, new.sentenceIndex)
        // one value of that time only: two (`doanh thu 2015 ... nộp ngân sách 2015`) leave the one compared unknown
        let olds = window.filter { i in
            i < n && figures[i].time == when && comparable(figures[i], new) && !isChangeAmount(i) && figures[i].valueMax == nil
        }
        guard olds.count == 1 else { return nil }
        return (new, figures[olds[0]])
    }

    /// `Với dự toán thu 911.100 tỷ đồng, đã quyết toán 998.217 tỷ đồng; tăng 9,6% (87.117 tỷ đồng)
    /// so với dự toán`: the value before the change against the nearest value earlier (in its
    /// sentence or the three before) whose words before it hold the name after `so với`.
    func versusNamed(_ c: Int) -> (new: Figure, old: Figure)? {
        let t = after(c, 60)
        var rest = Substring(t)
        if rest.hasPrefix(" ("), let close = rest.firstIndex(of: ")") { rest = rest[rest.index(after: close)...] }
        guard let r = rest.find("so với") else { return nil }
        let name = Page.words(rest[r.upperBound...].prefix { $0 != "," && $0 != ";" && $0 != "." && $0 != "(" && $0 != ")" }).prefix(3)
        // a name of two words at least, no time (`so với cùng kỳ`, `so với năm 2017`)
        guard name.count >= 2, !name.contains("cùng"), !name.contains("năm"), !name.contains("tháng"), !name.contains("quý"),
              !name.contains(where: { $0.first?.isNumber == true }) else { return nil }
        let key = name.prefix(2).joined(separator: " ")
        let change = figures[c]
        guard let n = nearestBefore(c, where: { i in
            !isChangeAmount(i) && figures[i].unit != "%" && (change.unit == "%" || comparable(figures[i], change)) && !isFractionWhole(i)
        }) else { return nil }
        let new = figures[n]
        let window = figureRange(sentences: new.sentenceIndex - 3, new.sentenceIndex)
        guard let o = window.reversed().first(where: { i in
            i < n && comparable(figures[i], new) && !isChangeAmount(i) && figures[i].valueMax == nil && Page.words(leadIns[i]).joined(separator: " ").has(key)
        }) else { return nil }
        return (new, figures[o])
    }

    /// `vượt gần 2.000 tỷ đồng (gần 6.000 tỷ đồng/4.000 tỷ đồng)`: the new and the old value in
    /// brackets right after the change, split by `/`.
    func bracketPair(_ c: Int) -> (new: Figure, old: Figure)? {
        guard c + 2 < figures.count else { return nil }
        let a = figures[c + 1], b = figures[c + 2]
        guard text(figures[c].end, a.start).trimmingCharacters(in: .whitespaces) == "(",
              text(a.end, b.start) == "/", comparable(a, b) else { return nil }
        return (a, b)
    }

    /// `năm 2012 là 9.000 tỷ, thì năm 2016 ... 12.290 tỷ, tăng hơn 3.000 tỷ`: the two values right
    /// before the change in its sentence, at two times, the later one new.
    func timedPair(before c: Int) -> (new: Figure, old: Figure)? {
        let change = figures[c]
        guard let n = nearestBefore(c, where: { !isChangeAmount($0) && (change.unit == "%" ? figures[$0].unit != "%" : comparable(figures[$0], change)) }),
              let o = nearestBefore(n, where: { !isChangeAmount($0) && comparable(figures[$0], figures[n]) })
        else { return nil }
        guard let tn = figures[n].time, let to = figures[o].time, to.end < tn.start else { return nil }
        return (figures[n], figures[o])
    }

    /// `Năm 1992, ... có diện tích tự nhiên là 4.439 ha. ... Năm 2008, ... có diện tích: 2.591,1 ha;
    /// ... Theo qui hoạch này, Sơn Trà mất 1.747ha.`: an absolute change of a time with no value
    /// beside it, between the value that opens a sentence of its time (in its sentence or the one
    /// before) and the value that opens an earlier sentence of an earlier time (at most eight back).
    func timeline(_ c: Int) -> (new: Figure, old: Figure)? {
        let change = figures[c]
        guard let t = change.time, !sentences[c].has("so với"), !sentences[c].has("cùng kỳ") else { return nil }
        let s = change.sentenceIndex
        /// The first figure of sentence `i` that counts what the change counts (not itself a change).
        func opening(_ i: Int) -> Int? {
            guard let k = figureRange(sentence: i).first(where: { comparable(figures[$0], change) }),
                  !isChangeAmount(k), figures[k].valueMax == nil else { return nil }
            return k
        }
        let here = opening(s).flatMap { $0 < c ? $0 : nil }
        guard let n = here ?? (hasValue(inSentenceOf: c) ? nil : opening(s - 1)), figures[n].time == t else { return nil }
        var i = figures[n].sentenceIndex - 1
        while i >= figures[n].sentenceIndex - 8, i >= 0 {
            if let o = opening(i), let to = figures[o].time {
                if to.end < t.start { return (figures[n], figures[o]) }
            }
            i -= 1
        }
        return nil
    }

    /// `BVH ở mức 57.400 đồng/cổ phiếu, thấp hơn giá SMBC mua vào 39.417 đồng/cổ phiếu, tương đương
    /// 40,7%`: a difference after a comparative and the words naming what it compares with (`giá
    /// SMBC mua vào`); the old value is the one, earlier in the article, whose words before it share
    /// most pairs of words with that name (`... mà Sumitomo Life mua vào lên tới 96.817 đồng`), when
    /// one alone does; the new value the one before the comparative in the sentence.
    func antecedent(_ c: Int) -> (new: Figure, old: Figure)? {
        // the change itself, or the change whose percent `c` is (`..., tương đương 40,7%`)
        var d = c
        if figures[c].unit == "%", verbDirection(c) == nil, c > 0, changeDirection(c) != nil { d = c - 1 }
        let lead = leadIns[d]
        guard let cmp = Page.comparatives.first(where: { lead.has($0.0) }), let r = lead.find(cmp.0) else { return nil }
        let name = Page.words(lead[r.upperBound...])
        guard name.count >= 2, name.count <= 8 else { return nil }
        let pairs = Set(zip(name, name.dropFirst()).map { $0 + " " + $1 })
        guard let n = nearestBefore(d, where: { !isChangeAmount($0) && figures[$0].unit != "%" && comparable(figures[$0], figures[d]) }) else { return nil }
        let new = figures[n]
        var best: (score: Int, k: Int)?, tie = false
        for k in figureRange(sentences: new.sentenceIndex - Page.antecedentWindow, new.sentenceIndex - 1) {
            guard comparable(figures[k], new), !isChangeAmount(k), figures[k].valueMax == nil else { continue }
            // the words of its sentence before it
            let sentence = sentences[k]
            let before = sentence.find(figures[k].text.lowercased()).map { sentence[..<$0.lowerBound] } ?? Substring(leadIns[k])
            let score = pairs.filter { before.has($0) }.count
            guard score > 0 else { continue }
            if best == nil || score > best!.score { (best, tie) = ((score, k), false) } else if score == best!.score { tie = true }
        }
        guard let best, !tie else { return nil }
        return (new, figures[best.k])
    }

    /// How far back the value a comparative names may be, in sentences.
    static let antecedentWindow = 40

    /// Words that open a sentence giving the details of the one before.
    static let elaborations = ["cụ thể", "theo đó", "trong đó"]

    /// `giảm 8,4%. Cụ thể, ... đạt 163,8 tỷ yên ..., giảm so với mức 178,9 tỷ yên`: a percent
    /// change whose values the next two sentences compare.
    func versusAhead(_ c: Int) -> (new: Figure, old: Figure)? {
        let s = figures[c].sentenceIndex
        var j = c + 1
        while j < figures.count, figures[j].sentenceIndex <= s + 2 {
            let f = figures[j]
            if f.unit != "%", !isChangeAmount(j), j + 1 < figures.count, f.sentenceIndex > s,
               Page.elaborations.contains(where: { sentences[j].hasPrefix($0) }) {
                // the next figure of this sentence counting the same, past `so với`
                var k = j + 1
                while k < figures.count, figures[k].sentenceIndex == f.sentenceIndex {
                    if comparable(figures[k], f) {
                        let between = text(f.end, figures[k].start)
                        if (Page.upWords + Page.downWords).contains(where: { between.contains($0 + " so với") }) { return (f, figures[k]) }
                        break
                    }
                    k += 1
                }
            }
            j += 1
        }
        return nil
    }
}
