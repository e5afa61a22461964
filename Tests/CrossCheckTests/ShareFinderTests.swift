import CrossCheck
import Foundation
import SoLieu
import Testing

/// A finding of one kind as a finder table writes it: verdict, severity, the figures' texts in
/// the spec's order and the check written out (Vietnamese, English).
struct FinderExpectation: Sendable, Equatable, CustomTestStringConvertible {
    var verdict: Finding.Verdict
    var severity: Finding.Severity
    var figures: [String]
    var computation: String
    var computationEnglish: String

    init(_ verdict: Finding.Verdict, _ severity: Finding.Severity, _ figures: [String], _ computation: String, _ english: String) {
        self.verdict = verdict
        self.severity = severity
        self.figures = figures
        self.computation = computation
        self.computationEnglish = english
    }

    var testDescription: String { "\(verdict) \(figures)" }

    /// The findings of `kind` in a bulletin of `body`, as expectations; each figure's text must be
    /// the article's text at its offsets.
    static func found(_ kind: Finding.Kind, in body: String) throws -> [FinderExpectation] {
        let analysis = try analyze(body: body)
        let text = Array(analysis.article.text.unicodeScalars)
        let found = CrossChecker().check(analysis).filter { $0.kind == kind }
        for f in found {
            for r in f.figures {
                #expect(r.start >= 0 && r.end <= text.count && String(String.UnicodeScalarView(text[r.start..<r.end])) == r.text, "\(r)")
            }
        }
        return found.map { FinderExpectation($0.verdict, $0.severity, $0.figures.map(\.text), $0.computation, $0.computationEnglish) }
    }
}

