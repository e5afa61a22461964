import Foundation
import Testing
@testable import Figures

@Suite struct DigitNumberTests {
    @Test(arguments: [
        ("2.338", NumberStyle.vietnamese, "2338", true), ("1.234,56", .vietnamese, "1234.56", false), ("1,5", .vietnamese, "1.5", false),
        ("68.500", .vietnamese, "68500", true), ("2.556.039", .vietnamese, "2556039", false), ("100000", .vietnamese, "100000", false),
        ("0,77", .vietnamese, "0.77", false), ("01,10", .vietnamese, "1.1", false), ("2.5", .vietnamese, "2.5", false),
        ("1,500", .vietnamese, "1.5", true), ("1,500", .english, "1500", true), ("1.5", .english, "1.5", false),
        ("1,234,567.8", .english, "1234567.8", false),
    ])
    func reads(text: String, style: NumberStyle, value: String, ambiguous: Bool) throws {
        let r = try #require(DigitNumbers.read(text, style: style))
        #expect(r.value == Decimal(value))
        #expect(r.ambiguous == ambiguous)
    }

    @Test(arguments: ["", "abc", "1.2.3,4,5", "12a", ".", "1..2"])
    func rejects(text: String) {
        #expect(DigitNumbers.read(text, style: .vietnamese) == nil)
    }

    @Test func articleStyle() {
        #expect(DigitNumbers.style(of: ["2.338", "1,5", "68.500"]) == .vietnamese)
        #expect(DigitNumbers.style(of: ["1,234,567", "3.5", "1,500"]) == .english)
        #expect(DigitNumbers.style(of: ["1,500"]) == .vietnamese)  // nothing tells: the default
    }
}

@Suite struct SpelledNumeralTests {
    static func items(_ text: String) -> [SpelledNumerals.Item]? {
        var out: [SpelledNumerals.Item] = []
        for w in text.split(separator: " ") {
            guard let item = SpelledNumerals.item(String(w), after: out.last) else { return nil }
            out.append(item)
        }
        return out
    }

    @Test(arguments: [
        ("hai nghìn ba trăm ba mươi tám", "2338"), ("một trăm linh năm", "105"), ("một trăm lẻ năm", "105"),
        ("hai mươi mốt", "21"), ("bốn mươi tư", "44"), ("mười lăm", "15"), ("hai mươi lăm", "25"), ("ba mươi nhăm", "35"),
        ("hai triệu rưỡi", "2500000"), ("một triệu tư", "1400000"), ("nghìn hai", "1200"), ("ba nghìn tỷ", "3000000000000"),
        ("hai chục", "20"), ("hai trăm ngàn", "200000"), ("một tỉ", "1000000000"), ("mười", "10"), ("trăm", "100"),
        ("hai mươi mốt nghìn không trăm mười một", "21011"), ("bảy trăm hai mươi mốt nghìn không trăm mười hai", "721012"),
        ("năm nghìn", "5000"), ("chín trăm chín mươi chín", "999"), ("hai tỷ ba trăm triệu", "2300000000"),
    ])
    func evaluates(text: String, value: String) throws {
        let items = try #require(Self.items(text))
        #expect(SpelledNumerals.evaluate(items) == Decimal(value))
    }

    /// Words that are not numbers where they stand: `mốt` and `lăm` need a tens word before them,
    /// `tư` a tens or scale word; two digits in a row are two numbers.
    @Test(arguments: ["mốt", "lăm", "tư", "tư nhân"])
    func wordsOutOfPlace(text: String) {
        #expect(Self.items(text) == nil)
    }

    @Test(arguments: ["hai ba", "mươi", "triệu triệu hai"])
    func notOneNumber(text: String) throws {
        let items = try #require(Self.items(text))
        #expect(SpelledNumerals.evaluate(items) == nil)
    }
}

@Suite struct AmountTests {
    @Test(arguments: [
        ("1,5 tỷ đồng", "1500000000", nil, "đồng"), ("11.104 tỷ đồng", "11104000000000", nil, "đồng"),
        ("3 nghìn tỷ", "3000000000000", nil, ""), ("2 triệu rưỡi", "2500000", nil, ""), ("3 tỷ 200 triệu đồng", "3200000000", nil, "đồng"),
        ("100K", "100000", nil, ""), ("1,2M", "1200000", nil, ""), ("-1,2M", "-1200000", nil, ""), ("âm 24,6 tỷ đồng", "-24600000000", nil, "đồng"),
        ("$10", "10", nil, "USD"), ("10$", "10", nil, "USD"), ("USD1,23", "1.23", nil, "USD"), ("hai đô la và 23 xen", "2.23", nil, "đô la"),
        ("giữa 1000 và 2000 đồng", "1000", "2000", "đồng"), ("4 - 5 triệu", "4000000", "5000000", ""), ("10-15%", "10", "15", "%"),
        ("không quá 7.000 đồng", "7000", nil, "đồng"), ("3,5 phần trăm", "3.5", nil, "%"), ("hai phẩy 23 đô", "2.23", nil, "đô la"),
    ] as [(String, String, String?, String)])
    func reads(text: String, value: String, valueMax: String?, unit: String) throws {
        let a = try #require(try amount(text))
        #expect(a.value == Decimal(value))
        #expect(a.valueMax == valueMax.map(Decimal.init))
        #expect(a.unit == unit)
    }

    @Test(arguments: ["đảng viên", "", "nhiều người"])
    func noAmount(text: String) throws {
        #expect(try amount(text) == nil)
    }
}
