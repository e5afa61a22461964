import Foundation
import Testing
@testable import Figures

/// One expected record; its `text` and offsets come from the `[[ ]]` marks of the sentence.
struct MarkedFigure: Sendable {
    var value: String
    var valueMax: String? = nil
    var unit: String
    var qualifier: Qualifier = .exact
    var rate: String? = nil
    var time: String? = nil
}

/// A sentence with the text of each expected figure marked `[[...]]` (in text order), and the
/// figures' records in the same order. A sentence without marks must give no figure.
struct MarkedSentence: CustomStringConvertible, Sendable {
    var sentence: String
    var records: [MarkedFigure]
    init(_ sentence: String, _ records: MarkedFigure...) {
        self.sentence = sentence
        self.records = records
    }
    var description: String { sentence }

    /// The sentence without its marks, and the marked spans as Unicode-scalar offsets.
    var unmarked: (text: String, spans: [Range<Int>]) {
        var scalars = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var open: Int? = nil
        let all = Array(sentence.unicodeScalars)
        var k = 0
        while k < all.count {
            if k + 1 < all.count, all[k] == "[", all[k + 1] == "[" { open = scalars.count; k += 2; continue }
            if k + 1 < all.count, all[k] == "]", all[k + 1] == "]", let o = open { spans.append(o..<scalars.count); open = nil; k += 2; continue }
            scalars.append(all[k])
            k += 1
        }
        return (String(scalars), spans)
    }
}

/// Extracts the unmarked sentence (reference year 2024) and compares the WHOLE records: text,
/// offsets, value, range end, unit, qualifier, rate, time.
func check(_ c: MarkedSentence, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (text, spans) = c.unmarked
    #expect(spans.count == c.records.count, "marks and records differ: \(c.sentence)", sourceLocation: sourceLocation)
    let got = try figures(text, referenceYear: 2024)
    let scalars = Array(text.unicodeScalars)
    let rendered = got.map { "[\($0.start)..<\($0.end)] '\($0.text)' \($0.value)\($0.valueMax.map { "..\($0)" } ?? "") \($0.unit) \($0.qualifier) rate=\($0.rate ?? "-") time=\($0.time.map { String(describing: $0) } ?? "-")" }
    #expect(got.count == spans.count, "\(text)\n got: \(rendered)", sourceLocation: sourceLocation)
    for (k, (f, span)) in zip(got, spans).enumerated() where k < c.records.count {
        let r = c.records[k]
        let expectedText = String(String.UnicodeScalarView(scalars[span]))
        let ok = f.text == expectedText && f.start == span.lowerBound && f.end == span.upperBound
            && f.value == Decimal(r.value) && f.valueMax == r.valueMax.map(Decimal.init) && f.unit == r.unit
            && f.qualifier == r.qualifier && f.rate == r.rate && f.time.map { String(describing: $0) } == r.time
        #expect(ok, "\(text)\n figure \(k): expected [\(span)] '\(expectedText)' \(r)\n got: \(rendered)", sourceLocation: sourceLocation)
    }
}

/// The rule classes of the exclusion, name, qualifier and spelled-number work: each with a table
/// of sentences and their exact figures, and a table of sentences that hold no figure.
@Suite struct FigureClassTests {
    // MARK: 1. time-like numbers that are not figures

