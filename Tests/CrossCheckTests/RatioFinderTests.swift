import CrossCheck
import Foundation
import Testing

@Suite struct RatioFinderTests {
    /// Bulletin sentences (invented) and the multiple each states: ratio, larger, smaller.
    @Test(arguments: [
        // `X, gấp N lần năm A (Y)`
        ("Năm 2018, huyện có 900 ha chè, gấp 3 lần năm 2015 (300 ha).",
         FinderExpectation(.holds, .consistent, ["gấp 3 lần", "900 ha", "300 ha"], "900 / 300 = 3 ≈ 3: khớp", "900 / 300 = 3 ≈ 3: consistent")),
        ("Năm 2018, huyện có 900 ha chè, gấp 4 lần năm 2015 (300 ha).",
         FinderExpectation(.fails, .error, ["gấp 4 lần", "900 ha", "300 ha"], "900 / 300 = 3 ≠ 4: không khớp", "900 / 300 = 3 ≠ 4: inconsistent")),
        // `gấp N lần, từ X lên Y`: N read to its last digit, [1,5; 2,5]
        ("Thu ngân sách của tỉnh tăng gấp 2 lần, từ 1.200 tỷ đồng lên 2.500 tỷ đồng.",
         FinderExpectation(.holds, .consistent, ["gấp 2 lần", "2.500 tỷ đồng", "1.200 tỷ đồng"],
                           "2.500 / 1.200 = 2,08 ≈ 2: khớp", "2,500 / 1,200 = 2.08 ≈ 2: consistent")),
        // per-rate values, `so với`
        ("Thu nhập bình quân đạt 60 triệu đồng/người/năm, gấp 1,5 lần so với năm 2015 (40 triệu đồng/người/năm).",
         FinderExpectation(.holds, .consistent, ["gấp 1,5 lần", "60 triệu đồng/người/năm", "40 triệu đồng/người/năm"],
                           "60 / 40 = 1,5 ≈ 1,5: khớp", "60 / 40 = 1.5 ≈ 1.5: consistent")),
        // `gấp đôi`, the values in another scale (tỷ, triệu)
        ("Năm 2018, xuất khẩu đạt 1,2 tỷ USD, gấp đôi năm 2015 (600 triệu USD).",
         FinderExpectation(.holds, .consistent, ["gấp đôi", "1,2 tỷ USD", "600 triệu USD"], "1.200 / 600 = 2 ≈ 2: khớp", "1,200 / 600 = 2 ≈ 2: consistent")),
        // both values in brackets after the multiple
        ("Kim ngạch xuất khẩu gấp 2,5 lần kim ngạch nhập khẩu (1,2 tỷ USD so với 480 triệu USD).",
         FinderExpectation(.holds, .consistent, ["gấp 2,5 lần", "1,2 tỷ USD", "480 triệu USD"],
                           "1.200 / 480 = 2,5 ≈ 2,5: khớp", "1,200 / 480 = 2.5 ≈ 2.5: consistent")),
        // a move right before the multiple
        ("Diện tích chè tăng từ 300 ha năm 2015 lên 900 ha năm 2018, gấp 3 lần.",
         FinderExpectation(.holds, .consistent, ["gấp 3 lần", "900 ha", "300 ha"], "900 / 300 = 3 ≈ 3: khớp", "900 / 300 = 3 ≈ 3: consistent")),
        // two values of two years right before it
        ("Năm 2015, huyện có 300 ha chè; năm 2018 có 1.200 ha, gấp 3 lần.",
         FinderExpectation(.fails, .error, ["gấp 3 lần", "1.200 ha", "300 ha"], "1.200 / 300 = 4 ≠ 3: không khớp", "1,200 / 300 = 4 ≠ 3: inconsistent")),
        // a loose value that does not fit: a warning
        ("Năm 2018, sản lượng đạt khoảng 1.000 tấn, gấp 3 lần năm 2015 (200 tấn).",
         FinderExpectation(.fails, .warning, ["gấp 3 lần", "khoảng 1.000 tấn", "200 tấn"], "1.000 / 200 = 5 ≠ 3: không khớp", "1,000 / 200 = 5 ≠ 3: inconsistent")),
    ])
    func ratio(body: String, expected: FinderExpectation) throws {
        #expect(try FinderExpectation.found(.ratio, in: body) == [expected])
    }

    /// Multiples whose two values are not both printed: nothing.
    @Test(arguments: [
        // the new value only (`lên`)
        "Nợ ngắn hạn tăng gần gấp đôi lên 15.400 tỷ đồng.",
        "Giá trị sản xuất trên một ha gấp 3 lần mức bình quân cả nước.",
        // a value of another clause before, the new value after
        "Tổng tài sản đạt 9.000 tỷ đồng; nợ phải trả tăng gấp 2 lần, lên 4.000 tỷ đồng.",
        // a move in the next clause is not the multiple's
        "Tốc độ tăng nợ công gấp hơn 3 lần tốc độ tăng trưởng; tỷ lệ nợ tăng từ 39,3% năm 2011 lên 50,3% năm 2015.",
    ])
    func noRatio(body: String) throws {
        #expect(try FinderExpectation.found(.ratio, in: body).isEmpty)
    }
}
