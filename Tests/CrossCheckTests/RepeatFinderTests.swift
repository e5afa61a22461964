import CrossCheck
import Figures
import Foundation
import SoLieu
import TestSupport
import Testing

/// The `repeat` finder on bulletins written for these tests: a title and a body; figures are
/// named by their text, `X#k` for the k-th occurrence.
@Suite struct RepeatFinderTests {
    static func analyze(title: String, body: String) throws -> ArticleAnalysis {
        let text = "Kinh tế\n\n\(title)\n\nThứ Hai, 14/01/2019\n\n\(body)\n"
        let article = PlainTextArticle().parse(text, name: "repeat.txt", source: "repeat.txt")
        return try onLargeStack { try ArticleAnalyzer.builtin().makeWorker().analyze(article) }
    }

    /// The figure labelled `label` (`X` or `X#k`) in `analysis`.
    static func ref(_ label: String, in analysis: ArticleAnalysis) throws -> Finding.FigureRef {
        let parts = label.split(separator: "#")
        let text = String(parts[0]), k = parts.count > 1 ? Int(parts[1])! : 1
        let matches = analysis.figures.filter { $0.text == text }
        try #require(matches.count >= k, "no figure \(label) in \(analysis.figures.map(\.text))")
        let f = matches[k - 1]
        return Finding.FigureRef(text: f.text, start: f.start, end: f.end, id: f.id)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let title: String, body: String
        /// verdict, severity, figures, computation (vi); empty for none
        let expected: [(Finding.Verdict, Finding.Severity, [String], String)]
        var testDescription: String { title }
    }

    @Test(arguments: [
        // the title's figure told again in the body
        Case(title: "Tam Dương kết nạp 215 đảng viên mới", body: "Năm 2023, Đảng bộ huyện Tam Dương kết nạp 215 đảng viên mới.",
             expected: [(.holds, .consistent, ["215 đảng viên", "215 đảng viên#2"], "215 ≈ 215: khớp")]),
        // a rounded title that the body's count bears out
        Case(title: "Gần 1.900 lao động có việc làm mới", body: "Năm 2023, huyện Vĩnh Tường giải quyết việc làm cho 1.864 lao động.",
             expected: [(.holds, .consistent, ["Gần 1.900 lao động", "1.864 lao động"], "≈ 1.900 ≈ 1.864: khớp")]),
        // one that it does not: a loose title is a warning
        Case(title: "Gần 1.700 lao động có việc làm mới", body: "Năm 2023, huyện Vĩnh Tường giải quyết việc làm cho 1.864 lao động.",
             expected: [(.fails, .warning, ["Gần 1.700 lao động", "1.864 lao động"], "≈ 1.700 ≠ 1.864: không khớp")]),
        // an exact title against another exact value: an error
        Case(title: "Hoàn thành 1.300km đường cao tốc", body: "Theo kế hoạch, Bộ sẽ hoàn thành đầu tư xây dựng 1.372km đường cao tốc.",
             expected: [(.fails, .error, ["1.300km", "1.372km"], "1.300 ≠ 1.372: không khớp")]),
        // a rounded restatement in parentheses
        Case(title: "Nợ công tiếp tục tăng", body: "Nợ công đến cuối năm là 2.556.039 tỷ đồng (hơn 2,5 triệu tỷ đồng), tăng so với năm trước.",
             expected: [(.holds, .consistent, ["2.556.039 tỷ đồng", "hơn 2,5 triệu tỷ đồng"], "2.556.039 tỷ ≈ > 2.500.000 tỷ: khớp")]),
        // a thousandfold slip
        Case(title: "Khởi công cụm công nghiệp", body: "Dự án có tổng vốn đầu tư 1.250 tỷ đồng. Với số vốn 1,25 tỷ đồng được bố trí đầy đủ, dự án sẽ hoàn thành đúng hạn.",
             expected: [(.fails, .error, ["1.250 tỷ đồng", "1,25 tỷ đồng"], "1.250 tỷ ≠ 1,25 tỷ (gấp 1.000 lần: nhầm dấu phân cách hàng nghìn): không khớp")]),
        // a unit written out, then abbreviated
        Case(title: "Gặp mặt doanh nghiệp đầu xuân", body: "Thành phố gặp mặt hơn 400 doanh nghiệp (DN) tiêu biểu. Lãnh đạo thành phố cảm ơn hơn 400 DN đã đồng hành.",
             expected: [(.holds, .consistent, ["hơn 400 doanh nghiệp", "hơn 400 DN"], "> 400 ≈ > 400: khớp")]),
        // negatives: two facts of one sentence; the same count in two years; a body figure far from the title's
        Case(title: "Hai xã về đích nông thôn mới", body: "Xã Đạo Tú có 2 người đạt giải, xã Hợp Thịnh có 2 người đạt giải.", expected: []),
        Case(title: "Thu hút đầu tư", body: "Năm 2022, tỉnh thu hút 15 dự án. Năm 2023, tỉnh thu hút 15 dự án.", expected: []),
        Case(title: "Trồng mới 600 ha rừng", body: "Năm 2023, toàn tỉnh trồng mới 840 ha rừng tập trung.", expected: []),
        // two thresholds of one value
        Case(title: "Thuế thu nhập cá nhân", body: "Người có thu nhập dưới 9 triệu đồng/tháng không phải nộp thuế. Thu nhập trên 9 triệu đồng/tháng mới phải nộp thuế.", expected: []),
    ])
    func bulletins(_ c: Case) throws {
        let analysis = try Self.analyze(title: c.title, body: c.body)
        let found = CrossChecker().check(analysis).filter { $0.kind == .repeat }
        let want = try c.expected.map { verdict, severity, labels, computation in
            Finding(article: "repeat.txt", kind: .repeat, verdict: verdict, severity: severity,
                    figures: try labels.map { try Self.ref($0, in: analysis) },
                    computation: computation, computationEnglish: found.first?.computationEnglish ?? "")
        }
        #expect(found == want, "\(analysis.figures.map { ($0.text, $0.unit, $0.time?.description ?? "-") })")
    }
}
