import CrossCheck
import Foundation
import Testing

@Suite struct ChangeFinderTests {
    /// Bulletin sentences (invented) and the change each states: change, new, old.
    @Test(arguments: [
        // a percent change, the old value after `so với`
        ("Năm 2018, kim ngạch xuất khẩu đạt 450 triệu USD, tăng 12,5% so với năm 2017 (400 triệu USD).",
         FinderExpectation(.holds, .consistent, ["12,5%", "450 triệu USD", "400 triệu USD"],
                           "(450 − 400) / 400 × 100 = 12,5% ≈ 12,5%: khớp", "(450 − 400) / 400 × 100 = 12.5% ≈ 12.5%: consistent")),
        ("Năm 2018, kim ngạch xuất khẩu đạt 450 triệu USD, tăng 15% so với năm 2017 (400 triệu USD).",
         FinderExpectation(.fails, .error, ["15%", "450 triệu USD", "400 triệu USD"],
                           "(450 − 400) / 400 × 100 = 12,5% ≠ 15%: không khớp", "(450 − 400) / 400 × 100 = 12.5% ≠ 15%: inconsistent")),
        // a decrease: the change printed positive, the values falling
        ("Kim ngạch nhập khẩu đạt 615,3 triệu USD, giảm 4,1% so với cùng kỳ năm 2017 (641,6 triệu USD).",
         FinderExpectation(.holds, .consistent, ["4,1%", "615,3 triệu USD", "641,6 triệu USD"],
                           "(641,6 − 615,3) / 641,6 × 100 = 4,1% ≈ 4,1%: khớp", "(641.6 − 615.3) / 641.6 × 100 = 4.1% ≈ 4.1%: consistent")),
        // `giảm từ X xuống còn Y, giảm Z`
        ("Số hộ nghèo của huyện giảm từ 1.250 hộ xuống còn 830 hộ, giảm 420 hộ.",
         FinderExpectation(.holds, .consistent, ["420 hộ", "830 hộ", "1.250 hộ"],
                           "1.250 − 830 = 420 ≈ 420: khớp", "1,250 − 830 = 420 ≈ 420: consistent")),
        ("Số hộ nghèo của huyện giảm từ 1.250 hộ xuống còn 830 hộ, giảm 520 hộ.",
         FinderExpectation(.fails, .error, ["520 hộ", "830 hộ", "1.250 hộ"],
                           "1.250 − 830 = 420 ≠ 520: không khớp", "1,250 − 830 = 420 ≠ 520: inconsistent")),
        // `tăng từ X năm A lên Y năm B, tăng Z`
        ("Diện tích rừng trồng tăng từ 2.350 ha năm 2015 lên 3.120 ha năm 2018, tăng 770 ha.",
         FinderExpectation(.holds, .consistent, ["770 ha", "3.120 ha", "2.350 ha"],
                           "3.120 − 2.350 = 770 ≈ 770: khớp", "3,120 − 2,350 = 770 ≈ 770: consistent")),
        // percentage points between two percents
        ("Tỷ lệ hộ nghèo giảm từ 5,2% xuống 3,8%, giảm 1,4 điểm phần trăm.",
         FinderExpectation(.holds, .consistent, ["1,4 điểm phần trăm", "3,8%", "5,2%"],
                           "5,2 − 3,8 = 1,4 điểm % ≈ 1,4 điểm %: khớp", "5.2 − 3.8 = 1.4 points ≈ 1.4 points: consistent")),
        // a percent change of a percent: points, or relative when only that fits
        ("Tỷ lệ che phủ rừng đạt 42%, tăng 1,5% so với năm 2017 (40,5%).",
         FinderExpectation(.holds, .consistent, ["1,5%", "42%", "40,5%"], "42 − 40,5 = 1,5% ≈ 1,5%: khớp", "42 − 40.5 = 1.5% ≈ 1.5%: consistent")),
        ("Tỷ lệ che phủ rừng đạt 42%, tăng 3,7% so với năm 2017 (40,5%).",
         FinderExpectation(.holds, .consistent, ["3,7%", "42%", "40,5%"],
                           "(42 − 40,5) / 40,5 × 100 = 3,7% ≈ 3,7%: khớp", "(42 − 40.5) / 40.5 × 100 = 3.7% ≈ 3.7%: consistent")),
        ("Tỷ lệ che phủ rừng đạt 42%, tăng 6% so với năm 2017 (40,5%).",
         FinderExpectation(.fails, .error, ["6%", "42%", "40,5%"], "42 − 40,5 = 1,5% ≠ 6%: không khớp", "42 − 40.5 = 1.5% ≠ 6%: inconsistent")),
        // a `nghìn tỷ` slip in a sentence restating the move before: an error
        ("Thu từ phí tăng từ 2.400 tỷ đồng lên 5.100 tỷ đồng. Như vậy, sau 3 năm số thu đã tăng 2.700 nghìn tỷ đồng.",
         FinderExpectation(.fails, .error, ["2.700 nghìn tỷ đồng", "5.100 tỷ đồng", "2.400 tỷ đồng"],
                           "5.100 − 2.400 = 2.700 ≠ 2.700.000: không khớp", "5,100 − 2,400 = 2,700 ≠ 2,700,000: inconsistent")),
        // a loose new value (`khoảng`) that does not fit: a warning
        ("Doanh thu năm 2018 đạt khoảng 500 tỷ đồng, tăng 30% so với năm 2017 (300 tỷ đồng).",
         FinderExpectation(.fails, .warning, ["30%", "khoảng 500 tỷ đồng", "300 tỷ đồng"],
                           "(500 − 300) / 300 × 100 = 66,67% ≠ 30%: không khớp", "(500 − 300) / 300 × 100 = 66.67% ≠ 30%: inconsistent")),
        // the two values in brackets after the excess
        ("Dự toán của dự án vượt 1.500 tỷ đồng (4.500 tỷ đồng/3.000 tỷ đồng).",
         FinderExpectation(.holds, .consistent, ["vượt 1.500 tỷ đồng", "4.500 tỷ đồng", "3.000 tỷ đồng"],
                           "4.500 − 3.000 = 1.500 ≈ 1.500: khớp", "4,500 − 3,000 = 1,500 ≈ 1,500: consistent")),
        // the value of the year compared with, printed in the sentence before
        ("Năm 2017, doanh thu của công ty đạt 400 tỷ đồng. Năm 2018, doanh thu đạt 500 tỷ đồng, tăng 100 tỷ đồng so với năm 2017.",
         FinderExpectation(.holds, .consistent, ["100 tỷ đồng", "500 tỷ đồng", "400 tỷ đồng"],
                           "500 − 400 = 100 ≈ 100: khớp", "500 − 400 = 100 ≈ 100: consistent")),
        // the same with a wrong change: an error
        ("Năm 2017, doanh thu của công ty đạt 400 tỷ đồng. Năm 2018, doanh thu đạt 500 tỷ đồng, tăng 150 tỷ đồng so với năm 2017.",
         FinderExpectation(.fails, .error, ["150 tỷ đồng", "500 tỷ đồng", "400 tỷ đồng"],
                           "500 − 400 = 100 ≠ 150: không khớp", "500 − 400 = 100 ≠ 150: inconsistent")),
        // `so với cùng kỳ`: the same quarter a year before
        ("Quý I/2017, kim ngạch đạt 200 triệu USD. Quý I/2018, kim ngạch đạt 230 triệu USD, tăng 18% so với cùng kỳ.",
         FinderExpectation(.fails, .error, ["18%", "230 triệu USD", "200 triệu USD"],
                           "(230 − 200) / 200 × 100 = 15% ≠ 18%: không khớp", "(230 − 200) / 200 × 100 = 15% ≠ 18%: inconsistent")),
        // a change that leaves the values' rate unsaid
        ("Thu nhập bình quân đầu người đạt 52 triệu đồng/năm, tăng 4,5 triệu đồng so với năm 2017 (47,5 triệu đồng/năm).",
         FinderExpectation(.holds, .consistent, ["4,5 triệu đồng", "52 triệu đồng/năm", "47,5 triệu đồng/năm"],
                           "52 − 47,5 = 4,5 ≈ 4,5: khớp", "52 − 47.5 = 4.5 ≈ 4.5: consistent")),
        // two values of two years before the change
        ("Năm 2016, huyện thu hút 25 dự án; năm 2018 thu hút 32 dự án, tăng 7 dự án.",
         FinderExpectation(.holds, .consistent, ["7 dự án", "32 dự án", "25 dự án"],
                           "32 − 25 = 7 ≈ 7: khớp", "32 − 25 = 7 ≈ 7: consistent")),
    ])
    func change(body: String, expected: FinderExpectation) throws {
        #expect(try FinderExpectation.found(.change, in: body) == [expected])
    }

