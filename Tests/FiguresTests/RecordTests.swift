import Foundation
import Testing
@testable import Figures
import VietText

/// Schema 2 of the record: typed periods, printed precision, the qualifier's interval, ids,
/// sentence indexes, ordered ranges, exact values.
@Suite struct RecordTests {
    static let periods: [(String, Period.Grain, String, String)] = [
        ("2018", .year, "2018-01-01", "2018-12-31"),
        ("2017-H1", .half, "2017-01-01", "2017-06-30"),
        ("2017-H2", .half, "2017-07-01", "2017-12-31"),
        ("2017-Q3", .quarter, "2017-07-01", "2017-09-30"),
        ("2016-02", .month, "2016-02-01", "2016-02-29"),
        ("2017-01-12", .day, "2017-01-12", "2017-01-12"),
        ("2015..2018", .range, "2015-01-01", "2018-12-31"),
        ("2017-01..2017-05", .range, "2017-01-01", "2017-05-31"),
        ("2016-06-01..2016-08-31", .range, "2016-06-01", "2016-08-31"),
    ]

    @Test(arguments: periods)
    func periodsParseAndRoundTrip(text: String, grain: Period.Grain, start: String, end: String) throws {
        let p = try #require(Period(text))
        #expect(p.grain == grain)
        #expect(p.start.description == start)
        #expect(p.end.description == end)
        #expect(p.description == text)
        let encoded = String(decoding: try JSONEncoder().encode([p]), as: UTF8.self)
        #expect(encoded == "[\"\(text)\"]")
        #expect(try JSONDecoder().decode([Period].self, from: Data(encoded.utf8)) == [p])
    }

    @Test(arguments: ["", "18", "2018-13", "2018-Q5", "2018-H3", "2017-02-30", "2018..2016", "2018..2019..2020", "năm 2018",
                      "2018-+1", "2018-01-+5", "+2018"])
    func notPeriods(text: String) {
        #expect(Period(text) == nil)
    }

    @Test func yearBefore() throws {
        #expect(try #require(Period("2017-Q3")).yearBefore().description == "2016-Q3")
        #expect(try #require(Period("2015..2018")).yearBefore().description == "2014..2017")
        #expect(try #require(Period("2016-02-29")).yearBefore().description == "2015-02-28")
    }

    /// sentence -> (text, precision, interval as `[lower, upper]` with `(`/`)` for open ends, `-` unbounded)
    static let precisions: [(String, String, String, String)] = [
        ("Kết nạp 2.400 đảng viên.", "2.400 đảng viên", "1", "[2399.5, 2400.5]"),
        ("Thu 1,5 tỷ đồng.", "1,5 tỷ đồng", "100000000", "[1450000000, 1550000000]"),
        ("Chiếm 35,34%.", "35,34%", "0.01", "[35.335, 35.345]"),
        ("Có trên 2.400 đảng viên.", "trên 2.400 đảng viên", "1", "(2400, -]"),
        ("Có dưới 5% hộ nghèo.", "dưới 5%", "1", "[-, 5)"),
        ("Có ít nhất 30 xã.", "ít nhất 30 xã", "1", "[30, -]"),
        ("Tối đa 12 tháng.", "Tối đa 12 tháng", "1", "[-, 12]"),
        ("Đạt gần 20.000 tỷ.", "gần 20.000 tỷ", "1000000000", "[18000000000000, 20000000000000]"),
        ("Khoảng 40 xã.", "Khoảng 40 xã", "1", "[36, 44]"),
        ("Tăng 10-15%.", "10-15%", "1", "[9.5, 15.5]"),
        ("Hỗ trợ hai triệu rưỡi đồng.", "hai triệu rưỡi đồng", "100000", "[2450000, 2550000]"),
        ("Nợ 3 tỷ 200 triệu đồng.", "3 tỷ 200 triệu đồng", "1000000", "[3199500000, 3200500000]"),
        ("Giá trị gấp 1,5 lần.", "gấp 1,5 lần", "0.1", "[1.45, 1.55]"),
        // `gần` moves toward zero from the stated value, also for a negative one
        ("Lợi nhuận âm gần 18 tỷ đồng.", "âm gần 18 tỷ đồng", "1000000000", "[-18000000000, -16200000000]"),
        ("Lợi nhuận gần âm 5%.", "gần âm 5%", "1", "[-5, -4.5]"),
        ("Tăng gần 10-15%.", "gần 10-15%", "1", "[9, 15]"),
    ]

