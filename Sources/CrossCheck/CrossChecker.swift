import Figures
import Foundation
import SoLieu

/// Finds relations between the figures of an article and checks them within the printed
/// precision (`../shared/spec/relations.md`). So far: `average` (a yearly average against a
/// total over a range of years) and `target` (a target against the results the article says
/// meet it). Prints nothing.
public struct CrossChecker: Sendable {
    public init() {}

    /// The finders, one per kind of relation, each in its own file under `Finders/`.
    static let finders: [@Sendable (CrossChecker) -> (Page, String?) -> [Finding]] = [
        { $0.sums }, { $0.shares }, { $0.averages }, { $0.changes },
        { $0.ratios }, { $0.targets }, { $0.breakdowns }, { $0.repeats },
    ]

    /// The findings of an analysed article, in text order of their first figure.
    public func check(_ analysis: ArticleAnalysis) -> [Finding] {
        let paragraphs = analysis.article.blocks.map { $0.start..<$0.end }
        return check(text: analysis.article.text, figures: analysis.figures, article: analysis.article.name, blocks: paragraphs,
                     roles: analysis.article.blocks.map(\.role))
    }

    /// The findings among `figures` of `text` (whose offsets they carry); `blocks` are the
    /// paragraphs (scalar ranges), empty when unknown (a paragraph is then a sentence).
    /// `roles` are the blocks' roles (title, lead, ...), empty when unknown.
    public func check(text: String, figures: [Figure], article: String?, blocks: [Range<Int>] = [], roles: [Block.Role] = []) -> [Finding] {
        var page = Page(text: text, figures: figures.sorted { $0.start < $1.start }, blocks: blocks)
        if roles.count == blocks.count { page.roles = roles }
        var findings: [Finding] = []
        for finder in CrossChecker.finders { findings += finder(self)(page, article) }
        let narrowed = page.sharedSpans()
        if !narrowed.isEmpty {
            for f in findings.indices {
                for r in findings[f].figures.indices {
                    if let span = narrowed[findings[f].figures[r].id] {
                        findings[f].figures[r].start = span.lowerBound
                        findings[f].figures[r].end = span.upperBound
                        findings[f].figures[r].text = String(String.UnicodeScalarView(page.scalars[span]))
                    }
                }
            }
        }
        findings.sort { ($0.figures.map(\.start).min() ?? 0, $0.kind.rawValue) < ($1.figures.map(\.start).min() ?? 0, $1.kind.rawValue) }
        return findings
    }

    /// Holds: consistent; undecided: info; fails: an error when every figure is stated without
    /// a loose qualifier (`khoảng`, `gần`), a warning otherwise.
    func severity(_ v: Finding.Verdict, _ figures: [Figure]) -> Finding.Severity {
        switch v {
        case .holds: .consistent
        case .undecided: .info
        case .fails: figures.allSatisfy { $0.qualifier != .approx && $0.qualifier != .nearly } ? .error : .warning
        }
    }
}

/// An article's text and figures, with what the finders ask of them.
struct Page {
    let figures: [Figure]
    let scalars: [Unicode.Scalar]
    let blocks: [Range<Int>]
    /// The blocks' roles (title, lead, paragraph...), parallel to `blocks`; empty when unknown.
    var roles: [Block.Role] = []
    /// Each figure's lead-in, lowercased: its sentence's words from the previous figure of the
    /// sentence (or the sentence's start) to the figure.
    let leadIns: [String]
    /// Each figure's sentence, lowercased.
    let sentences: [String]
    /// What each figure's sentence claims of a target (computed once a sentence).
    let claims: [CrossChecker.Claim?]
    /// Whether each figure is a target (`isTarget`), computed once: finders ask it in loops
    /// over pairs of figures.
    private(set) var targets: [Bool] = []
    /// Each figure's verb of change (`verbDirection`), computed once.
    private(set) var verbDirections: [Bool?] = []
    /// The numbers printed bare before a move (`bareFigures`), computed once.
    private(set) var bare: [Int: Figure] = [:]
    /// Each figure's paragraph (`paragraph(of:)`), computed once.
    private(set) var paragraphs: [Int] = []
    /// Each figure's `unitHead`, computed once (finders compare it over pairs).
    private(set) var unitHeads: [String] = []