    static let timeLikeTable: [MarkedSentence] = [
        MarkedSentence("Lúc 9 giờ ngày 5/3, có [[40 người]] tham gia.", MarkedFigure(value: "40", unit: "người", time: "2024-03-05")),
        MarkedSentence("Cửa hàng mở cửa từ 7h - 11h, phục vụ [[200 khách]].", MarkedFigure(value: "200", unit: "khách")),
        MarkedSentence("Khoảng 6h sáng, [[3 xe tải]] bị lật.", MarkedFigure(value: "3", unit: "xe tải")),
        MarkedSentence("Đến 9h30 đã có [[500 người]] xếp hàng.", MarkedFigure(value: "500", unit: "người")),
        MarkedSentence("Vào hồi 15 giờ, [[12 chiến sĩ]] có mặt.", MarkedFigure(value: "12", unit: "chiến sĩ")),
        MarkedSentence("Giá gửi xe là [[5.000 đồng]]/2 giờ.", MarkedFigure(value: "5000", unit: "đồng")),
        MarkedSentence("Các ngày 31/12 và 1/1, [[300 người]] đã đến.", MarkedFigure(value: "300", unit: "người", time: "2024-12-31")),
        MarkedSentence("Ngày mùng 5 Tết, chợ đón [[100 khách]].", MarkedFigure(value: "100", unit: "khách")),
        MarkedSentence("Trong cả 3 năm, công ty lãi [[20 tỷ đồng]].", MarkedFigure(value: "20000000000", unit: "đồng")),
        MarkedSentence("Qua 8 tháng, tỉnh thu [[500 tỷ đồng]].", MarkedFigure(value: "500000000000", unit: "đồng")),
        MarkedSentence("Sau 4 phiên tăng, chỉ số đạt [[1.200 điểm]].", MarkedFigure(value: "1200", unit: "điểm")),
        MarkedSentence("Trạm trực 24/24 giờ với [[2 bác sĩ]].", MarkedFigure(value: "2", unit: "bác sĩ")),
        // a duration whose length is reported counts
        MarkedSentence("Dự án đã được theo đuổi suốt [[12 năm]].", MarkedFigure(value: "12", unit: "năm")),
        MarkedSentence("Ngân hàng có [[7 năm]] liên tiếp không chia cổ tức.", MarkedFigure(value: "7", unit: "năm")),
    ]

    static let timeLikeNegatives: [String] = [
        "Lúc 9 giờ sáng, đoàn khởi hành.", "Buổi lễ diễn ra từ 7h - 11h.", "Chợ họp từ 6h sáng.", "Hẹn gặp lúc 9h30.",
        "Khoảng 23 giờ 30 phút, đám cháy được dập tắt.", "Đến 19h ngày 22, mưa mới tạnh.", "Phí gửi xe tính theo 2 giờ đầu.",
        "Đêm 31/12 và 1/1 có bắn pháo hoa.", "Số liệu năm 2013 và 2014 được điều chỉnh.", "Mùng 5 Tết, cả nhà đi chúc Tết.",
        "Tết Canh Tý 2020 đã qua.", "Trong cả 3 năm, công ty không lãi.", "Qua 8 tháng, dự án vẫn chậm.",
        "Sau 4 phiên giảm, thị trường hồi phục.", "Trạm y tế trực 24/24 giờ.", "Xin vui lòng chờ 1 chút.",
        "Nhân kỷ niệm 20 năm thành lập trường.", "Luỹ kế 9 tháng, doanh thu tăng.", "Nhiệm vụ 6 tháng còn lại rất nặng.", "Chào mừng 40 năm Ngày thiết lập quan hệ ngoại giao.", "Bệnh nhân nhỏ nhất là bé A., 7 tháng tuổi.", "Trong 7 ngày nghỉ Tết, khách đông.", "Nước bị cắt từ 6h sáng đến 9h.", "Tỉnh tổng kết kế hoạch 5 năm.", "Nhóm có ba bốn người.", "Sau khoảng 2 năm triển khai, dự án xong.", "Trong hơn 20 năm qua, tỉnh đổi mới.",
        "Trong suốt hơn 30 năm đổi mới, tỉnh phát triển.", "Đã hơn 6 tháng trôi qua.", "Cây đứng đó cả trăm năm mới lớn.",
        "Cách đây 5 năm, xã còn nghèo.", "Bác viết bài này cách nay tròn 90 năm.", "Sau đó 1 năm, ông nghỉ hưu.",
        "Hội nghị sơ kết 5 năm thực hiện Luật Đất đai.", "Nhìn lại 1 năm đã qua, tỉnh có nhiều đổi mới.",
        "Kế hoạch phát triển kinh tế - xã hội 5 năm 2016 - 2020 được thông qua.", "Tỉnh đăng cai SEA Games 22 năm 2003.",
        "Trao Huy hiệu 30 năm tuổi Đảng cho đảng viên.", "Phí gửi xe tính thêm cho 1h tiếp theo.",
        "Thời cơ đã chín muồi.", "Cây xanh trồng hai bên đường.", "Kim ngạch thương mại hai chiều tăng.", "Xứng đáng với Thủ đô ngàn năm văn hiến.", "Cây đã sống trăm năm.",
        "Giải báo chí Búa liềm vàng 2017 vừa được phát động.", "Xe đời 2015 giá bán còn cao.", "Ngân sách 2017 - 2020 chỉ còn ít.",
        "Vận chuyển từ 2011-2014 chỉ tăng nhẹ.",
    ]

