import Foundation
import Testing
@testable import Figures

/// One expected figure: the same record as the class tables write (`MarkedFigure`).
typealias Expected = MarkedFigure

extension MarkedFigure: CustomStringConvertible {
    var description: String { "\(value)\(valueMax.map { "..\($0)" } ?? "") \(unit) \(qualifier) rate=\(rate ?? "-") time=\(time ?? "-")" }

    func matches(_ f: Figure) -> Bool {
        f.value == Decimal(value) && f.valueMax == valueMax.map(Decimal.init) && f.unit == unit && f.qualifier == qualifier
            && f.rate == rate && f.time?.description == time
    }
}

/// Extracts `sentence` (its `[[ ]]` marks removed; reference year 2024) and compares every
/// record: text and offsets from the marks (the n-th mark is the n-th figure; a figure that
/// shares its words with the one before, as in `34/39 xã`, is marked once and repeats the
/// span), then value, range end, unit, qualifier, rate and time.
func check(_ sentence: String, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (text, marked) = MarkedSentence(sentence).unmarked
    let got = try figures(text, referenceYear: 2024)
    let rendered = got.map { "[\($0.start)..<\($0.end)] '\($0.text)' \($0.value)\($0.valueMax.map { "..\($0)" } ?? "") \($0.unit) \($0.qualifier) rate=\($0.rate ?? "-") time=\($0.time?.description ?? "-")" }
    #expect(got.count == expected.count, "\(text)\n got: \(rendered)\n expected: \(expected)", sourceLocation: sourceLocation)
    #expect(!marked.isEmpty || expected.isEmpty, "\(sentence): no [[ ]] marks", sourceLocation: sourceLocation)
    let scalars = Array(text.unicodeScalars)
    var spans = marked
    while spans.count < expected.count, let last = spans.last { spans.append(last) }
    for (k, (g, e)) in zip(got, expected).enumerated() {
        #expect(e.matches(g), "\(text)\n got: \(rendered)\n expected: \(expected)", sourceLocation: sourceLocation)
        guard k < spans.count else { continue }
        let span = spans[k]
        let expectedText = String(String.UnicodeScalarView(scalars[span]))
        #expect(g.text == expectedText && g.start == span.lowerBound && g.end == span.upperBound,
                "\(text)\n figure \(k): expected [\(span)] '\(expectedText)', got [\(g.start)..<\(g.end)] '\(g.text)'", sourceLocation: sourceLocation)
    }
}

/// Each rule family with its example table (sentence -> figures) and its negative table
/// (sentences with numbers that are not figures).
@Suite struct FigureRuleTests {
    static let valuesTable: [(String, [Expected])] = [
        ("Tỉnh có [[2.338 đảng viên]] mới.", [Expected(value: "2338", unit: "đảng viên")]),
        ("Thu được [[1,5 tỷ đồng]].", [Expected(value: "1500000000", unit: "đồng")]),
        ("Tổng thu [[3.200 tỷ]].", [Expected(value: "3200000000000", unit: "đồng")]),
        ("Doanh thu đạt [[16,4 nghìn tỷ đồng]].", [Expected(value: "16400000000000", unit: "đồng")]),
        ("Có [[hai mươi lăm xã]] đạt chuẩn.", [Expected(value: "25", unit: "xã")]),
        // `năm` alone triggers nothing: `mươi` lets the sentence in
        ("Có [[năm mươi người]] dự.", [Expected(value: "50", unit: "người")]),
        ("Thu [[một triệu tư đồng]].", [Expected(value: "1400000", unit: "đồng")]),
        ("Xây dựng [[một trăm linh năm phòng học]].", [Expected(value: "105", unit: "phòng học")]),
        ("Hỗ trợ [[hai triệu rưỡi đồng]].", [Expected(value: "2500000", unit: "đồng")]),
        ("Khoản lỗ [[âm 24,6 tỷ đồng]].", [Expected(value: "-24600000000", unit: "đồng")]),
        ("Lãi suất [[3,5%]] và tăng [[0,4 điểm phần trăm]].", [Expected(value: "3.5", unit: "%"), Expected(value: "0.4", unit: "điểm phần trăm")]),
        ("Kim ngạch [[7,2 triệu USD]].", [Expected(value: "7200000", unit: "USD")]),
        ("Khu đất có [[ba mặt]] giáp đường.", [Expected(value: "3", unit: "mặt")]),
    ]

