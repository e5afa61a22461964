import Figures
import Foundation

extension CrossChecker {
    /// `share`: a percentage of a whole (`683 tỷ đồng, chiếm 55,1% tổng thu`, `134/156 thôn
    /// (85,9%)`, `117 người (6,19%)`, `chiếm 25% (600 hộ)`): percent, part, whole. The part is a
    /// figure shortly before the percent in its sentence (or the fraction next to it, or the figure
    /// in brackets after it); the whole a figure counting the same thing, larger than the part (smaller
    /// for a percent over 100), in the sentence or the six before it (further for `tổng số xã`), or
    /// the value a change's percent is of. Among the pairs the page offers, one the percent fits
    /// whose printed values come close is taken; when none fits, the nearest pair fails only when
    /// the sentence ties them closely (`X, chiếm Y%`, `X (Y%)`, the whole in the sentence or the total
    /// the words name). A sentence detailing the percent (`Cụ thể, ...`) gives both when it has
    /// just two such figures.
    func shares(_ page: Page, article: String?) -> [Finding] {
        var out: [Finding] = []
        let bare = page.bareFigures()
        let moves = Dictionary(grouping: page.moves(bare: bare), by: { $0.old.sentenceIndex })
        for p in page.figures.indices {
            let pct = page.figures[p]
            // `đạt 950 tỷ đồng, bằng 95% so với cùng kỳ (1.000 tỷ đồng)`: the value against the one compared with
            if page.isPercentOfCompared(p), let v = page.versus(p) ?? page.versusEarlier(p) {
                out.append(shareFinding(page, article: article, pct: pct, part: v.new, whole: v.old, refs: [.init(pct), .init(v.new), .init(v.old)]))
                continue
            }
            guard page.isSharePercent(p) else { continue }
            // a fraction right before: `9/12 xã ... (75%)`
            if let q = page.nearestBefore(p, where: { page.figures[$0].unit != "%" }), q > 0, page.isFractionWhole(q),
               let fr = page.fraction(at: q - 1), page.figures[p].start - fr.whole.end <= 60, page.namedWhole(of: pct) == nil,
               page.isFractionLink(page.text(fr.whole.end, pct.start)) {
                out.append(shareFinding(page, article: article, pct: pct, part: fr.part, whole: fr.whole,
                                        refs: [.init(pct), fr.partRef, fr.wholeRef]))
                continue
            }
            // a fraction in brackets right after: `đạt 75% (18/24 xã)`
            if p + 1 < page.figures.count, let fr = page.fraction(at: p + 1), fr.part.sentenceIndex == pct.sentenceIndex,
               page.text(pct.end, fr.part.start).trimmingCharacters(in: .whitespaces) == "(" {
                out.append(shareFinding(page, article: article, pct: pct, part: fr.part, whole: fr.whole,
                                        refs: [.init(pct), fr.partRef, fr.wholeRef]))
                continue
            }
            let parts = page.partCandidates(p)
            // `thu từ xăng dầu chiếm đến 99%. Cụ thể, năm 2016, tổng thu là hơn 42.300 tỷ, thì riêng
            // thu từ xăng dầu đã lên tới 40.211 tỷ đồng.`: the next sentence gives the part and the whole
            if parts.isEmpty, let (part, whole) = page.detailed(p) {
                out.append(shareFinding(page, article: article, pct: pct, part: part, whole: whole,
                                        refs: [.init(pct), .init(part), .init(whole)]))
                continue
            }
            var best: (rank: (Int, Int, Int), part: Figure, whole: Figure)?
            var fallback: (rank: (Int, Int, Int), part: Figure, whole: Figure)?
            for (r, q) in parts.enumerated() {
                let part = page.figures[q]
                for (whole, rank) in page.wholeCandidates(for: q, percent: pct, bare: bare, moves: moves) {
                    guard let computed = CrossChecker.percent(part, of: whole) else { continue }
                    let key = (r, rank.0, rank.1)
                    // an open or loose figure lets almost any pair fit: the printed values must come close too
                    let face = Page.mid(part) / Page.mid(whole) * 100
                    if computed.overlaps(Page.checked(pct)), Page.isClose(face, to: Page.mid(pct)) {
                        if best == nil || key < best!.rank { best = (key, part, whole) }
                    } else if r == 0, page.namedTotal(after: p).map({ whole.end <= part.start && page.ownClause(page.leadIn(of: whole)).contains($0) })
                                ?? (rank.0 == 0 && page.introducesPart(page.text(whole.end, part.start))) {
                        // a total the words name must be the one named before (`tổng thu ... đạt 1.240 tỷ đồng`)
                        if fallback == nil || key < fallback!.rank { fallback = (key, part, whole) }
                    }
                }
            }
            // a fallback only when the part is right before the percent (`X, chiếm Y%`, `X (Y%)`)
            guard let pick = best ?? (page.isTight(p, parts.first, links: Page.fallbackLinks) && (page.endsClause(p) || page.namedTotal(after: p) != nil)
                                      ? fallback : nil)
            else { continue }
            out.append(shareFinding(page, article: article, pct: pct, part: pick.part, whole: pick.whole,
                                    refs: [.init(pct), .init(pick.part), .init(pick.whole)]))
        }
        return out
    }

