import CrossCheck
import Figures
import Foundation
import SoLieu
import Testing

/// The `sum` and `breakdown` findings of an analysed bulletin, in text order (the other kinds are
/// other finders' business).
func sumsAndBreakdowns(_ analysis: ArticleAnalysis) -> [Finding] {
    CrossChecker().check(analysis).filter { $0.kind == .sum || $0.kind == .breakdown }
}

@Suite struct SumFinderTests {
    /// Bulletin sentences written for these tests, and every sum and breakdown in them.
    @Test(arguments: [
        // `gồm`: every part, adding up to the total
        ("Năm 2023, huyện trồng mới 520 ha rừng, gồm 310 ha rừng sản xuất và 210 ha rừng phòng hộ.",
         [Expected(.sum, .holds, .consistent, ["520 ha", "310 ha", "210 ha"], "310 + 210 = 520 = 520: khớp", "310 + 210 = 520 = 520: consistent")]),
        // the same with a wrong total: an error
        ("Năm 2023, huyện trồng mới 530 ha rừng, gồm 310 ha rừng sản xuất và 210 ha rừng phòng hộ.",
         [Expected(.sum, .fails, .error, ["530 ha", "310 ha", "210 ha"], "310 + 210 = 520 ≠ 530: không khớp", "310 + 210 = 520 ≠ 530: inconsistent")]),
        // a slip of the thousands: a part larger than its total
        ("Năm 2023, xã huy động được 45,6 tỷ đồng, gồm 21,4 tỷ đồng vốn ngân sách và 24.200 tỷ đồng do nhân dân đóng góp.",
         [Expected(.sum, .fails, .error, ["45,6 tỷ đồng", "21,4 tỷ đồng", "24.200 tỷ đồng"],
                   "21,4 + 24.200 = 24.221,4 ≠ 45,6 tỷ: không khớp", "21.4 + 24,200 = 24,221.4 ≠ 45.6 billion: inconsistent")]),
        // a loose total that the parts overshoot: a warning
        ("Huyện hiện có khoảng 900 hộ nghèo, gồm 620 hộ ở vùng cao và 480 hộ ở vùng thấp.",
         [Expected(.sum, .fails, .warning, ["khoảng 900 hộ nghèo", "620 hộ", "480 hộ"], "620 + 480 = 1.100 ≠ ≈ 900: không khớp", "620 + 480 = 1,100 ≠ ≈ 900: inconsistent")]),
        // `trong đó có`: some of the total
        ("Năm 2023, toàn tỉnh kết nạp 1.250 đảng viên, trong đó có 430 đảng viên nữ.",
         [Expected(.sum, .holds, .consistent, ["1.250 đảng viên", "430 đảng viên"], "430 ≤ 1.250: khớp", "430 ≤ 1,250: consistent")]),
        // `Trong đó` in the next sentence, a list closed by `còn lại`; the change after the part is no part
        ("Năm 2023, tỉnh đã nhận 850 tỷ đồng tiền bồi thường. Trong đó, tỉnh đã chi trả cho ngư dân 790 tỷ đồng; còn lại 60 tỷ đồng chưa giải ngân.",
         [Expected(.sum, .holds, .consistent, ["850 tỷ đồng", "790 tỷ đồng", "60 tỷ đồng"], "790 + 60 = 850 = 850 tỷ: khớp", "790 + 60 = 850 = 850 billion: consistent")]),
        ("Năm 2023, tổng thu ngân sách đạt 3.200 tỷ đồng, trong đó thu nội địa 2.100 tỷ đồng, tăng 150 tỷ đồng so với năm trước.",
         [Expected(.sum, .holds, .consistent, ["3.200 tỷ đồng", "2.100 tỷ đồng"], "2.100 ≤ 3.200 tỷ: khớp", "2,100 ≤ 3,200 billion: consistent")]),
        // a list inside an item of another ends with the item it makes up
        ("Năm 2023, toàn huyện có 500 lao động, trong đó khối cơ quan 300 lao động, gồm 120 lao động nữ và 180 lao động nam; khối doanh nghiệp 200 lao động.",
         [Expected(.sum, .holds, .consistent, ["500 lao động", "300 lao động"], "300 ≤ 500: khớp", "300 ≤ 500: consistent"),
          Expected(.sum, .holds, .consistent, ["300 lao động", "120 lao động", "180 lao động"], "120 + 180 = 300 = 300: khớp", "120 + 180 = 300 = 300: consistent")]),
        // a part in parentheses
        ("Toàn huyện có 2.450 giáo viên (giáo viên nữ 1.980 giáo viên).",
         [Expected(.sum, .holds, .consistent, ["2.450 giáo viên", "1.980 giáo viên"], "1.980 ≤ 2.450: khớp", "1,980 ≤ 2,450: consistent")]),
        // `riêng`: one part singled out
        ("Năm 2023, tổng thu ngân sách đạt 3.200 tỷ đồng, riêng thu từ thuế đạt 1.950 tỷ đồng.",
         [Expected(.sum, .holds, .consistent, ["3.200 tỷ đồng", "1.950 tỷ đồng"], "1.950 ≤ 3.200 tỷ: khớp", "1,950 ≤ 3,200 billion: consistent")]),
        // what remains (`còn ... chưa`) with the total and the other part before it
        ("Tổng kinh phí bồi thường được duyệt là 640 tỷ đồng. Đến nay, huyện đã giải ngân 515 tỷ đồng. Hiện còn 125 tỷ đồng chưa giải ngân.",
         [Expected(.sum, .holds, .consistent, ["640 tỷ đồng", "515 tỷ đồng", "125 tỷ đồng"], "515 + 125 = 640 = 640 tỷ: khớp", "515 + 125 = 640 = 640 billion: consistent")]),
        // a list after a total, no cue, to the printed digits
        ("Tổng vốn đầu tư của dự án là 1.280 tỷ đồng, vốn ngân sách 480 tỷ đồng, vốn doanh nghiệp 800 tỷ đồng.",
         [Expected(.sum, .holds, .consistent, ["1.280 tỷ đồng", "480 tỷ đồng", "800 tỷ đồng"], "480 + 800 = 1.280 = 1.280 tỷ: khớp", "480 + 800 = 1,280 = 1,280 billion: consistent")]),
        // `X trên tổng số Y`
        ("Năm 2023, ngành thi hành án đã giải quyết xong 1.345 vụ việc trên tổng số 1.500 vụ việc.",
         [Expected(.sum, .holds, .consistent, ["1.500 vụ việc", "1.345 vụ việc"], "1.345 ≤ 1.500: khớp", "1,345 ≤ 1,500: consistent")]),
        // a total that closes its list (`tổng cộng`), here a wrong one
        ("Năm 2023, xã Yên Lạc có 120 hộ nghèo, xã Tề Lỗ có 80 hộ nghèo, tổng cộng 210 hộ nghèo.",
         [Expected(.sum, .fails, .error, ["210 hộ nghèo", "120 hộ nghèo", "80 hộ nghèo"], "120 + 80 = 200 ≠ 210: không khớp", "120 + 80 = 200 ≠ 210: inconsistent")]),
        // a list of bullets after `Trong đó:`, and after `gồm:` with a wrong total
        ("Năm 2023, tổng vốn đầu tư phát triển trên địa bàn huyện đạt 1.250 tỷ đồng. Trong đó:\n\n- Vốn ngân sách nhà nước: 450 tỷ đồng;\n\n- Vốn doanh nghiệp: 600 tỷ đồng;\n\n- Vốn dân cư: 200 tỷ đồng.",
         [Expected(.sum, .holds, .consistent, ["1.250 tỷ đồng", "450 tỷ đồng", "600 tỷ đồng", "200 tỷ đồng"],
                   "450 + 600 + 200 = 1.250 = 1.250 tỷ: khớp", "450 + 600 + 200 = 1,250 = 1,250 billion: consistent")]),
        ("Năm 2023, tổng vốn đầu tư phát triển trên địa bàn huyện đạt 1.250 tỷ đồng, gồm:\n\n- Vốn ngân sách nhà nước: 450 tỷ đồng;\n\n- Vốn doanh nghiệp: 600 tỷ đồng;\n\n- Vốn dân cư: 300 tỷ đồng.",
         [Expected(.sum, .fails, .error, ["1.250 tỷ đồng", "450 tỷ đồng", "600 tỷ đồng", "300 tỷ đồng"],
                   "450 + 600 + 300 = 1.350 ≠ 1.250 tỷ: không khớp", "450 + 600 + 300 = 1,350 ≠ 1,250 billion: inconsistent")]),
        // amounts with their shares: the amounts make the total, the shares make 100%
        ("Năm 2023, thu nhập của thị trấn đạt 250 tỷ đồng. Dịch vụ chiếm tỷ lệ lớn với 150 tỷ đồng, bằng 60%, công nghiệp 75 tỷ đồng, bằng 30%, nông nghiệp 25 tỷ đồng, bằng 10%.",
         [Expected(.sum, .holds, .consistent, ["250 tỷ đồng", "150 tỷ đồng", "75 tỷ đồng", "25 tỷ đồng"], "150 + 75 + 25 = 250 = 250 tỷ: khớp", "150 + 75 + 25 = 250 = 250 billion: consistent"),
          Expected(.breakdown, .holds, .consistent, ["60%", "30%", "10%"], "60 + 30 + 10 = 100 = 100: khớp", "60 + 30 + 10 = 100 = 100: consistent")]),
    ])
    func sums(body: String, expected: [Expected]) throws {
        let analysis = try analyze(body: body)
        let found = sumsAndBreakdowns(analysis)
        let want = try expected.map { try $0.finding(in: analysis) }
        #expect(found == want, "\(analysis.figures.map { ($0.text, $0.unit, $0.sentenceIndex) })")
    }