    init(text: String, figures: [Figure], blocks: [Range<Int>]) {
        self.figures = figures
        self.scalars = Array(text.unicodeScalars)
        self.blocks = blocks
        var leads: [String] = []
        for (k, f) in figures.enumerated() {
            // from the previous figure of the sentence, else from the sentence's start, at most 200 back
            var from = max(0, f.start - 200)
            if k > 0, figures[k - 1].sentenceIndex == f.sentenceIndex {
                from = max(from, figures[k - 1].end)
            } else if let s = Page.start(of: f.sentence, before: f.start, from: from, in: scalars) {
                from = s
            }
            leads.append(String(String.UnicodeScalarView(scalars[min(from, f.start)..<min(f.start, scalars.count)])).lowercased())
        }
        leadIns = leads
        // each sentence lowercased once (figures of one sentence share the string)
        var lowered: [Int: (String, CrossChecker.Claim?)] = [:]
        let each = figures.map { f in
            if let s = lowered[f.sentenceIndex] { return s }
            let s = f.sentence.lowercased()
            lowered[f.sentenceIndex] = (s, Page.claim(of: s))
            return lowered[f.sentenceIndex]!
        }
        sentences = each.map(\.0)
        claims = each.map(\.1)
        targets = figures.indices.map { computeIsTarget($0) }
        verbDirections = figures.indices.map { computeVerbDirection($0) }
        bare = computeBareFigures()
        paragraphs = figures.indices.map { computeParagraph($0) }
        unitHeads = figures.map { unitHead($0) }
    }

    /// Where `sentence` starts before `offset`, searched back no further than `from`: the
    /// nearest position whose text begins as the sentence does (its first 16 scalars). Linear:
    /// the window and the prefix are bounded.
    static func start(of sentence: String, before offset: Int, from: Int, in text: [Unicode.Scalar]) -> Int? {
        let prefix = Array(sentence.unicodeScalars.prefix(16))
        guard !prefix.isEmpty else { return nil }
        var s = min(offset, text.count - prefix.count)
        while s >= from {
            if text[s] == prefix[0], text[s..<s + prefix.count].elementsEqual(prefix) { return s }
            s -= 1
        }
        return nil
    }

    /// Each figure of an `X/Y` pair (`195/160 đảng viên`: two figures on one span) narrowed to
    /// its own number: `195` and `160 đảng viên`, by figure id; so a finding shows which is which.
    func sharedSpans() -> [Int: Range<Int>] {
        var out: [Int: Range<Int>] = [:]
        for k in figures.indices.dropLast() {
            let (a, b) = (figures[k], figures[k + 1])
            guard a.start == b.start, a.end == b.end, a.end <= scalars.count,
                  let slash = scalars[a.start..<a.end].firstIndex(of: "/") else { continue }
            out[a.id] = a.start..<slash
            out[b.id] = slash + 1..<a.end
        }
        return out
    }