    /// part / whole x 100, over the values the figures allow; nil when the whole may be 0.
    static func percent(_ part: Figure, of whole: Figure, reading iv: (Figure) -> ValueInterval = Page.checked) -> ValueInterval? {
        (iv(part) / iv(whole)).map { $0 * .exactly(100) }
    }

    func shareFinding(_ page: Page, article: String?, pct: Figure, part: Figure, whole: Figure, refs: [Finding.FigureRef]) -> Finding {
        func fits(_ iv: (Figure) -> ValueInterval) -> Bool { CrossChecker.percent(part, of: whole, reading: iv)?.overlaps(iv(pct)) == true }
        let verdict: Finding.Verdict = fits(Page.checked) ? .holds : .fails
        let value = Page.mid(part) / Page.mid(whole) * 100
        let scale = Page.scale([part, whole])
        func say(_ l: Language) -> String {
            let rel = Page.relation(value, to: pct, holds: verdict == .holds)
            return "\(l.number(Page.mid(part) / scale)) / \(l.number(Page.mid(whole) / scale)) × 100 = \(l.number(value))% \(rel) \(l.value(pct))%: \(l.verdict(verdict))"
        }
        return Finding(article: article, kind: .share, verdict: verdict,
                       severity: comparisonSeverity(verdict, [pct, part, whole], stated: pct.value, computed: value, holdsTight: fits(Page.tight)),
                       figures: refs, computation: say(.vietnamese), computationEnglish: say(.english))
    }
}

extension Page {
    /// A percent that may be a share: a single value (no range, no rate), not 100%, not a change
    /// (`tăng 12,5%`, `12,5% so với cùng kỳ`; `giảm 121 đơn vị (30,2%)` is both a change and a share).
    func isSharePercent(_ p: Int) -> Bool {
        let f = figures[p]
        guard f.unit == "%", f.valueMax == nil, f.rate == nil, f.value != 100 else { return false }
        if isChangeAmount(p) { return false }
        // `tăng 12,5% so với cùng kỳ`
        let next = after(p, 12)
        if next.hasPrefix(" so với") { return false }
        return true
    }

    /// A percent that gives a value as a share of the one it is compared with (`bằng 95% so với cùng
    /// kỳ`, `bằng 102% cùng kỳ năm trước`).
    func isPercentOfCompared(_ p: Int) -> Bool {
        let f = figures[p]
        guard f.unit == "%", f.valueMax == nil, f.rate == nil, !isChangeAmount(p), Page.words(leadIns[p]).last == "bằng" else { return false }
        let next = after(p, 14)
        return next.hasPrefix(" so với") || next.hasPrefix(" cùng kỳ") || next.hasPrefix(" cùng kì")
    }