    @Test(arguments: precisions)
    func precisionAndInterval(sentence: String, text: String, precision: String, interval: String) throws {
        let f = try #require(try figures(sentence).first)
        #expect(f.text == text)
        #expect(f.precision == Decimal(precision))
        let i = f.interval
        let rendered = (i.lowerOpen ? "(" : "[") + (i.lower.map { "\($0)" } ?? "-") + ", " + (i.upper.map { "\($0)" } ?? "-") + (i.upperOpen ? ")" : "]")
        #expect(rendered == interval)
    }

    @Test func intervalContains() throws {
        let over = try #require(try figures("Có trên 2.400 đảng viên.").first).interval
        #expect(!over.contains(2400))
        #expect(over.contains(Decimal(string: "2427.75")!))
        let exact = try #require(try figures("Thu 1,5 tỷ đồng.").first).interval
        #expect(exact.contains(1_549_000_000))
        #expect(!exact.contains(1_560_000_000))
    }

    @Test func negativeRangeIsOrdered() throws {
        let f = try #require(try figures("Tăng trưởng âm 10-15%.").first)
        #expect(f.text == "âm 10-15%")
        #expect(f.value == -15)
        #expect(f.valueMax == -10)
    }

    @Test func idsAndSentenceIndexesCountThroughTheArticle() throws {
        let text = "Năm 2018 kết nạp 120 đảng viên.\nKhông có số.\nThu 3 tỷ đồng và chi 2 tỷ đồng."
        let got = try figures(text)
        #expect(got.map(\.id) == [1, 2, 3])
        #expect(got.map(\.sentenceIndex) == [0, 2, 2])
        #expect(got.map(\.text) == ["120 đảng viên", "3 tỷ đồng", "2 tỷ đồng"])
    }

    /// A number with more digits than an exact decimal holds is no figure and a warning, never
    /// a rounded value.
    @Test func tooLongNumbersAreWarnedNotRounded() throws {
        let digits = String(repeating: "9", count: 45)
        let text = "Số dư \(digits) đồng và 12 xã."
        var warnings: [FigureWarning] = []
        let got = try Shared.shared.with { e in
            var out: [Figure] = []
            e.extract(utf16: Array(text.utf16), warn: { warnings.append($0) }) { out += $0 }
            return out
        }
        #expect(got.map(\.text) == ["12 xã"])
        #expect(warnings == [FigureWarning(start: 6, end: 51, message: "a number of 45 digits is longer than 30 and is not read")])
    }

    /// A full date inside a body sentence is no date line: it does not complete `6 tháng đầu năm`.
    @Test func aDateInTheBodyIsNoDateLine() throws {
        let got = try figures("Trong 6 tháng đầu năm, Cục đạt 100% kế hoạch. Tính từ ngày 1/10/2016 đến 30/6/2017 thụ lý 38 vụ.")
        #expect(got.map(\.text) == ["100%", "38 vụ"])
        #expect(got.map { $0.time?.description } == [nil, "2016-10-01..2017-06-30"])
        let dated = try figures("Thứ Sáu, 01/02/2019\nTrong 6 tháng đầu năm, Cục đạt 100% kế hoạch.")
        #expect(dated.map { $0.time?.description } == ["2019-H1"])
    }