    // MARK: 2. names and lists

    static let namesTable: [MarkedSentence] = [
        MarkedSentence("Quận Hai Bà Trưng có [[300 hộ nghèo]].", MarkedFigure(value: "300", unit: "hộ nghèo")),
        MarkedSentence("[[Hai đơn vị]] được khen thưởng.", MarkedFigure(value: "2", unit: "đơn vị")),
        MarkedSentence("[[Ba mặt]] của khu đất giáp đường.", MarkedFigure(value: "3", unit: "mặt")),
        MarkedSentence("[[Hai Bộ trưởng]] trả lời chất vấn.", MarkedFigure(value: "2", unit: "Bộ trưởng")),
        MarkedSentence("Tai nạn giao thông giảm cả [[ba mặt]].", MarkedFigure(value: "3", unit: "mặt")),
        MarkedSentence("Cả [[hai mã]] đều tăng.", MarkedFigure(value: "2", unit: "mã")),
        MarkedSentence("[[HAI NGƯỜI]] BỊ THƯƠNG TRONG VỤ CHÁY", MarkedFigure(value: "2", unit: "NGƯỜI")),
        MarkedSentence("Mã HAI giảm [[6,7%]], BẢY tăng [[2%]].", MarkedFigure(value: "6.7", unit: "%"), MarkedFigure(value: "2", unit: "%")),
        MarkedSentence("Tỉnh Hà Tĩnh [[560 tỷ đồng]], tỉnh Quảng Bình [[760 tỷ đồng]].",
               MarkedFigure(value: "560000000000", unit: "đồng"), MarkedFigure(value: "760000000000", unit: "đồng")),
        MarkedSentence("Giá nhà ở quận 3, 5, 10 tăng [[5%]].", MarkedFigure(value: "5", unit: "%")),
        MarkedSentence("Học viên khóa 4, 5 có [[120 người]].", MarkedFigure(value: "120", unit: "người")),
        MarkedSentence("Nhà máy Duyên Hải 1 giải ngân [[6.000 tỷ đồng]].", MarkedFigure(value: "6000000000000", unit: "đồng")),
        MarkedSentence("Vào lớp 1, [[91 nghìn học sinh]] nhập học.", MarkedFigure(value: "91000", unit: "học sinh")),
        MarkedSentence("Kỷ luật Đảng [[2 cán bộ]].", MarkedFigure(value: "2", unit: "cán bộ")),
        MarkedSentence("Xóm 13, 14 có [[80 hộ]].", MarkedFigure(value: "80", unit: "hộ")),
        MarkedSentence("Thu ngân sách trên địa bàn [[13.000 tỷ đồng]].", MarkedFigure(value: "13000000000000", unit: "đồng")),
        MarkedSentence("Tỉnh nâng cấp [[3 tuyến đường]].", MarkedFigure(value: "3", unit: "tuyến đường")),
        MarkedSentence("Trong số [[27 doanh nghiệp]], có [[5 doanh nghiệp]] lỗ.", MarkedFigure(value: "27", unit: "doanh nghiệp"), MarkedFigure(value: "5", unit: "doanh nghiệp")),
        MarkedSentence("Đoàn xuyên hang Tối [[6.000 m]].", MarkedFigure(value: "6000", unit: "m")),
        MarkedSentence("Thành phố cho phép xây [[2000 biệt thự]].", MarkedFigure(value: "2000", unit: "biệt thự")),
        MarkedSentence("Hội trường có [[khoảng 2000 người]].", MarkedFigure(value: "2000", unit: "người", qualifier: .approx)),
    ]

