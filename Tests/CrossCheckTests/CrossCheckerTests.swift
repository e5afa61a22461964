import CrossCheck
import Figures
import Foundation
import SoLieu
import TestSupport
import Testing

/// A finding as a table writes it: the figures by their text (the first occurrence in the article).
struct Expected: Sendable, CustomTestStringConvertible {
    var kind: Finding.Kind
    var verdict: Finding.Verdict
    var severity: Finding.Severity
    var figures: [String]
    var computation: String
    var computationEnglish: String

    init(_ kind: Finding.Kind, _ verdict: Finding.Verdict, _ severity: Finding.Severity, _ figures: [String], _ computation: String, _ english: String) {
        self.kind = kind
        self.verdict = verdict
        self.severity = severity
        self.figures = figures
        self.computation = computation
        self.computationEnglish = english
    }

    var testDescription: String { "\(kind) \(figures)" }

    /// The whole finding in `analysis`: offsets from the article's text, ids from its figures.
    func finding(in analysis: ArticleAnalysis) throws -> Finding {
        let text = Array(analysis.article.text.unicodeScalars)
        let refs = try figures.map { label -> Finding.FigureRef in
            let s = Array(label.unicodeScalars)
            let start = try #require((0...(text.count - s.count)).first { Array(text[$0..<$0 + s.count]) == s }, "\(label)")
            let id = try #require(analysis.figures.first { $0.start == start && $0.text == label }?.id, "no figure \(label)")
            return Finding.FigureRef(text: label, start: start, end: start + s.count, id: id)
        }
        return Finding(article: analysis.article.name, kind: kind, verdict: verdict, severity: severity, figures: refs,
                       computation: computation, computationEnglish: computationEnglish)
    }
}

/// Analyses a bulletin (section, title, date line, then `body`) as the CLI would.
func analyze(body: String, name: String = "bulletin.txt") throws -> ArticleAnalysis {
    let text = "Xây dựng Đảng\n\nKết nạp đảng viên\n\nThứ Hai, 14/01/2019\n\n" + body + "\n"
    let article = PlainTextArticle().parse(text, name: name, source: name)
    return try onLargeStack { try ArticleAnalyzer.builtin().makeWorker().analyze(article) }
}

