import CrossCheck
import Figures
import Foundation
import SoLieu
import TestSupport
import Testing

/// The `target` finder's findings (other kinds left out) on bulletins written for these tests.
@Suite struct TargetFinderTests {
    @Test(arguments: [
        // a result given as a share of its plan, the plan in parentheses: under 100% claims a shortfall
        ("Năm 2018, số vận động viên cao cấp ước đạt 6.143 người, đạt 95% kế hoạch (6.452 vận động viên).",
         [Expected(.target, .holds, .info, ["6.452 vận động viên", "ước đạt 6.143 người"],
                   "≈ 6.143 < 6.452 (đạt 95%): khớp", "≈ 6,143 < 6,452 (95% of plan): consistent")]),
        // and a share that contradicts the figures
        ("Năm 2018, toàn tỉnh trồng mới 1.300 ha rừng, đạt 105% kế hoạch (1.400 ha).",
         [Expected(.target, .fails, .error, ["1.400 ha", "1.300 ha"],
                   "1.300 không ≥ 1.400 (đạt 105%): không khớp", "1,300 not ≥ 1,400 (105% of plan): inconsistent")]),
        // a target claimed met, and the claim false
        ("Năm 2024, huyện đặt chỉ tiêu đón 950.000 lượt khách du lịch. Kết thúc năm, toàn huyện đã đón 923.000 lượt khách, vượt chỉ tiêu đề ra.",
         [Expected(.target, .fails, .error, ["950.000 lượt khách", "923.000 lượt khách"],
                   "923.000 không ≥ 950.000: không khớp", "923,000 not ≥ 950,000: inconsistent")]),
        // a later sentence of the paragraph that claims nothing is no result
        ("Năm 2024, huyện giải quyết việc làm cho 1.864 lao động, vượt kế hoạch 1.800 lao động. Trong số này, có 642 lao động đi làm việc ở nước ngoài.",
         [Expected(.target, .holds, .consistent, ["1.800 lao động", "1.864 lao động"], "1.864 ≥ 1.800: khớp", "1,864 ≥ 1,800: consistent")]),
        // a list of results after `đạt nhiều chỉ tiêu:` states no target
        ("Năm 2016, thể thao đạt nhiều chỉ tiêu đáng khích lệ: số vận động viên ước đạt 6.143 người, trong đó kiện tướng hơn 2.700 người.", []),
        // an aim is no claim; a percentage of another measure is no result
        ("Năm 2017, tỉnh phấn đấu đạt chỉ tiêu tăng trưởng kinh tế 6,7%. Quý I, tăng trưởng đạt 5,1%.", []),
        ("Năm 2015, tổng lợi nhuận đạt 3.280 tỷ đồng, đạt 111,7% kế hoạch, tăng 20% so với năm 2014. Năng suất lao động tăng 15,55% so với năm 2014.", []),
        ("Năm 2015, vốn chủ sở hữu hoàn thành 113,8% kế hoạch Bộ giao, tăng 20,9% so với năm 2014. Doanh thu tăng 7,5% so với năm 2014.", []),
        // a quarter's result against the year's target: not met, nor missed, yet
        ("Tỉnh đã đạt mục tiêu tăng trưởng 6,7% cả năm, trong khi tăng trưởng quý I/2017 đạt 5,1%.", []),
        ("Tỉnh hoàn thành kế hoạch thu ngân sách 6.000 tỷ đồng; 6 tháng đầu năm 2023 đã thu 2.100 tỷ đồng.", []),
        ("Ủng hộ quyết tâm của Chính phủ đạt mục tiêu tăng trưởng, đại biểu cho rằng tăng trưởng quý 1/2024 ở mức 5,1%, còn xa so với mục tiêu 6,7% cả năm.", []),
        // each result against one target, its sentence's: not 40 against 200
        ("Năm 2024, huyện kết nạp 250 đảng viên, vượt chỉ tiêu 200 đảng viên. Năm 2024, xã kết nạp 40 đảng viên, vượt chỉ tiêu 30 đảng viên.",
         [Expected(.target, .holds, .consistent, ["200 đảng viên", "250 đảng viên"], "250 ≥ 200: khớp", "250 ≥ 200: consistent"),
          Expected(.target, .holds, .consistent, ["30 đảng viên", "40 đảng viên"], "40 ≥ 30: khớp", "40 ≥ 30: consistent")]),
        // counts of targets
        ("Năm 2016, 11 chỉ tiêu đạt và vượt, 2 chỉ tiêu xấp xỉ đạt kế hoạch.", []),
    ])
    func bulletins(body: String, expected: [Expected]) throws {
        let analysis = try analyze(body: body)
        let found = CrossChecker().check(analysis).filter { $0.kind == .target }
        let want = try expected.map { try $0.finding(in: analysis) }
        #expect(found == want, "\(analysis.figures.map { ($0.text, $0.unit, $0.time?.description ?? "-") })")
    }
}