    /// The part and the whole of percent `p` given in the sentence after it when that sentence
    /// details it (`Cụ thể, ...`): its only two figures that count the same thing, the larger the
    /// whole (the smaller, for a percent over 100).
    func detailed(_ p: Int) -> (part: Figure, whole: Figure)? {
        let s = figures[p].sentenceIndex
        // a percent the sentence calls a share (`chiếm đến 99%`, `tỷ lệ 85%`), not any percent (`tăng trưởng đạt 7%`)
        guard Page.words(leadIns[p]).suffix(4).contains(where: { Page.shareCues.contains($0) }) else { return nil }
        let next = figureRange(sentence: s + 1)
        guard let first = next.first, Page.elaborations.contains(where: { sentences[first].hasPrefix($0) }) else { return nil }
        let values = next.filter { figures[$0].unit != "%" && figures[$0].unit != "lần" && !isChangeAmount($0) && figures[$0].valueMax == nil }
        guard values.count == 2, comparable(figures[values[0]], figures[values[1]]) else { return nil }
        let a = figures[values[0]], b = figures[values[1]]
        let larger = Page.mid(a) >= Page.mid(b) ? a : b, smaller = Page.mid(a) >= Page.mid(b) ? b : a
        return figures[p].value <= 100 ? (smaller, larger) : (larger, smaller)
    }

    /// Whether the words between a whole and a part make the part one of the whole (`2.400 hộ, trong
    /// đó 600 hộ nghèo`, `20.272 người thì chỉ có 1.050 người`), not its sibling (`3.000 ha lúa,
    /// 1.200 ha ngô`).
    func introducesPart(_ between: String) -> Bool {
        let w = Page.words(between)
        return Page.partOpeners.contains { cue in Page.ends(Array(w), with: cue) || between.has(" " + cue + " ") }
    }

    static let partOpeners = ["trong đó", "trong số đó", "trong số này", "thì", "chỉ có", "riêng", "gồm", "bao gồm", "số", "có"]

    /// Words that call a percent a share.
    static let shareCues: Set<String> = ["chiếm", "lệ", "trọng"]

    /// Whether a value computed from printed values comes within 8% of the stated one (`12.500 /
    /// 21.600 = 57,9%` for `56%` of figures open above; not `9,8 / 1.446 = 0,68%` for `1%`).
    static func isClose(_ computed: Decimal, to stated: Decimal) -> Bool {
        guard stated != 0 else { return computed == 0 }
        return abs(computed - stated) <= abs(stated) * Decimal(string: "0.08")!
    }

    /// The nearest figure before `k` in its sentence that satisfies `ok`.
    func nearestBefore(_ k: Int, where ok: (Int) -> Bool) -> Int? {
        var j = k - 1
        while j >= 0, figures[j].sentenceIndex == figures[k].sentenceIndex {
            if ok(j) { return j }
            j -= 1
        }
        return nil
    }

    /// The parts a percent may be of: the figures before it in its sentence, nearest first, that
    /// are no percent, no ratio, no fraction; at most three.
    func partCandidates(_ p: Int) -> [Int] {
        var out: [Int] = []
        var j = p - 1
        let s = figures[p].sentenceIndex
        // the words after the percent may name what it is of (`8% về tổng số vụ`)
        let named = Page.words(after(p, 30)).prefix(5)
        while j >= 0, figures[j].sentenceIndex == s, out.count < 3 {
            let f = figures[j]
            if f.unit != "%", f.unit != "lần", !isFractionWhole(j), !(j + 1 < figures.count && isFractionWhole(j + 1)), f.value > 0 {
                out.append(j)
            }
            j -= 1
        }
        // `chiếm 25% (600 hộ)`: a figure in brackets right after, last (it may as well be the whole: `đạt 95% kế hoạch (6.452 vận động viên)`)
        if p + 1 < figures.count, figures[p + 1].sentenceIndex == s, figures[p + 1].unit != "%", figures[p + 1].unit != "lần",
           !(p + 2 < figures.count && isFractionWhole(p + 2)), figures[p + 1].value > 0,
           Page.words(text(figures[p].end, figures[p + 1].start)).count <= 3, text(figures[p].end, figures[p + 1].start).has("(") {
            out.append(p + 1)
        }
        // `(chiếm 8% về tổng số vụ và 56% về tổng số tiền)`: the part whose unit is named first
        if let k = out.firstIndex(where: { q in
            let u = figures[q].unit.lowercased()
            return !u.isEmpty && (named.contains(u) || (u == "đồng" && named.contains("tiền")))
        }), k > 0 {
            let q = out.remove(at: k)
            out.insert(q, at: 0)
        }
        return out
    }