@Suite struct ShareFinderTests {
    /// Bulletin sentences (invented) and the share each states: percent, part, whole.
    @Test(arguments: [
        // `chiếm X% tổng thu`, the total named in the sentence before
        ("Năm 2018, tổng thu ngân sách của huyện đạt 1.500 tỷ đồng. Riêng thu từ đất đạt 600 tỷ đồng, chiếm 40% tổng thu.",
         FinderExpectation(.holds, .consistent, ["40%", "600 tỷ đồng", "1.500 tỷ đồng"],
                           "600 / 1.500 × 100 = 40% ≈ 40%: khớp", "600 / 1,500 × 100 = 40% ≈ 40%: consistent")),
        // the same with a wrong percent: an error (every figure exact)
        ("Năm 2018, tổng thu ngân sách của huyện đạt 1.500 tỷ đồng. Riêng thu từ đất đạt 600 tỷ đồng, chiếm 50% tổng thu.",
         FinderExpectation(.fails, .error, ["50%", "600 tỷ đồng", "1.500 tỷ đồng"],
                           "600 / 1.500 × 100 = 40% ≠ 50%: không khớp", "600 / 1,500 × 100 = 40% ≠ 50%: inconsistent")),
        // a part in brackets after its count, the whole before it (`hộ` of `hộ nghèo`)
        ("Toàn huyện có 2.400 hộ, trong đó 600 hộ nghèo (25%).",
         FinderExpectation(.holds, .consistent, ["25%", "600 hộ nghèo", "2.400 hộ"],
                           "600 / 2.400 × 100 = 25% ≈ 25%: khớp", "600 / 2,400 × 100 = 25% ≈ 25%: consistent")),
        // `X/Y (Z%)`: the fraction's two numbers as two figures
        ("Đến nay, 18/24 xã đạt chuẩn nông thôn mới (75%).",
         FinderExpectation(.holds, .consistent, ["75%", "18", "24 xã"],
                           "18 / 24 × 100 = 75% ≈ 75%: khớp", "18 / 24 × 100 = 75% ≈ 75%: consistent")),
        ("Đến nay, 18/24 xã đạt chuẩn nông thôn mới (80%).",
         FinderExpectation(.fails, .error, ["80%", "18", "24 xã"],
                           "18 / 24 × 100 = 75% ≠ 80%: không khớp", "18 / 24 × 100 = 75% ≠ 80%: inconsistent")),
        // people counted by two words (`học sinh`, `em`)
        ("Trong 5.600 học sinh dự thi, có 5.488 em đỗ tốt nghiệp, đạt tỷ lệ 98%.",
         FinderExpectation(.holds, .consistent, ["98%", "5.488 em", "5.600 học sinh"],
                           "5.488 / 5.600 × 100 = 98% ≈ 98%: khớp", "5,488 / 5,600 × 100 = 98% ≈ 98%: consistent")),
        // `trong đó` makes the part one of the whole: a wrong percent is an error
        ("Toàn huyện có 2.400 hộ, trong đó 600 hộ nghèo (35%).",
         FinderExpectation(.fails, .error, ["35%", "600 hộ nghèo", "2.400 hộ"],
                           "600 / 2.400 × 100 = 25% ≠ 35%: không khớp", "600 / 2,400 × 100 = 25% ≠ 35%: inconsistent")),
        // the whole after the part (`trên tổng số`)
        ("Số đảng viên nữ là 1.200 người trên tổng số 4.800 người, chiếm 25%.",
         FinderExpectation(.holds, .consistent, ["25%", "1.200 người", "4.800 người"],
                           "1.200 / 4.800 × 100 = 25% ≈ 25%: khớp", "1,200 / 4,800 × 100 = 25% ≈ 25%: consistent")),
        // the part in brackets after the percent
        ("Toàn huyện có 2.400 hộ, trong đó hộ nghèo chiếm 25% (600 hộ).",
         FinderExpectation(.holds, .consistent, ["25%", "600 hộ", "2.400 hộ"],
                           "600 / 2.400 × 100 = 25% ≈ 25%: khớp", "600 / 2,400 × 100 = 25% ≈ 25%: consistent")),
        ("Đến nay, số xã đạt chuẩn nông thôn mới chiếm 80% (18/24 xã).",
         FinderExpectation(.fails, .error, ["80%", "18", "24 xã"],
                           "18 / 24 × 100 = 75% ≠ 80%: không khớp", "18 / 24 × 100 = 75% ≠ 80%: inconsistent")),
        // the next sentence details the share (`Cụ thể, ...`): the larger figure the whole
        ("Trong tổng thu từ phí, thu từ bến bãi chiếm đến 90%. Cụ thể, năm 2018, tổng thu là 520 tỷ đồng, riêng thu từ bến bãi là 390 tỷ đồng.",
         FinderExpectation(.fails, .error, ["90%", "390 tỷ đồng", "520 tỷ đồng"],
                           "390 / 520 × 100 = 75% ≠ 90%: không khớp", "390 / 520 × 100 = 75% ≠ 90%: inconsistent")),
        // `chiếm X% tổng số xã`: the total of what the part counts, sentences before
        ("Toàn tỉnh có 97 xã, thị trấn. Năm 2018, tỉnh đầu tư nhiều công trình thủy lợi. Các tuyến đường được bê tông hóa. "
            + "Trường học được xây mới. Toàn tỉnh có 75 xã (chiếm 77,3% tổng số xã) đạt tiêu chí văn hóa.",
         FinderExpectation(.holds, .consistent, ["77,3%", "75 xã", "97 xã"],
                           "75 / 97 × 100 = 77,32% ≈ 77,3%: khớp", "75 / 97 × 100 = 77.32% ≈ 77.3%: consistent")),
        // `bằng X% so với năm A (Y)`: a value as a share of the one it is compared with
        ("Doanh thu năm 2018 đạt 950 tỷ đồng, bằng 90% so với năm 2017 (1.000 tỷ đồng).",
         FinderExpectation(.fails, .error, ["90%", "950 tỷ đồng", "1.000 tỷ đồng"],
                           "950 / 1.000 × 100 = 95% ≠ 90%: không khớp", "950 / 1,000 × 100 = 95% ≠ 90%: inconsistent")),
        // a share that fits only through a loose whole (`gần`): it holds, shakily (info)
        ("Tổng thu ngân sách gần 2.000 tỷ đồng, trong đó thu nội địa 1.150 tỷ đồng, chiếm 60%.",
         FinderExpectation(.holds, .info, ["60%", "1.150 tỷ đồng", "gần 2.000 tỷ đồng"],
                           "1.150 / 2.000 × 100 = 57,5% ≈ 60%: khớp", "1,150 / 2,000 × 100 = 57.5% ≈ 60%: consistent")),
        // a loose whole (`khoảng`) that still does not fit: a warning
        ("Tổng diện tích tự nhiên khoảng 2.000 ha, trong đó rừng 500 ha, chiếm 40%.",
         FinderExpectation(.fails, .warning, ["40%", "500 ha", "khoảng 2.000 ha"],
                           "500 / 2.000 × 100 = 25% ≠ 40%: không khớp", "500 / 2,000 × 100 = 25% ≠ 40%: inconsistent")),
    ])
    func share(body: String, expected: FinderExpectation) throws {
        #expect(try FinderExpectation.found(.share, in: body) == [expected])
    }