    static let rangesTable: [(String, [Expected])] = [
        ("Giá tăng [[10-15%]].", [Expected(value: "10", valueMax: "15", unit: "%")]),
        ("Mức hỗ trợ từ [[3 đến 5 tỷ đồng]].", [Expected(value: "3000000000", valueMax: "5000000000", unit: "đồng")]),
        ("Thu nhập [[4 - 5 triệu đồng]].", [Expected(value: "4000000", valueMax: "5000000", unit: "đồng")]),
        ("Giá dịch vụ tăng [[20 - 30%]].", [Expected(value: "20", valueMax: "30", unit: "%")]),
        ("Doanh thu từ [[100 triệu đến 1 tỷ đồng/năm]].", [Expected(value: "100000000", valueMax: "1000000000", unit: "đồng", rate: "năm")]),
        // a change is two figures
        ("Giá tăng từ [[1.000 đồng/lít]] lên [[3.000 đồng/lít]].", [Expected(value: "1000", unit: "đồng", rate: "lít"), Expected(value: "3000", unit: "đồng", rate: "lít")]),
    ]

    static let fractionsAndMultiplesTable: [(String, [Expected])] = [
        ("Đã giải ngân [[3/4 kế hoạch]].", [Expected(value: "0.75", unit: "kế hoạch")]),
        ("Có [[34/39 xã]] đạt chuẩn.", [Expected(value: "34", unit: "xã"), Expected(value: "39", unit: "xã")]),
        ("Doanh thu [[gấp 2 lần]].", [Expected(value: "2", unit: "lần")]),
        ("Số khách tăng [[gấp đôi]].", [Expected(value: "2", unit: "lần")]),
        ("Trồng [[một nửa diện tích]].", [Expected(value: "0.5", unit: "diện tích")]),
    ]

    static let qualifiersTable: [(String, [Expected])] = [
        ("Có [[trên 2.400 đảng viên]].", [Expected(value: "2400", unit: "đảng viên", qualifier: .over)]),
        ("Có [[hơn 200 hộ]].", [Expected(value: "200", unit: "hộ", qualifier: .over)]),
        ("Chỉ còn [[dưới 5%]] hộ nghèo.", [Expected(value: "5", unit: "%", qualifier: .under)]),
        ("[[Chưa đến 50 tỷ đồng]].", [Expected(value: "50000000000", unit: "đồng", qualifier: .under)]),
        ("Có [[khoảng 300 người]].", [Expected(value: "300", unit: "người", qualifier: .approx)]),
        ("Thu [[ước đạt 97.400 tỷ đồng]].", [Expected(value: "97400000000000", unit: "đồng", qualifier: .approx)]),
        ("[[Gần 4.100 doanh nghiệp]] rút lui.", [Expected(value: "4100", unit: "doanh nghiệp", qualifier: .nearly)]),
        ("Cần [[ít nhất 20 giường]].", [Expected(value: "20", unit: "giường", qualifier: .atLeast)]),
        ("Thanh toán [[tối đa 1 tỷ đồng]].", [Expected(value: "1000000000", unit: "đồng", qualifier: .atMost)]),
        ("[[Không quá 7.000 đồng]].", [Expected(value: "7000", unit: "đồng", qualifier: .atMost)]),
        ("Học sinh đạt từ [[27 điểm]] trở lên.", [Expected(value: "27", unit: "điểm", qualifier: .atLeast)]),
        ("Có [[khoảng hơn 9.700 tỷ đồng]].", [Expected(value: "9700000000000", unit: "đồng", qualifier: .over)]),
        ("Lợi nhuận [[lên tới 300 tỷ đồng]].", [Expected(value: "300000000000", unit: "đồng")]),
    ]