    /// The figures that may be the whole of part `q` of percent `pct`, each with a rank (lower is
    /// likelier): same sentence before the part, same sentence after, then sentences back; the
    /// nearest first. They count what the part counts, and are larger (smaller for a percent
    /// over 100).
    func wholeCandidates(for q: Int, percent pct: Figure, bare: [Int: Figure], moves: [Int: [(old: Figure, new: Figure)]]) -> [(Figure, (Int, Int))] {
        let part = figures[q]
        let s = part.sentenceIndex
        var out: [(Figure, (Int, Int))] = []
        // a change's percent is of the value it changed from (`giảm từ 401 xuống còn 208 đơn vị, giảm 121 đơn vị (30,2%)`)
        if isChangeAmount(q) {
            return ((moves[s - 1] ?? []) + (moves[s] ?? [])).filter { comparable($0.old, part) }.map { ($0.old, rank($0.old, part)) }
        }
        // `75 xã (chiếm 77,3% tổng số xã)`: a total of what the part counts may stand anywhere before
        let window = namedTotal(after: p(pct)).map { name in Page.words(part.unit.lowercased()).allSatisfy { name.has($0) } } == true
            ? Page.namedTotalWindow : Page.wholeWindow
        // (among the `reach` figures on either side of the part: long runs cost linear time)
        let range = figureRange(sentences: s - window, s).clamped(to: max(0, q - Page.reach)..<(q + Page.reach + 1))
        let named = namedWhole(of: pct)
        for k in range where k != q {
            let f = figures[k]
            guard f.unit != "%", comparable(f, part), !isChangeAmount(k), f.start != part.start else { continue }
            // `bằng 6,28% GDP`, `chiếm 65,1% tổng thu`: a whole the words name must be the one the figure is of
            if let named, !leadIns[k].contains(named) { continue }
            // a value a move ends at (`tăng 500 đồng (6,9%) lên 7.200 đồng`) is no whole
            if let last = Page.words(leadIns[k]).last, ["lên", "xuống", "còn"].contains(last) { continue }
            // a figure with a share of its own is a part (`91 nghìn học sinh, chiếm 72%`)
            if k + 1 < figures.count, figures[k + 1].unit == "%", k + 1 != p(pct), isTight(k + 1, k, links: Page.shareLinks) { continue }
            out.append((f, rank(f, part)))
        }
        for k in range {
            if let f = bare[k], comparable(f, part) { out.append((f, rank(f, part))) }
        }
        return out.filter { pct.value <= 100 ? $0.0.value > part.value : $0.0.value < part.value }
    }

    /// Wholes a percent names that are rarely printed beside it (`6,28% GDP`, `10% vốn điều lệ`).
    static let namedWholes = ["gdp", "grdp", "vốn điều lệ", "dân số", "lãi suất"]

    func namedWhole(of pct: Figure) -> String? {
        guard let p = index(of: pct) else { return nil }
        let next = after(p, 20).trimmingCharacters(in: .whitespaces)
        return Page.namedWholes.first { next.hasPrefix($0) }
    }