    /// Without the article's date, `năm nay` states no time (spec: relative times stay null).
    @Test func thisYearWithoutADateIsNull() throws {
        let f = try #require(try figures("Năm nay có 300 hộ.").first)
        #expect(f.text == "300 hộ")
        #expect(f.time == nil)
        let dated = try #require(try figures("Thứ Sáu, 01/02/2019\nNăm nay có 300 hộ.").first)
        #expect(dated.time == Period("2019"))
    }
}

/// Rule literals are hashed from their static bytes; the key must be the data files' key.
@Suite struct KeyTests {
    @Test(arguments: ["đến", "tỷ", "năm", "%", "(", "ngày đêm", "Đồng"])
    func literalKeysMatchStringKeys(word: String) {
        let literal: Key
        switch word {
        case "đến": literal = "đến"
        case "tỷ": literal = "tỷ"
        case "năm": literal = "năm"
        case "%": literal = "%"
        case "(": literal = "("
        case "ngày đêm": literal = "ngày đêm"
        default: literal = "Đồng"
        }
        #expect(literal.value == TextKey.ofLowercase(word))
    }
}

@Suite struct PrecisionTests {
    @Test(arguments: [("2500000", "100000"), ("1.25", "0.01"), ("2400", "100"), ("7", "1"), ("0.5", "0.1"), ("-30", "10"),
                      ("1500000000000", "100000000000"), ("123456789012345678901234567890", "10"), ("0", "1")])
    func lowestPlace(value: String, place: String) {
        #expect(Precision.lowestPlace(Decimal(value)) == Decimal(place))
    }
}

/// Inputs a review found to crash, hang or misread (each once a bug).
@Suite struct RegressionTests {
    /// A time followed by `và` at the end of a sentence, `quý` before a lone `/`: no crash.
    @Test(arguments: ["năm 2018 và", "tháng 3/2019 và", "quý I/2019 và", "ngày 31/12/2019 và", "Doanh thu năm 2018 và\n2019 đạt 5 tỷ đồng.",
                      "quý / 2019", "Phí quý/2019 là 5 tỷ đồng.", "Đã chi 923,835/1.010 tỷ", "Có 3/4"])
    func noCrash(text: String) throws {
        _ = try figures(text)
    }

    @Test func ratePerQuarterAndYear() throws {
        let got = try figures("Phí 5 triệu đồng/quý/năm.")
        #expect(got.map(\.text) == ["5 triệu đồng/quý/năm"])
        #expect(got.map(\.rate) == ["quý/năm"])
    }

    /// Two dates joined by a dash are a range, not a list to hand out one by one.
    @Test func datesJoinedByADashAreARange() throws {
        let got = try figures("Ngày 01/10/2016 - 30/06/2017, doanh thu đạt 5 tỷ đồng và lợi nhuận 2 tỷ đồng.")
        #expect(got.map(\.text) == ["5 tỷ đồng", "2 tỷ đồng"])
        #expect(got.map { $0.time?.description } == ["2016-10-01..2017-06-30", "2016-10-01..2017-06-30"])
    }

    /// A qualifier before the sign: `gần -5%`, `dưới âm 5%`.
    @Test func qualifierBeforeTheSign() throws {
        let got = try figures("Giảm gần -5%, lỗ dưới âm 5%.")
        #expect(got.map(\.text) == ["gần -5%", "dưới âm 5%"])
        #expect(got.map(\.qualifier) == [.nearly, .under])
        #expect(got.map(\.value) == [-5, -5])
    }

    /// Thousands of times and figures in one sentence: the time lookups are binary searches,
    /// so the work per figure does not grow with the sentence (checked by the figure count on
    /// 64 K units; the 1 MB timing is in the closing note, not a unit test).
    @Test func manyTimesInOneSentence() throws {
        let text = String(repeating: "năm 2018 đạt 5 tỷ đồng, ", count: 2500)
        let got = try figures(text)
        #expect(got.count == 2500)
        #expect(got.allSatisfy { $0.time == Period("2018") && $0.value == 5_000_000_000 })
    }
}
