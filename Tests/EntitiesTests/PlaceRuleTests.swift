import Testing
import VietText
@testable import Entities

/// Places written with their level word; each example's places marked `[[...]]`.
@Suite struct PlaceRuleTests {
    static let lexicon = try! EntityLexicon.builtin()

    static func places(_ marked: String) -> (input: String, expected: [String]) {
        var expected: [String] = []
        var input = ""
        var rest = Substring(marked)
        while let open = rest.range(of: "[["), let close = rest.range(of: "]]", range: open.upperBound..<rest.endIndex) {
            input += rest[..<open.lowerBound]
            expected.append(String(rest[open.upperBound..<close.lowerBound]))
            input += rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
        }
        return (input + rest, expected)
    }

    @Test(arguments: [
        "Chi bộ [[thôn Đoàn Kết]], [[xã Lãng Công]] ([[Sông Lô]]) họp bàn giải pháp.",
        "Xuất khẩu sang [[Hoa Kỳ]] và [[Nhật Bản]] tăng, các tỉnh [[Tây Nguyên]] hưởng lợi.",
        // a place inside an organisation's name is a place too (spec: a name of another kind inside a name)
        "Huyện ủy [[Tam Đảo]] chỉ đạo các chi bộ.",
        // after a plural (`các tỉnh`) the level word is generic: the name is found on its own
        "Các tỉnh [[Tây Nguyên]] và những huyện [[Tam Đảo]], [[Sông Lô]] được hỗ trợ.",
        "Toàn [[tỉnh Vĩnh Phúc]] có 9 đơn vị hành chính cấp huyện.",
        "[[Thị trấn Phố Châu]] đã hoàn thành chỉ tiêu.",
        "Trụ sở đặt tại [[Quận 3]], [[thành phố Hồ Chí Minh]].",
        // negatives: level words with no name after them
        "Các xã trong huyện đều đạt chuẩn nông thôn mới.",
        "Cấp tỉnh và cấp huyện phối hợp chặt chẽ.",
    ])
    func example(_ marked: String) {
        let (input, expected) = Self.places(marked)
        let analyzer = try! TextAnalyzer()   // not thread-safe: one per test case
        let found = EntityExtractor(lexicon: Self.lexicon).mentions(in: analyzer.analyze(input)).filter { $0.kind == .place }
        #expect(found.map(\.text) == expected)
        let units = Array(input.utf16)
        #expect(found.allSatisfy { String(decoding: units[$0.range], as: UTF16.self) == $0.text })
    }
}