    static let namesNegatives: [String] = [
        "Quận Hai Bà Trưng là quận trung tâm.", "Hai Bà Trưng là quận trung tâm.", "Ba Vì là huyện ngoại thành.",
        "Đoàn đến huyện Ba Vì, thị xã Ba Đồn, quận Ba Đình và huyện Năm Căn.", "Chợ nổi Ngã Bảy rất đông.",
        "Mã HAI, BẢY đứng giá.", "Nhà ở quận 3, 5, 10 rất đắt.", "Văn bản số 12 và 13 của UBND.", "Học viên khóa 4, 5 đã tốt nghiệp.",
        "Nhà máy Nhiệt điện Duyên Hải 1 giải ngân chậm.", "Sau Rio 2016 Đoàn thể thao về nước.", "Theo Quyết định 309 QĐ-TTg của Thủ tướng.",
        "Điện thoại Galaxy Note 7 bị lỗi.", "Công ty Dệt may 29/3 Công ty Xăng dầu.",
        "Thực hiện Nghị quyết Trung ương 4 khóa XII.", "Rổ VN30 chỉ có mã tăng.", "Lãnh đạo Q.9 báo cáo.", "Nhà ở số nhà 12 Lê Lợi.",
        "Quán ở ngã ba Đồng Lộc.", "Họp báo sáng 19.5 tại Hà Nội.", "Làm việc chiều 10-2 với tỉnh.",
    ]

    // MARK: 3. qualifiers, not frames

    static let qualifiersTable: [MarkedSentence] = [
        MarkedSentence("Mất [[khoảng 40 ngày]] để hoàn thành.", MarkedFigure(value: "40", unit: "ngày", qualifier: .approx)),
        MarkedSentence("Nhà máy vận hành thử trong [[khoảng 40 ngày]] trước khi cấp nước.", MarkedFigure(value: "40", unit: "ngày", qualifier: .approx)),
        MarkedSentence("Giá bình quân [[sát 40.000 đồng/kg]].", MarkedFigure(value: "40000", unit: "đồng", qualifier: .nearly, rate: "kg")),
        MarkedSentence("Đoàn giám sát [[8.837 tổ chức đảng]].", MarkedFigure(value: "8837", unit: "tổ chức đảng")),
        MarkedSentence("Giá gửi xe máy [[5.000 đồng/lượt]].", MarkedFigure(value: "5000", unit: "đồng", rate: "lượt")),
        MarkedSentence("Cây có [[hơn 20 năm]] tuổi.", MarkedFigure(value: "20", unit: "năm", qualifier: .over)),
        MarkedSentence("Cần [[gần 3 tháng]] để xây dựng.", MarkedFigure(value: "3", unit: "tháng", qualifier: .nearly)),
        MarkedSentence("Phải có [[ít nhất là 30 người]].", MarkedFigure(value: "30", unit: "người", qualifier: .atLeast)),
        MarkedSentence("Doanh thu [[ước tăng 12%]].", MarkedFigure(value: "12", unit: "%", qualifier: .approx)),
        MarkedSentence("Tỷ lệ tiêm chủng đạt [[sát 100%]].", MarkedFigure(value: "100", unit: "%", qualifier: .nearly)),
        MarkedSentence("Đoàn giám sát [[12 đơn vị]].", MarkedFigure(value: "12", unit: "đơn vị")),
        MarkedSentence("Mức cổ tức được chi trả đã [[lên tới 10%]].", MarkedFigure(value: "10", unit: "%")),
        MarkedSentence("Doanh thu tăng [[gần gấp đôi]].", MarkedFigure(value: "2", unit: "lần", qualifier: .nearly)),
        MarkedSentence("Mỗi dự án được hỗ trợ [[lên đến 1 tỷ đồng]].", MarkedFigure(value: "1000000000", unit: "đồng", qualifier: .atMost, rate: "dự án")),
        MarkedSentence("Mỗi hộ được vay [[lên đến 50 triệu đồng]].", MarkedFigure(value: "50000000", unit: "đồng", qualifier: .atMost, rate: "hộ")),
        MarkedSentence("Mức phạt [[lên tới 100 triệu đồng]].", MarkedFigure(value: "100000000", unit: "đồng", qualifier: .atMost)),
        MarkedSentence("Doanh thu [[lên đến 1 tỷ đồng]].", MarkedFigure(value: "1000000000", unit: "đồng")),
        MarkedSentence("Lỗ lũy kế [[lên tới 458 tỷ đồng]].", MarkedFigure(value: "458000000000", unit: "đồng")),
        MarkedSentence("Đơn vị có [[40 biên chế]] trở lên.", MarkedFigure(value: "40", unit: "biên chế", qualifier: .atLeast)),
        MarkedSentence("Xã có [[5 hộ]] trở xuống.", MarkedFigure(value: "5", unit: "hộ", qualifier: .atMost)),
        MarkedSentence("Căn hộ có giá từ [[100 triệu đồng]].", MarkedFigure(value: "100000000", unit: "đồng", qualifier: .atLeast)),
        MarkedSentence("Thành ủy lắng nghe ý kiến từ [[4 kênh]].", MarkedFigure(value: "4", unit: "kênh")),
        MarkedSentence("Công ty nhận đơn mua hàng từ [[23 đại lý]].", MarkedFigure(value: "23", unit: "đại lý")),
    ]