@Suite struct CrossCheckerTests {
    /// Bulletins written for these tests, in the genre of the seed, and every finding in them.
    @Test(arguments: [
        // an average that the total bears out, to the printed precision
        ("Từ năm 2016 đến hết năm 2018, Đảng bộ huyện kết nạp được 600 đảng viên, bình quân mỗi năm kết nạp được 200 đảng viên.",
         [Expected(.average, .holds, .consistent, ["200 đảng viên", "600 đảng viên"],
                   "600 / 3 năm = 200 ≈ 200: khớp", "600 / 3 years = 200 ≈ 200: consistent")]),
        // one that it does not
        ("Từ năm 2016 đến hết năm 2018, Đảng bộ huyện kết nạp được 600 đảng viên, bình quân mỗi năm kết nạp được trên 250 đảng viên.",
         [Expected(.average, .fails, .error, ["trên 250 đảng viên", "600 đảng viên"],
                   "600 / 3 năm = 200 không > 250: không khớp", "600 / 3 years = 200 not > 250: inconsistent")]),
        // a loose average that fails is a warning
        ("Từ năm 2015 đến hết năm 2018, Đảng bộ huyện kết nạp được 800 đảng viên, bình quân mỗi năm kết nạp được khoảng 300 đảng viên.",
         [Expected(.average, .fails, .warning, ["khoảng 300 đảng viên", "800 đảng viên"],
                   "800 / 4 năm = 200 không ≈ 300: không khớp", "800 / 4 years = 200 not ≈ 300: inconsistent")]),
        // a yearly target against the average the sentence claims meets it (four years: the
        // extractor hands a range of three years to three figures one year each, `lần lượt`-style)
        ("Từ năm 2015 đến hết năm 2018, Đảng bộ huyện kết nạp được 800 đảng viên, bình quân mỗi năm kết nạp được 200 đảng viên, vượt chỉ tiêu đề ra (150 đảng viên/năm).",
         [Expected(.average, .holds, .consistent, ["200 đảng viên", "800 đảng viên"],
                   "800 / 4 năm = 200 ≈ 200: khớp", "800 / 4 years = 200 ≈ 200: consistent"),
          Expected(.target, .holds, .consistent, ["150 đảng viên/năm", "200 đảng viên"],
                   "200 ≥ 150: khớp", "200 ≥ 150: consistent")]),
        // a claim the figures contradict
        ("Từ năm 2015 đến hết năm 2018, Đảng bộ huyện kết nạp được 800 đảng viên, bình quân mỗi năm kết nạp được 200 đảng viên, đạt chỉ tiêu đề ra (trên 250 đảng viên/năm).",
         [Expected(.average, .holds, .consistent, ["200 đảng viên", "800 đảng viên"],
                   "800 / 4 năm = 200 ≈ 200: khớp", "800 / 4 years = 200 ≈ 200: consistent"),
          Expected(.target, .fails, .error, ["trên 250 đảng viên/năm", "200 đảng viên"],
                   "200 không > 250: không khớp", "200 not > 250: inconsistent")]),
        // a result the sentence says falls short of its target (dev article baomoi_21485841)
        ("Năm 2018, tỉ lệ điều tra khám phá án rất nghiêm trọng chỉ 77,8%, chưa đạt chỉ tiêu đề ra (trên 90%).",
         [Expected(.target, .holds, .consistent, ["trên 90%", "chỉ 77,8%"], "77,8 < 90: khớp", "77.8 < 90: consistent")]),
        // a target stated, no claim of meeting it (`mục tiêu hoàn thành`): nothing
        ("Bộ đặt mục tiêu đến năm 2022 hoàn thành 1.372km. Đến năm 2022 sẽ khai thác 737km.", []),
        // a share of the plan is no result to compare with another target
        ("Năm 2016 tăng trưởng theo chỉ tiêu là 6,7%. Số vận động viên ước đạt 6.143 người, đạt 95% kế hoạch.", []),
        // a monthly average over the months of the total's time
        ("9 tháng đầu năm 2018, toàn tỉnh có 1.800 doanh nghiệp thành lập mới. Như vậy, bình quân mỗi tháng có 200 doanh nghiệp thành lập mới.",
         [Expected(.average, .holds, .consistent, ["200 doanh nghiệp", "1.800 doanh nghiệp"],
                   "1.800 / 9 tháng = 200 ≈ 200: khớp", "1,800 / 9 months = 200 ≈ 200: consistent")]),
        // over the months its sentence names, and wrong
        ("Trong 8 tháng qua đã có 2.400 doanh nghiệp giải thể. Trung bình mỗi tháng có 350 doanh nghiệp giải thể.",
         [Expected(.average, .fails, .error, ["350 doanh nghiệp", "2.400 doanh nghiệp"],
                   "2.400 / 8 tháng = 300 không ≈ 350: không khớp", "2,400 / 8 months = 300 not ≈ 350: inconsistent")]),
        // an average per item over a printed count: the count is the third figure
        ("Năm 2018, công ty bán 2.000.000 cổ phiếu, thu về 50 tỷ đồng. Bình quân giá mỗi cổ phiếu là 25.000 đồng.",
         [Expected(.average, .holds, .consistent, ["25.000 đồng", "50 tỷ đồng", "2.000.000 cổ phiếu"],
                   "50 tỷ / 2.000.000 = 25.000 ≈ 25.000: khớp", "50 billion / 2,000,000 = 25,000 ≈ 25,000: consistent")]),
        // two averages after one total: the total is the one whose quotient it bears out; the
        // other is an average of something else (what the tax brought in)
        ("Giai đoạn 2019 - 2023, tỉnh chi 1.320 tỷ đồng cho bảo vệ môi trường. Như vậy, chi bình quân khoảng 264 tỷ đồng/năm, cao hơn số thu phí (bình quân khoảng 212 tỷ đồng/năm).",
         [Expected(.average, .holds, .consistent, ["khoảng 264 tỷ đồng/năm", "1.320 tỷ đồng"],
                   "1.320 tỷ / 5 năm = 264 tỷ ≈ 264 tỷ: khớp", "1,320 billion / 5 years = 264 billion ≈ 264 billion: consistent")]),
        // no average, no target: nothing
        ("Năm 2018, Đảng bộ huyện kết nạp được 215 đảng viên; toàn huyện có 3.120 đảng viên.", []),
    ])
    func bulletins(body: String, expected: [Expected]) throws {
        let analysis = try analyze(body: body)
        let found = CrossChecker().check(analysis)
        let want = try expected.map { try $0.finding(in: analysis) }
        #expect(found == want, "\(analysis.figures.map { ($0.text, $0.unit, $0.rate ?? "-", $0.time?.description ?? "-") })")
    }