    static let ratesTable: [(String, [Expected])] = [
        ("Bình quân mỗi năm kết nạp được [[trên 2.400 đảng viên]].", [Expected(value: "2400", unit: "đảng viên", qualifier: .over, rate: "năm")]),
        ("Chỉ tiêu [[trên 2.300 đảng viên/năm]].", [Expected(value: "2300", unit: "đảng viên", qualifier: .over, rate: "năm")]),
        ("Thu nhập [[8,1 triệu đồng/người/tháng]].", [Expected(value: "8100000", unit: "đồng", rate: "người/tháng")]),
        ("Giá [[31.450 đồng/cổ phiếu]].", [Expected(value: "31450", unit: "đồng", rate: "cổ phiếu")]),
        ("Mỗi năm, tỉnh bố trí [[45 tỷ đồng]].", [Expected(value: "45000000000", unit: "đồng", rate: "năm")]),
    ]

    static let timesTable: [(String, [Expected])] = [
        ("Năm 2018, tỉnh kết nạp [[2.338 đảng viên]].", [Expected(value: "2338", unit: "đảng viên", time: "2018")]),
        ("Từ năm 2015 đến hết năm 2018, kết nạp [[9.711 đảng viên]].", [Expected(value: "9711", unit: "đảng viên", time: "2015..2018")]),
        ("6 tháng đầu năm 2017, thu [[500 tỷ đồng]].", [Expected(value: "500000000000", unit: "đồng", time: "2017-H1")]),
        ("Quý I/2019 có [[40 dự án]].", [Expected(value: "40", unit: "dự án", time: "2019-Q1")]),
        ("Tháng 1/2017 thu [[97.400 tỷ đồng]].", [Expected(value: "97400000000000", unit: "đồng", time: "2017-01")]),
        ("9 tháng năm 2020 có [[8.700 doanh nghiệp]].", [Expected(value: "8700", unit: "doanh nghiệp", time: "2020-01..2020-09")]),
        ("Đến ngày 31/12/2016, dư [[2.389,9 tỷ đồng]].", [Expected(value: "2389900000000", unit: "đồng", time: "2016-12-31")]),
        ("Ngày 12/7, tỉnh chi [[30 tỷ đồng]].", [Expected(value: "30000000000", unit: "đồng", time: "2024-07-12")]),
        ("Thu năm 2020 giảm [[16%]] so với cùng kỳ năm 2019.", [Expected(value: "16", unit: "%", time: "2020")]),
        ("Hiện nay có [[300 hộ]].", [Expected(value: "300", unit: "hộ")]),
        // with the article's date (here the reference year 2024) `năm nay` is that year
        ("Năm nay có [[300 hộ]].", [Expected(value: "300", unit: "hộ", time: "2024")]),
        ("Năm 2023 thu [[100 tỷ đồng]]. Trong đó, thu nội địa [[80 tỷ đồng]].",
         [Expected(value: "100000000000", unit: "đồng", time: "2023"), Expected(value: "80000000000", unit: "đồng", time: "2023")]),
        // the paragraph's year reaches later money and percentages, not counts, rates or the present
        ("Năm 2023 thu [[100 tỷ đồng]]. Chi [[60 tỷ đồng]].",
         [Expected(value: "100000000000", unit: "đồng", time: "2023"), Expected(value: "60000000000", unit: "đồng", time: "2023")]),
        ("Năm 2023 thu [[100 tỷ đồng]]. Xây [[12 trường học]].",
         [Expected(value: "100000000000", unit: "đồng", time: "2023"), Expected(value: "12", unit: "trường học")]),
        ("Năm 2023 thu [[100 tỷ đồng]]. Hiện còn nợ [[5 tỷ đồng]].",
         [Expected(value: "100000000000", unit: "đồng", time: "2023"), Expected(value: "5000000000", unit: "đồng")]),
        // a new paragraph (a blank line) starts afresh
        ("Năm 2023 thu [[100 tỷ đồng]].\n\nChi [[60 tỷ đồng]].",
         [Expected(value: "100000000000", unit: "đồng", time: "2023"), Expected(value: "60000000000", unit: "đồng")]),
        // text with one sentence a line: a line break is no paragraph break
        ("Năm 2023 thu [[100 tỷ đồng]].\nChi [[60 tỷ đồng]].",
         [Expected(value: "100000000000", unit: "đồng", time: "2023"), Expected(value: "60000000000", unit: "đồng", time: "2023")]),
        // paragraphs of several sentences a line: a line break is a paragraph break
        ("Năm 2023 thu [[100 tỷ đồng]]. Tỉnh tăng thu.\nChi [[60 tỷ đồng]]. Tỉnh giảm chi.",
         [Expected(value: "100000000000", unit: "đồng", time: "2023"), Expected(value: "60000000000", unit: "đồng")]),
        // a sentence that points at another time (`Trước đó`, `Khi đó`) takes no paragraph time
        ("Năm 2023 thu [[100 tỷ đồng]]. Trước đó, tỉnh chi [[40 tỷ đồng]].",
         [Expected(value: "100000000000", unit: "đồng", time: "2023"), Expected(value: "40000000000", unit: "đồng")]),
        ("Năm 2023 thu [[100 tỷ đồng]]. Khi đó, giá là [[5%]].",
         [Expected(value: "100000000000", unit: "đồng", time: "2023"), Expected(value: "5", unit: "%")]),
        ("Những tháng đầu năm 2017, doanh thu đạt [[30 tỷ đồng]].", [Expected(value: "30000000000", unit: "đồng", time: "2017")]),
        // `Theo ... này` details the sentence before and takes its time
        ("Năm 2008, tỉnh phê duyệt quy hoạch rừng. Theo quy hoạch này, khu bảo tồn mất [[1.747 ha]].",
         [Expected(value: "1747", unit: "ha", time: "2008")]),
        // a capitalised time after a caption glued to the sentence leads it (not the last time)
        ("Ảnh: Hồ Diệm Năm 2012, thành phố duyệt quy hoạch giai đoạn 2011 - 2020. Theo đó, rừng có [[2.538,9 ha]].",
         [Expected(value: "2538.9", unit: "ha", time: "2012")]),
        // the year of a lunar holiday completes the date but is no time of the figures
        ("Chiều 10/2, thành phố gặp mặt đầu Xuân Đinh Dậu 2017 với [[hơn 400 doanh nghiệp]].",
         [Expected(value: "400", unit: "doanh nghiệp", qualifier: .over, time: "2017-02-10")]),
        // the size of a project is a standing attribute: no time from the paragraph
        ("Năm 2017 thu [[100 tỷ đồng]]. Dự án có tổng mức đầu tư [[4.000 tỷ đồng]].",
         [Expected(value: "100000000000", unit: "đồng", time: "2017"), Expected(value: "4000000000000", unit: "đồng")]),
        // two periods joined by `và`, one after the other, are one span
        ("Trong năm 2016 và 5 tháng đầu năm 2017, TP trồng [[gần 300.000 cây]].",
         [Expected(value: "300000", unit: "cây", qualifier: .nearly, time: "2016..2017-05")]),
        // a time right after the figure behind `tại` is its own
        ("Điều chỉnh số liệu năm 2018 dẫn đến lỗ [[4.766 tỷ đồng]] tại ngày 31/12/2019.",
         [Expected(value: "4766000000000", unit: "đồng", time: "2019-12-31")]),
        // a dated lead ending in `:` governs its list items
        ("Các chỉ tiêu năm 2021 gồm:\n- Thu ngân sách [[800 tỷ đồng]];\n- Trồng mới [[1.200 ha]] rừng.\n\nXây [[3 cầu]].",
         [Expected(value: "800000000000", unit: "đồng", time: "2021"), Expected(value: "1200", unit: "ha", time: "2021"), Expected(value: "3", unit: "cầu")]),
        // `lần lượt`: members of a coordination or a short year range, one by one
        ("Tỷ lệ cổ tức từ năm 2008 đến 2010 là [[8%]], [[12%]] và [[13,5%]].",
         [Expected(value: "8", unit: "%", time: "2008"), Expected(value: "12", unit: "%", time: "2009"), Expected(value: "13.5", unit: "%", time: "2010")]),
        ("Doanh thu năm 2013 và 2014 lần lượt là [[120 tỷ đồng]] và [[150 tỷ đồng]].",
         [Expected(value: "120000000000", unit: "đồng", time: "2013"), Expected(value: "150000000000", unit: "đồng", time: "2014")]),
        ("Ngày 31/12 và 1/1 đón [[3.000 lượt khách]].", [Expected(value: "3000", unit: "lượt khách", time: "2024-12-31")]),
        // `cùng kỳ năm trước` is the year before the sentence's time
        ("Năm 2019 thu [[5.000 tỷ đồng]], cùng kỳ năm trước là [[4.500 tỷ đồng]].",
         [Expected(value: "5000000000000", unit: "đồng", time: "2019"), Expected(value: "4500000000000", unit: "đồng", time: "2018")]),
        // a parenthesised period after a rate; a bare year after a noun
        ("Tăng trưởng bình quân [[6,5%/năm]] (2016 - 2020).", [Expected(value: "6.5", unit: "%", rate: "năm", time: "2016..2020")]),
        ("Dự toán ngân sách 2016 là [[300 tỷ đồng]].", [Expected(value: "300000000000", unit: "đồng", time: "2016")]),
        ("Sản lượng dự kiến 2018 là [[2.000 tấn]].", [Expected(value: "2000", unit: "tấn", time: "2018")]),
        ("Xã có [[2016 hộ dân]].", [Expected(value: "2016", unit: "hộ dân")]),
    ]