    // MARK: 4. long runs of number words

    static let spelledRunsTable: [MarkedSentence] = [
        MarkedSentence("Có [[hai mươi hai người]].", MarkedFigure(value: "22", unit: "người")),
        MarkedSentence("Xây [[một trăm linh năm phòng học]].", MarkedFigure(value: "105", unit: "phòng học")),
        MarkedSentence("Thu [[hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng]].",
               MarkedFigure(value: "234567891", unit: "đồng")),
        MarkedSentence("Thu [[chín trăm chín mươi chín nghìn tỷ đồng]].", MarkedFigure(value: "999000000000000", unit: "đồng")),
        MarkedSentence("Lớp có [[hai mươi lăm em]].", MarkedFigure(value: "25", unit: "em")),
    ]

    @Test(arguments: timeLikeTable) func timeLikeNumbers(c: MarkedSentence) throws { try check(c) }
    @Test(arguments: timeLikeNegatives) func timeLikeNumbersAreNoFigures(sentence: String) throws { try check(MarkedSentence(sentence)) }
    @Test(arguments: namesTable) func namesAndLists(c: MarkedSentence) throws { try check(c) }
    @Test(arguments: namesNegatives) func namesAndListsAreNoFigures(sentence: String) throws { try check(MarkedSentence(sentence)) }
    @Test(arguments: qualifiersTable) func qualifiersNotFrames(c: MarkedSentence) throws { try check(c) }
    @Test(arguments: spelledRunsTable) func spelledNumbers(c: MarkedSentence) throws { try check(c) }

    @Test func marksGiveTheOffsets() {
        let m = MarkedSentence("😀 Có [[trên 2.400 đảng viên]].", MarkedFigure(value: "2400", unit: "đảng viên", qualifier: .over)).unmarked
        #expect(m.text == "😀 Có trên 2.400 đảng viên.")
        #expect(m.spans == [5..<25])
    }

    /// Runs of number words read one bounded number at a time: no figure spans more than
    /// `SpelledNumerals.maxSyllables` words, and the grammar takes one hundreds and one tens
    /// place per group, so a run is a sequence of short numbers, however long it is.
    @Test(arguments: ["hai mươi ", "một trăm ", "nghìn ", "tỷ ", "hai triệu rưỡi ", "ba nghìn tỷ ", "mười lăm "])
    func longRunsOfNumberWordsAreReadInBoundedSteps(word: String) throws {
        let repeats = 60_000 / word.utf8.count
        let text = String(repeating: word, count: repeats)
        let got = try figures(text)
        let words = word.split(separator: " ").count
        for f in got {
            #expect(f.text.split(separator: " ").count <= SpelledNumerals.maxSyllables + 2, "\(f.text.prefix(200))")
        }
        // every figure is one of a few short shapes that repeat along the run
        #expect(Set(got.map(\.value)).count <= 4, "\(Set(got.map(\.value)))")
        #expect(got.count <= repeats * words)
    }