    /// Percentages presented as the split of one whole.
    @Test(arguments: [
        ("Năm 2023, cơ cấu kinh tế của huyện: công nghiệp chiếm 45,2%, dịch vụ chiếm 38,6%, nông nghiệp chiếm 16,2%.",
         [Expected(.breakdown, .holds, .consistent, ["45,2%", "38,6%", "16,2%"], "45,2 + 38,6 + 16,2 = 100 = 100: khớp", "45.2 + 38.6 + 16.2 = 100 = 100: consistent")]),
        // two halves of a whole as fractions
        ("Bến xe mới nằm ở phường Long Bình (chiếm hơn 3/4 diện tích) và phường Bình Thắng (gần 1/4 diện tích).",
         [Expected(.breakdown, .holds, .consistent, ["hơn 3/4 diện tích", "gần 1/4 diện tích"], "75 + 25 = 100 = 100: khớp", "75 + 25 = 100 = 100: consistent")]),
        // more than the whole: an error
        ("Năm 2023, cơ cấu kinh tế của huyện: công nghiệp chiếm 45,2%, dịch vụ chiếm 38,6%, nông nghiệp chiếm 19,2%.",
         [Expected(.breakdown, .fails, .error, ["45,2%", "38,6%", "19,2%"], "45,2 + 38,6 + 19,2 = 103 ≠ 100: không khớp", "45.2 + 38.6 + 19.2 = 103 ≠ 100: inconsistent")]),
    ])
    func breakdowns(body: String, expected: [Expected]) throws {
        let analysis = try analyze(body: body)
        let want = try expected.map { try $0.finding(in: analysis) }
        #expect(sumsAndBreakdowns(analysis) == want)
    }