    /// Numbers that are not figures (spec: what is not a figure).
    static let negativesTable: [String] = [
        "Thứ Sáu, 01/02/2019", "Năm 2018, tỉnh ta phát triển.", "Đại hội Đảng bộ tỉnh lần thứ XVI.", "Quốc hội khóa XIV họp.",
        "Theo Nghị quyết số 05-NQ/TU và Quyết định 1234/QĐ-UBND.", "Liên hệ số điện thoại 0912345678.", "Đường dây nóng 0237.3852.416.",
        "Ông Nguyễn Văn A, 45 tuổi, trú tại xã.", "Hàng trăm người dự lễ.", "Hàng chục nghìn người xem.", "Một số đồng chí phát biểu.",
        "Một đồng chí phát biểu.", "Trường đạt chuẩn cấp 3.", "Nhà ở quận 9.", "Dự án giai đoạn 3 khởi công.", "Sau 2 năm triển khai, dự án xong.",
        "Trong 5 năm qua, tỉnh phát triển.", "6 tháng đầu năm, tỉnh phát triển.", "Nhiệm kỳ 2015 - 2020 thành công.", "Chỉ số VN30 tăng.",
        "Tỷ lệ bản đồ 1/500.", "Mỗi năm kết nạp đảng viên.", "Không thể làm được.", "Tổ dân phố 10 họp.",
    ]