    /// Two shares of one whole in one sentence, each percent with its own part.
    @Test func twoShares() throws {
        let body = "Đảng bộ có 3.120 đảng viên, trong đó 780 đảng viên nữ, chiếm 25%, và 312 đảng viên trẻ, chiếm 10%."
        #expect(try FinderExpectation.found(.share, in: body) == [
            FinderExpectation(.holds, .consistent, ["25%", "780 đảng viên", "3.120 đảng viên"],
                              "780 / 3.120 × 100 = 25% ≈ 25%: khớp", "780 / 3,120 × 100 = 25% ≈ 25%: consistent"),
            FinderExpectation(.holds, .consistent, ["10%", "312 đảng viên", "3.120 đảng viên"],
                              "312 / 3.120 × 100 = 10% ≈ 10%: khớp", "312 / 3,120 × 100 = 10% ≈ 10%: consistent"),
        ])
    }

    /// Sentences with percents that are no share of printed figures: nothing.
    @Test(arguments: [
        // a change, its old value not printed
        "Doanh thu đạt 500 tỷ đồng, tăng 12% so với cùng kỳ.",
        // no part
        "Tỷ lệ hộ nghèo của huyện còn 3,5%.",
        // a share of GDP, which is not printed
        "Bội chi ngân sách là 250.000 tỷ đồng, bằng 5,7% GDP.",
        // a fraction and a percent of something else
        "Có 82/97 xã và 50,7% dân số nông thôn được dùng nước sạch.",
        // `bằng X%` of last year, not of the figure before
        "Thu ngân sách đạt 900 tỷ đồng, bằng 105% cùng kỳ năm trước; chi ngân sách 700 tỷ đồng, bằng 98%.",
        // a percent the sentence does not call a share: the next sentence's figures are not its part and whole
        "Tăng trưởng kinh tế đạt 7%. Cụ thể, doanh thu đạt 500 tỷ đồng, lợi nhuận 50 tỷ đồng.",
        // a sibling is no whole (`3.000 ha lúa, 1.200 ha ngô`): the percent is of a total not printed
        "Huyện có 3.000 ha lúa, 1.200 ha ngô (chiếm 15%).",
        // shares of plans that are not printed: the other figures of the sentence are not the plans
        "Doanh thu đạt 1.200 tỷ đồng, bằng 48% kế hoạch năm, lợi nhuận đạt 300 tỷ đồng, nộp ngân sách 250 tỷ đồng bằng 45% kế hoạch năm.",
        // 100% of something unprinted
        "Huyện hỗ trợ 100% học phí cho 1.200 học sinh.",
        // two parts, each with its own share: neither is the other's whole
        "Lớp 1 tuyển 910 học sinh, chiếm 72%; lớp 6 tuyển 680 học sinh, chiếm 68%.",
        // a total sentences before that the percent does not fit: too far to claim an error
        "Toàn tỉnh có 97 xã, thị trấn. Năm 2018, tỉnh đầu tư nhiều công trình thủy lợi. Các tuyến đường được bê tông hóa. Trường học được xây mới. Toàn tỉnh có 75 xã (chiếm 70% tổng số xã) đạt tiêu chí văn hóa.",
        // a named total (`trên tổng số phải thu`) that is not printed
        "Số nợ đóng bảo hiểm là 990 tỷ đồng, chiếm 4,9% trên tổng số phải thu; số đã thu đạt 1.200 tỷ đồng.",
    ])
    func noShare(body: String) throws {
        #expect(try FinderExpectation.found(.share, in: body).isEmpty)
    }
}