    /// Sentences with no sum and no breakdown.
    @Test(arguments: [
        // two unrelated figures of the same unit
        "Năm 2023, huyện kết nạp 215 đảng viên; toàn huyện có 3.120 đảng viên.",
        // a change after a total
        "Năm 2023, tổng thu ngân sách đạt 3.200 tỷ đồng, tăng 5% so với năm trước.",
        // the same amount restated in parentheses
        "Nợ công của tỉnh là 2.556 tỷ đồng (hơn 2,5 nghìn tỷ đồng).",
        // `bao gồm cả` names kinds, and what follows `trong khi` is another thing
        "Dự kiến đến năm 2025, thành phố có 42.000 căn hộ bao gồm cả nhà ở công nhân, trong khi nhu cầu lên đến 150.000 căn.",
        // changes make no split
        "Năm 2023, xuất khẩu tăng 60%, nhập khẩu tăng 40%.",
        // a term of comparison in parentheses
        "Giá trị thu được từ lúa chất lượng cao đạt 148 triệu đồng, gấp 1,6 lần lúa thường (92 triệu đồng).",
        // `riêng lẻ` singles nothing out
        "Công ty phát hành 35 triệu cổ phiếu cho người lao động và phát hành riêng lẻ 66 triệu cổ phiếu cho nhà đầu tư.",
        // a split left open (`...`) may leave some out
        "Kinh tế tư nhân chiếm 59% cơ cấu kinh tế, kinh tế nhà nước chiếm 20% và đầu tư nước ngoài là 15%...",
        // caps are no shares
        "Thành phố được vay không quá 30% số thu, đề nghị bổ sung 70% số tăng thu.",
        // `không bao gồm` denies the part
        "Bội chi ngân sách là 263 tỷ đồng, không bao gồm 52 tỷ đồng kết dư ngân sách địa phương.",
    ])
    func none(body: String) throws {
        let analysis = try analyze(body: body)
        #expect(sumsAndBreakdowns(analysis) == [], "\(analysis.figures.map { ($0.text, $0.unit) })")
    }

    /// Whatever the input, the finders look at bounded windows: a long run of figures of one
    /// unit after a cue gives at most `maxParts` parts and returns at once.
    @Test func longList() throws {
        let items = (1...60).map { "xã \($0) có \($0 + 10) hộ" }.joined(separator: ", ")
        let analysis = try analyze(body: "Năm 2023, toàn huyện có 5.000 hộ nghèo, trong đó \(items).")
        let found = sumsAndBreakdowns(analysis)
        #expect(found.allSatisfy { $0.figures.count <= 9 })
    }
}