    /// An absolute change with its percent in brackets: two changes between the same values.
    @Test func changeAndItsPercent() throws {
        let body = "Số thuê bao đạt 9.600 thuê bao, tăng 600 thuê bao (tăng 6,7%) so với năm 2017 (9.000 thuê bao)."
        #expect(try FinderExpectation.found(.change, in: body) == [
            FinderExpectation(.holds, .consistent, ["600 thuê bao", "9.600 thuê bao", "9.000 thuê bao"],
                              "9.600 − 9.000 = 600 ≈ 600: khớp", "9,600 − 9,000 = 600 ≈ 600: consistent"),
            FinderExpectation(.holds, .consistent, ["6,7%", "9.600 thuê bao", "9.000 thuê bao"],
                              "(9.600 − 9.000) / 9.000 × 100 = 6,67% ≈ 6,7%: khớp", "(9,600 − 9,000) / 9,000 × 100 = 6.67% ≈ 6.7%: consistent"),
        ])
    }

    /// A difference after a comparative (`thấp hơn giá công ty mua vào`) from the value those words
    /// named earlier, and its percent (`, tương đương 37,5%`) between the same values.
    @Test func comparedWithANamedValue() throws {
        let body = "Giá bình quân mỗi cổ phiếu mà công ty mua vào là 80.000 đồng. Cổ phiếu này từng được nhiều nhà đầu tư quan tâm. "
            + "Cuối năm 2018, cổ phiếu ở mức 50.000 đồng/cổ phiếu, thấp hơn giá công ty mua vào 30.000 đồng/cổ phiếu, tương đương 37,5%."
        #expect(try FinderExpectation.found(.change, in: body) == [
            FinderExpectation(.holds, .consistent, ["30.000 đồng/cổ phiếu", "50.000 đồng/cổ phiếu", "80.000 đồng"],
                              "80.000 − 50.000 = 30.000 ≈ 30.000: khớp", "80,000 − 50,000 = 30,000 ≈ 30,000: consistent"),
            FinderExpectation(.holds, .consistent, ["tương đương 37,5%", "50.000 đồng/cổ phiếu", "80.000 đồng"],
                              "(80.000 − 50.000) / 80.000 × 100 = 37,5% ≈ 37,5%: khớp", "(80,000 − 50,000) / 80,000 × 100 = 37.5% ≈ 37.5%: consistent"),
        ])
    }

    /// `tăng 10% (64 tỷ đồng) so với dự toán`: the old value is the one the words after `so với`
    /// name (`dự toán ... là 640 tỷ đồng`); the amount in brackets is a change between the same values.
    @Test func comparedWithTheNamedEstimate() throws {
        let body = "Năm 2018, dự toán chi thường xuyên của huyện là 640 tỷ đồng; thực hiện đạt 704 tỷ đồng, tăng 10% (64 tỷ đồng) so với dự toán."
        #expect(try FinderExpectation.found(.change, in: body) == [
            FinderExpectation(.holds, .consistent, ["10%", "704 tỷ đồng", "640 tỷ đồng"],
                              "(704 − 640) / 640 × 100 = 10% ≈ 10%: khớp", "(704 − 640) / 640 × 100 = 10% ≈ 10%: consistent"),
            FinderExpectation(.holds, .consistent, ["64 tỷ đồng", "704 tỷ đồng", "640 tỷ đồng"],
                              "704 − 640 = 64 ≈ 64: khớp", "704 − 640 = 64 ≈ 64: consistent"),
        ])
    }

    /// Changes whose old value is not printed, or values that are not the change's: nothing.
    @Test(arguments: [
        "Doanh thu đạt 500 tỷ đồng, tăng 12% so với cùng kỳ.",
        // the value after the bracket belongs to the next clause
        "Doanh thu đạt 500 tỷ đồng (tăng 12% so với cùng kỳ); lợi nhuận đạt 80 tỷ đồng.",
        // `so với cùng kỳ năm trước, doanh thu đạt ...`: another figure, another clause
        "Lợi nhuận đạt 80 tỷ đồng, tăng 10% so với cùng kỳ năm trước, doanh thu đạt 900 tỷ đồng.",
        // `thấp hơn mức X` compares with X, it states no difference
        "Tăng trưởng quý I ở mức 5,1%, thấp hơn mức 5,5% của cùng kỳ năm trước.",
        // a move of a part, not of the total that changed
        "Tổng tài sản tăng gần 3.700 tỷ đồng so với đầu năm, trong đó tài sản ngắn hạn tăng từ 4.955 tỷ đồng lên 8.930 tỷ đồng.",
        // counts compared in a later sentence are no values of the changes before
        "Cổ phiếu A tăng 3,8%; cổ phiếu B tăng 3,3%. Có 32 mã tăng trần so với 323 mã giảm.",
        // a value found by its name only that the change does not fit: no claim either way
        "Năm 2018, dự toán chi thường xuyên của huyện là 640 tỷ đồng; thực hiện đạt 704 tỷ đồng, tăng 30% so với dự toán.",
        // the only value of the year compared with is said of another thing (doanh thu, lợi nhuận)
        "Năm 2017, doanh thu của công ty đạt 400 tỷ đồng. Năm 2018, lợi nhuận đạt 50 tỷ đồng, tăng 10 tỷ đồng so với năm 2017.",
        // two values of the year compared with: which one is unknown
        "Năm 2017, doanh thu đạt 400 tỷ đồng, nộp ngân sách 90 tỷ đồng. Năm 2018, doanh thu đạt 500 tỷ đồng, tăng 25% so với năm 2017.",
    ])
    func noChange(body: String) throws {
        #expect(try FinderExpectation.found(.change, in: body).isEmpty)
    }
}