    /// What a figure counts, for comparing: its unit before any `/`, lowercased.
    func unitHead(_ f: Figure) -> String {
        String(f.unit.lowercased().split(separator: "/", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// The number of calendar years of a range of years (`2015..2018`: 4); nil for anything else.
    static func years(_ p: Period?) -> Int? {
        guard let p, p.grain == .range, case .year = p.from, case .year = p.to else { return nil }
        return p.yearCount
    }

    static let averageWords = ["bình quân", "trung bình"]
    static let yearlyWords = ["mỗi năm", "hằng năm", "hàng năm", "một năm", "/năm"]
    static let targetWords = ["chỉ tiêu", "kế hoạch", "mục tiêu"]
    /// Words before a verb of meeting a target that make it an aim (`phấn đấu đạt`, `để đạt`, `sẽ vượt`).
    static let aimWords: Set<String> = ["để", "đấu", "nhằm", "sẽ", "cần", "muốn", "tâm", "phải", "nếu", "mới"]
    /// Words after a target word that make the figure a result (`hoàn thành chỉ tiêu ..., với tổng số 2.338`).
    static let resultWords = ["tổng số", " được ", "đạt ", "với ", "kết quả"]

    /// An average: `bình quân mỗi năm ... trên 2.400`, a rate after `bình quân`/`trung bình`
    /// (per month, per share), or a per-year rate that is no target.
    func isAverage(_ k: Int) -> Bool {
        if isTarget(k) { return false }
        let lead = leadIns[k]
        if figures[k].rate == "năm" { return true }
        let averaged = Page.averageWords.contains { lead.has($0) }
        // `trung bình mỗi tháng có hơn 8.700 doanh nghiệp`, `bình quân giá mỗi cổ phiếu ... 96.817 đồng`
        if averaged, figures[k].rate != nil { return true }
        return averaged && Page.yearlyWords.contains { lead.has($0) }
    }

    /// A target: its lead-in names one (`chỉ tiêu ... (trên 2.300`) and no result follows the name.
    func isTarget(_ k: Int) -> Bool { targets[k] }

    private func computeIsTarget(_ k: Int) -> Bool {
        let lead = leadIns[k]
        guard let name = Page.targetWords.compactMap({ lead.find($0, backwards: true) }).max(by: { $0.lowerBound < $1.lowerBound })
        else { return false }
        let after = lead[name.upperBound...]
        // `đạt nhiều chỉ tiêu: số vận động viên ước đạt 6.143 người` lists results; `đạt 111,7%
        // kế hoạch, tăng 20%` and `113,8% kế hoạch Bộ giao, tăng 20,9%` name the plan of another figure
        if after.has(":") || after.has(",") { return false }
        // a count of targets (`11 chỉ tiêu đạt và vượt`) is none
        if Page.targetWords.contains(figures[k].unit.lowercased()) { return false }
        let own = figures[k].text.lowercased()
        if own.hasPrefix("đạt ") || own.hasPrefix("ước đạt ") { return false }
        return !Page.resultWords.contains { after.has($0) }
    }

    /// What the sentence of figure `k` claims of a target: a verb at most two words before a
    /// target word (`hoàn thành chỉ tiêu`, `vượt kế hoạch`, `chưa đạt chỉ tiêu`, `đạt và vượt chỉ
    /// tiêu`); nil when it claims nothing (`mục tiêu hoàn thành 573km` states a target, no claim).
    func claim(inSentenceOf k: Int) -> CrossChecker.Claim? { claims[k] }

    /// The claim of a lowercased sentence (see `claim(inSentenceOf:)`).
    static func claim(of sentence: String) -> CrossChecker.Claim? {
        guard targetWords.contains(where: { sentence.has($0) }) else { return nil }
        let words = sentence.split { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" || $0 == ";" }.map(String.init)
        var found: CrossChecker.Claim? = nil
        for (i, w) in words.enumerated() where i + 1 < words.count {
            // `chỉ tiêu`, `kế hoạch`, `mục tiêu` start 1 to 3 words after the verb
            let targetAt = (i + 1...min(i + 3, words.count - 1)).contains { j in
                j + 1 < words.count && Page.targetWords.contains(words[j] + " " + words[j + 1])
            }
            guard targetAt else { continue }
            // the verb ends at word i: `đạt`, `vượt`, `hoàn thành`, `đảm bảo`, `bảo đảm`
            let two = i > 0 ? words[i - 1] + " " + w : ""
            let verbStart: Int
            let claim: CrossChecker.Claim
            if w == "đạt" { (verbStart, claim) = (i, .meets) }
            else if w == "vượt" { (verbStart, claim) = (i, .exceeds) }
            else if ["hoàn thành", "đảm bảo", "bảo đảm"].contains(two) { (verbStart, claim) = (i - 1, .meets) }
            else { continue }
            if verbStart > 0, ["không", "chưa"].contains(words[verbStart - 1]) { return .fallsShort }
            // an aim, not a claim: `phấn đấu đạt chỉ tiêu`, `để đạt được mục tiêu`, `sẽ vượt kế hoạch`;
            // nor `đạt xấp xỉ mục tiêu`
            let before = words[max(0, verbStart - 3)..<verbStart]
            if before.contains(where: { Page.aimWords.contains($0) }) || words[(i + 1)...].prefix(2).contains("xấp") { continue }
            if claim == .exceeds || found == nil { found = claim }
        }
        return found
    }

    /// Whether figure `k` is a share of a target (`95% kế hoạch`, `102% chỉ tiêu`).
    func isShareOfTarget(_ k: Int) -> Bool {
        let f = figures[k]
        guard f.unit == "%" else { return false }
        let after = String(String.UnicodeScalarView(scalars[min(f.end, scalars.count)..<min(f.end + 12, scalars.count)])).lowercased()
        return Page.targetWords.contains { after.hasPrefix(" " + $0) }
    }

    /// The paragraph (block index) of figure `k`; its sentence (as a negative number) when the blocks are unknown.
    func paragraph(of k: Int) -> Int { paragraphs[k] }

    /// `paragraph(of:)` for figure `k`, found by bisection on the blocks (in text order).
    private func computeParagraph(_ k: Int) -> Int {
        let f = figures[k]
        var lo = 0, hi = blocks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if blocks[mid].upperBound <= f.start { lo = mid + 1 } else { hi = mid }
        }
        if lo < blocks.count, blocks[lo].contains(f.start) { return lo }
        // blocks out of order (never from an article): the first that holds it
        return blocks.firstIndex { $0.contains(f.start) } ?? -1 - f.sentenceIndex
    }
}
