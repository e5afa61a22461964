import CrossCheck
import Figures
import Foundation
import SoLieu
import TestSupport
import Testing

/// Conflicts across articles, on pairs of bulletins written for these tests: the same fact
/// (what is counted, when, where, told by the same words) with values that do not agree.
@Suite struct ConflictTests {
    static let base = "Năm 2023, tỉnh Vĩnh Phúc kết nạp 2.338 đảng viên mới."

    @Test(arguments: [
        // the same fact told with another value
        ("Năm 2023, tỉnh Vĩnh Phúc kết nạp 2.383 đảng viên mới.",
         [("2.338 đảng viên", "2.383 đảng viên", Finding.Severity.error,
           "2.338 (a.txt) ≠ 2.383 (b.txt) [tỉnh Vĩnh Phúc, 2023]: không khớp")]),
        // the same value: no conflict
        ("Năm 2023, tỉnh Vĩnh Phúc kết nạp 2.338 đảng viên mới.", []),
        // a value the other's qualifier allows
        ("Năm 2023, tỉnh Vĩnh Phúc kết nạp hơn 2.300 đảng viên mới.", []),
        // another year
        ("Năm 2022, tỉnh Vĩnh Phúc kết nạp 2.383 đảng viên mới.", []),
        // another province
        ("Năm 2023, tỉnh Phú Thọ kết nạp 2.383 đảng viên mới.", []),
        // another fact of the same unit, place and year
        ("Năm 2023, tỉnh Vĩnh Phúc khen thưởng 2.383 đảng viên.", []),
        // a target, not a result
        ("Năm 2023, tỉnh Vĩnh Phúc đặt chỉ tiêu kết nạp 2.500 đảng viên mới.", []),
    ])
    func pair(other: String, expected: [(String, String, Finding.Severity, String)]) throws {
        let a = try analyze(body: Self.base, name: "a.txt"), b = try analyze(body: other, name: "b.txt")
        let found = CrossChecker().conflicts([ArticleFigures(article: "a.txt", figures: a.figures),
                                              ArticleFigures(article: "b.txt", figures: b.figures)])
        let want = try expected.map { first, second, severity, computation in
            Finding(article: "a.txt", kind: .conflict, verdict: .fails, severity: severity,
                    figures: [try ref(first, in: a, article: "a.txt"), try ref(second, in: b, article: "b.txt")],
                    computation: computation, computationEnglish: found.first?.computationEnglish ?? "")
        }
        #expect(found == want, "\(a.figures.map { ($0.text, $0.time?.description ?? "-", $0.place?.text ?? "-") }) \(b.figures.map { ($0.text, $0.time?.description ?? "-", $0.place?.text ?? "-") })")
        #expect(try Finding.jsonLines(found).isEmpty, "conflicts are not written for the relations scorer")
    }

    @Test func thousandfoldSlip() throws {
        let a = try analyze(body: "Năm 2023, tỉnh Vĩnh Phúc thu ngân sách nhà nước 12.500 tỷ đồng.", name: "a.txt")
        let b = try analyze(body: "Năm 2023, tỉnh Vĩnh Phúc thu ngân sách nhà nước 12,5 tỷ đồng.", name: "b.txt")
        let found = CrossChecker().conflicts([ArticleFigures(article: "a.txt", figures: a.figures),
                                              ArticleFigures(article: "b.txt", figures: b.figures)])
        #expect(found.map(\.severity) == [.error])
        #expect(found.map(\.computation) == ["12.500 tỷ (a.txt) ≠ 12,5 tỷ (b.txt) (gấp 1.000 lần: nhầm dấu phân cách hàng nghìn) [tỉnh Vĩnh Phúc, 2023]: không khớp"])
        #expect(found.map(\.computationEnglish) == ["12,500 billion (a.txt) ≠ 12.5 billion (b.txt) (a factor of 1,000: a thousands-separator slip) [tỉnh Vĩnh Phúc, 2023]: inconsistent"])
    }

    func ref(_ label: String, in analysis: ArticleAnalysis, article: String) throws -> Finding.FigureRef {
        let f = try #require(analysis.figures.first { $0.text == label }, "no figure \(label)")
        return Finding.FigureRef(text: f.text, start: f.start, end: f.end, id: f.id, article: article)
    }
}