    @Test(arguments: valuesTable) func valuesAndUnits(sentence: String, expected: [Expected]) throws { try check(sentence, expected) }
    @Test(arguments: rangesTable) func rangesAndChanges(sentence: String, expected: [Expected]) throws { try check(sentence, expected) }
    @Test(arguments: fractionsAndMultiplesTable) func fractionsAndMultiples(sentence: String, expected: [Expected]) throws { try check(sentence, expected) }
    @Test(arguments: qualifiersTable) func qualifiers(sentence: String, expected: [Expected]) throws { try check(sentence, expected) }
    @Test(arguments: ratesTable) func rates(sentence: String, expected: [Expected]) throws { try check(sentence, expected) }
    @Test(arguments: timesTable) func times(sentence: String, expected: [Expected]) throws { try check(sentence, expected) }
    @Test(arguments: negativesTable) func notFigures(sentence: String) throws { try check(sentence, []) }

    @Test func offsetsAndTextPointIntoTheOriginal() throws {
        let text = "😀 Có trên 2.400 đảng viên."
        let f = try #require(try figures(text).first)
        #expect(f.text == "trên 2.400 đảng viên")
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[f.start..<f.end])) == f.text)
        #expect(f.sentence == text)
        #expect(f.schemaVersion == Figure.schemaVersion)
    }

    @Test func ambiguousNumbersSayWhichStyleReadThem() throws {
        let vietnamese = try figures("Có 1.500 người và 2.556.039 tỷ đồng.")
        #expect(vietnamese.first?.value == 1500)
        #expect(vietnamese.first?.numberStyle == .vietnamese)
        #expect(vietnamese.last?.numberStyle == nil)
        let english = try figures("Revenue 1,234,567 USD, up 3.5% and 1,500 người.")
        #expect(english.last?.value == 1500)
        #expect(english.last?.numberStyle == .english)
    }
}