    /// The seed: its yearly average and the target it meets, both ways; nothing fails.
    @Test(.enabled(if: hasShared("data/seed"))) func seed() throws {
        guard let url = sharedPath("data/seed/ket-nap-dang-vien-2018.txt") else { return }
        let article = try ArticleSource().read(.file(path: url.path)).get()
        let analysis = try onLargeStack { try ArticleAnalyzer.builtin().makeWorker().analyze(article) }
        let found = CrossChecker().check(analysis)
        let want = try [
            Expected(.target, .holds, .consistent, ["trên 2.300 đảng viên/năm", "2.338 đảng viên"],
                     "2.338 > 2.300: khớp", "2,338 > 2,300: consistent"),
            Expected(.average, .holds, .consistent, ["trên 2.400 đảng viên", "9.711 đảng viên"],
                     "9.711 / 4 năm = 2.427,75 > 2.400: khớp", "9,711 / 4 years = 2,427.75 > 2,400: consistent"),
            Expected(.target, .holds, .consistent, ["trên 2.300 đảng viên/năm", "trên 2.400 đảng viên"],
                     "> 2.400 > 2.300: khớp", "> 2,400 > 2,300: consistent"),
        ].map { try $0.finding(in: analysis) }
        #expect(found == want)
        #expect(!found.contains { $0.verdict == .fails })
    }

    /// The seed's findings as `tools/score-relations` reads them: every gold relation matched exactly, verdicts agreeing.
    @Test(.enabled(if: hasShared("tools/score-relations") && hasShared("data/gold-dev-relations")))
    func seedScore() throws {
        guard let scorer = sharedPath("tools/score-relations"), let gold = sharedPath("data/gold-dev-relations/ket-nap-dang-vien-2018.txt.json"),
              let url = sharedPath("data/seed/ket-nap-dang-vien-2018.txt") else { return }
        let article = try ArticleSource().read(.file(path: url.path)).get()
        let analysis = try onLargeStack { try ArticleAnalyzer.builtin().makeWorker().analyze(article) }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-seed-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: out) }
        try Finding.jsonLines(CrossChecker().check(analysis)).write(to: out, atomically: true, encoding: .utf8)
        let (status, scored) = try scoreRelations(scorer: scorer, gold: gold, predictions: out, ["--texts", url.deletingLastPathComponent().path])
        #expect(status == 0)
        let score = try #require(scored)
        let exact = try #require(score["exact"] as? [String: Any])
        #expect(exact["recall"] as? Double == 1 && exact["precision"] as? Double == 1, "\(score)")
        #expect(score["verdictAgreement"] as? Double == 1, "\(score)")
    }
}
