import Testing
import VietText
@testable import Entities

/// The rule families' example corpus (Duckling's `Corpus.hs` done in Swift): each sentence with
/// every mention the rules must find in it, kind and words, and nothing else. Negative examples
/// expect nothing (or only what they name).
@Suite struct RuleExampleTests {
    static let extractor = EntityExtractor(lexicon: try! EntityLexicon.builtin())

    struct Example: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: [String]   // "kind: words", in text order
        var testDescription: String { text }
        init(_ text: String, _ expected: [String]) { self.text = text; self.expected = expected }
    }

    static func found(_ text: String, authors: [String] = []) -> [String] {
        let analyzer = try! TextAnalyzer()   // not thread-safe: one per test case
        return extractor.mentions(in: analyzer.analyze(text), authors: authors).map { "\($0.kind.rawValue): \($0.text)" }
    }

    @Test(arguments: [
        Example("Ban Tổ chức Tỉnh ủy đã hướng dẫn Huyện ủy Tam Đảo.",
                ["organization: Ban Tổ chức Tỉnh ủy", "organization: Huyện ủy Tam Đảo", "place: Tam Đảo"]),
        Example("UBND tỉnh Nghệ An và Sở Tài chính tỉnh Cà Mau ký kết.",
                ["organization: UBND tỉnh Nghệ An", "place: tỉnh Nghệ An", "organization: Sở Tài chính tỉnh Cà Mau", "place: tỉnh Cà Mau"]),
        Example("Đảng bộ tỉnh có 617 tổ chức cơ sở đảng.", ["organization: Đảng bộ tỉnh"]),
        Example("Chi bộ thôn Đoàn Kết họp.", ["organization: Chi bộ thôn Đoàn Kết", "place: thôn Đoàn Kết"]),
        Example("Công ty Cổ phần Hóa dầu Quân đội và Bộ Tài chính làm việc.",
                ["organization: Công ty Cổ phần Hóa dầu Quân đội", "organization: Bộ Tài chính"]),
        Example("Chính phủ giao Bộ GTVT thực hiện; TTXVN đưa tin.",
                ["organization: Chính phủ", "organization: Bộ GTVT", "organization: TTXVN"]),
        Example("Quốc hội khóa XIV thông qua.", ["organization: Quốc hội khóa XIV"]),
        Example("Ủy ban nhân dân (UBND) tỉnh Hà Tĩnh chỉ đạo.", ["organization: Ủy ban nhân dân (UBND) tỉnh Hà Tĩnh", "place: tỉnh Hà Tĩnh"]),
        // negatives: generic groups, plurals, a verb that starts like a head
        Example("Các sở, ngành và các công ty đã ban hành kế hoạch.", []),
        Example("Đảng ủy cơ sở và các cấp ủy đảng triển khai.", []),
    ])
    func organizations(_ e: Example) { #expect(Self.found(e.text) == e.expected) }

    @Test(arguments: [
        Example("Đồng chí Hoàng Văn Toàn, Ủy viên BTV, Trưởng Ban Tổ chức Tỉnh ủy phát biểu.",
                ["person: Hoàng Văn Toàn", "organization: Ban Tổ chức Tỉnh ủy"]),
        Example("Phó Thủ tướng Trương Hòa Bình dự họp.", ["person: Trương Hòa Bình"]),
        Example("Ông Định cho biết.", ["person: Định"]),
        Example("Chi bộ họp. Ảnh: Trường Khanh", ["organization: Chi bộ", "person: Trường Khanh"]),
        Example("Đoàn viên đón Tết Đinh Dậu vui vẻ vào Thứ Sáu.", []),
        Example("Tỉnh đã làm tốt.\n\nHẢI NGUYỄN - KHÁNH VŨ", ["person: HẢI NGUYỄN", "person: KHÁNH VŨ"]),
    ])
    func people(_ e: Example) { #expect(Self.found(e.text) == e.expected) }

    @Test(arguments: [
        Example("Thực hiện Chỉ thị số 28-CT/TW và Quyết định 1234/QĐ-UBND.",
                ["document: Chỉ thị số 28-CT/TW", "document: Quyết định 1234/QĐ-UBND"]),
        Example("Năm 2018 đạt chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI đã đề ra.",
                ["document: Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI", "organization: Đảng bộ tỉnh"]),
        Example("Luật Ngân sách nhà nước có hiệu lực.", ["document: Luật Ngân sách nhà nước"]),
        // negatives: a lower-case head is a common noun without a number or a name
        Example("Tỉnh hoàn thành kế hoạch năm và quyết định đầu tư.", []),
        Example("Báo cáo cho thấy thu ngân sách tăng.", []),
    ])
    func documents(_ e: Example) { #expect(Self.found(e.text) == e.expected) }

    @Test(arguments: [
        Example("Người dân tại TP.Hà Nội, Q.Ba Đình và quận 2 phản ánh.", ["place: TP.Hà Nội", "place: Q.Ba Đình", "place: quận 2"]),
        Example("Xe chạy trên Quốc lộ 1, QL 8A và cầu Thăng Long.", ["place: Quốc lộ 1", "place: QL 8A", "place: cầu Thăng Long"]),
        Example("Mưa lớn ở miền Trung và Tây Nguyên.", ["place: miền Trung", "place: Tây Nguyên"]),
        Example("Theo Chủ tịch UBND TP.Hà Nội Nguyễn Đức Chung.", ["organization: UBND TP.Hà Nội", "place: TP.Hà Nội", "person: Nguyễn Đức Chung"]),
        // negatives: compounds and measures that start with a level or facility word
        Example("Yêu cầu các xã và nông thôn mới; văn bản hướng dẫn; thị trấn 3,2 ha.", []),
    ])
    func places(_ e: Example) { #expect(Self.found(e.text) == e.expected) }

    /// Mentions merge into entities: a shorter later mention joins the first full one.
    @Test func laterShortMentionsMerge() {
        let analyzer = try! TextAnalyzer()
        let text = "Đồng chí Hoàng Văn Toàn phát biểu. Theo Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI, đồng chí Toàn nói Nghị quyết Đại hội đã đạt."
        let entities = Self.extractor.entities(in: analyzer.analyze(text))
        #expect(entities.map { "\($0.id) \($0.kind.rawValue): \($0.text) x\($0.mentions.count)" } == [
            "1 person: Hoàng Văn Toàn x2",
            "2 document: Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI x2",
            "3 organization: Đảng bộ tỉnh x1",
        ])
        #expect(entities[0].start == 9 && entities[0].end == 23)
    }
}