    /// The cost of reading spelled numbers from every start of a long run is linear: at most
    /// `maxSyllables` tokens looked at per start, and a run the grammar rejects at once
    /// (`nghìn nghìn ...`, `một trăm một trăm ...`) stops after a token or two.
    @Test(arguments: [("hai mươi ", 4), ("nghìn ", 2), ("tỷ ", 2), ("rưỡi ", 1), ("một trăm ", 4), ("hai triệu rưỡi ", 5), ("mười lăm ", 3)])
    func readingARunLooksAtBoundedTokensPerStart(word: String, perStart: Int) throws {
        let text = String(repeating: word, count: 20_000 / word.utf8.count) + "."
        let scanned: [Int] = try Shared.shared.with { x in
            let analyzed = x.analyzer.analyze(text)
            var out: [Int] = []
            for sentence in analyzed.sentences {
                let v = SentenceView(analyzed, sentence)
                for i in 0..<v.count { out.append(Quantities.spelledScan(v, i).scanned) }
            }
            return out
        }
        #expect(scanned.count > 1_000)
        #expect((scanned.max() ?? 0) <= perStart, "\(word): \(scanned.max() ?? 0) tokens looked at from one start")
        #expect((scanned.max() ?? 0) <= SpelledNumerals.maxSyllables)
    }

    @Test func theGrammarTakesOneHundredsAndOneTensPlacePerGroup() {
        func eval(_ s: String) -> Decimal? {
            var items: [SpelledNumerals.Item] = []
            for w in s.split(separator: " ") {
                guard let item = SpelledNumerals.item(String(w), after: items.last) else { return nil }
                items.append(item)
            }
            return SpelledNumerals.evaluate(items)
        }
        #expect(eval("một trăm một trăm") == nil)
        #expect(eval("hai mươi hai mươi") == nil)
        #expect(eval("mười mười") == nil)
        #expect(eval("hai mươi hai") == Decimal(22))
        #expect(eval("một trăm nghìn một trăm") == Decimal(100_100))
        #expect(eval("hai mươi mốt nghìn không trăm mười một") == Decimal(21_011))
    }

    /// The reading of digits followed by scale words stops after `Quantities.maxScaleTokens`.
    @Test func scaleWordsAfterDigitsAreBounded() throws {
        let text = "Có 3 " + String(repeating: "nghìn ", count: 5_000) + "người."
        let got = try figures(text)
        #expect(got.allSatisfy { $0.text.split(separator: " ").count <= Quantities.maxScaleTokens + 2 })
    }

    // MARK: 5. the word sets are data

    @Test func wordSetsLoadFromTheirDataFiles() {
        #expect(SpelledNumerals.digits["chín"] == 9)
        #expect(SpelledNumerals.afterTensOnly == ["mốt", "lăm", "nhăm"])
        #expect(SpelledNumerals.structureWords["rưỡi"] == .half)
        #expect(ScaleWords.value(of: "tỷ") == Decimal(1_000_000_000))
        #expect(ScaleWords.suffix("K") == Decimal(1_000))
        #expect(AmountReader.signs["$"] == "USD")
        #expect(AmountReader.cents.contains("xu"))
        for set in [Exclusions.namingWords, Exclusions.timeFrameBefore, Exclusions.timeFrameAfter, Exclusions.durationUnits,
                    Exclusions.clockAfter, Exclusions.idiomUnits, Exclusions.spelledIdioms, Qualifiers.ceilingVerbs, Qualifiers.ceilingQualifiers] {
            #expect(!set.phrases.isEmpty)
        }
        for set in [Exclusions.vagueWords, Exclusions.phoneWords, Exclusions.ageMarkers, Exclusions.clockUnits, Exclusions.clockBefore,
                    Exclusions.listLinks, Exclusions.lunarYearNames, Quantities.rangeLinks, Quantities.decimalPoints, Qualifiers.clauseEnds] {
            #expect(!set.values.isEmpty)
        }
    }
}