    /// Whether nothing follows percent `p` in its clause (`(6,19%)`, `chiếm 94,3%.`): a whole
    /// the words would name otherwise.
    func endsClause(_ p: Int) -> Bool {
        let next = after(p, 3).trimmingCharacters(in: .whitespaces)
        return next.isEmpty || [")", ",", ".", ";", ":"].contains { next.hasPrefix($0) }
    }

    /// How far back a total the words name by the part's unit (`tổng số xã`) may be, in sentences.
    static let namedTotalWindow = 40

    /// How far back a whole may be, in sentences.
    static let wholeWindow = 6

    func rank(_ f: Figure, _ part: Figure) -> (Int, Int) {
        if f.sentenceIndex == part.sentenceIndex { return f.start < part.start ? (0, part.start - f.end) : (1, f.start - part.end) }
        return (1 + part.sentenceIndex - f.sentenceIndex, part.start - f.end)
    }

    /// The total the words after percent `p` name (`chiếm 65,1% tổng thu`: `tổng thu`; `chiếm
    /// 4,88% trên tổng số phải thu`: `tổng số phải`), nil when they name none.
    func namedTotal(after p: Int) -> String? {
        let w = Page.words(after(p, 30).prefix { $0 != "." && $0 != ";" && $0 != ")" })
        guard let t = w.prefix(3).firstIndex(of: "tổng") else { return nil }
        let name = w[t...].prefix(w.count > t + 1 && w[t + 1] == "số" ? 3 : 2)
        return name.count >= 2 ? name.joined(separator: " ") : nil
    }

    /// The lead-in of a figure of the page (or of a bare number: the text before it in its sentence).
    func leadIn(of f: Figure) -> String {
        let k = p(f)
        return k >= 0 ? leadIns[k] : text(f.start - 60, f.start)
    }

    /// The last clause of a lead-in: what follows its last `,`, `;` or `)` (`(chiếm 5% tổng thu), B`
    /// does not name `tổng thu` for B).
    func ownClause(_ lead: String) -> Substring {
        let cut = lead.lastIndex { $0 == "," || $0 == ";" || $0 == ")" }.map { lead.index(after: $0) } ?? lead.startIndex
        return lead[cut...]
    }

    /// The index of a figure of the page.
    func p(_ f: Figure) -> Int { index(of: f) ?? -1 }

    /// What may link a fraction to its percent: `9/12 xã đạt chuẩn (75%)`, `923,835/1.010 tỷ đồng (đạt 91,47%)`, not `59/97 xã và 50,7% dân số`.
    func isFractionLink(_ between: String) -> Bool {
        let t = between.trimmingCharacters(in: .whitespaces)
        if Page.words(t).contains("và") || t.has(";") { return false }
        let w = Page.words(t)
        return t.hasSuffix("(") || (w.last.map { Page.shareLinks.contains($0) } ?? false)
    }

    /// The links after which a percent that fits no pair is still checked against the nearest:
    /// `117 người (6,19%)`, `683 tỷ đồng, chiếm 55,1% tổng thu`, `đạt tỷ lệ 16%`; not `bằng`, `đạt`,
    /// which as often compare with last year or the plan.
    static let fallbackLinks: Set<String> = ["chiếm", "tỷ", "tỉ", "lệ", "trọng"]

    /// Whether part `q` stands right before percent `p`: nothing but a short link between them
    /// (`, chiếm `, ` (`, `, bằng `, `, đạt `, `, tương đương `).
    func isTight(_ p: Int, _ q: Int?, links: Set<String> = Page.shareLinks) -> Bool {
        guard let q, q == p - 1 else { return false }
        let between = Page.words(text(figures[q].end, figures[p].start))
        return between.count <= 3 && between.allSatisfy { links.contains($0) }
    }

    static let shareLinks: Set<String> = ["chiếm", "bằng", "đạt", "tương", "đương", "tỷ", "tỉ", "lệ", "trọng", "khoảng", "là"]
}
