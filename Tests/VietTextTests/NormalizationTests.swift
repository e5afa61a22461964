import Testing
@testable import VietText

@Suite struct NormalizationTests {
    static let canonical: [(String, String)] = [
        ("hoà", "hòa"), ("Hoà Bình", "Hòa Bình"), ("HOÀ", "HÒA"), ("thuỷ", "thủy"), ("uỷ ban", "ủy ban"),
        ("Uỷ", "Ủy"), ("khoẻ", "khỏe"), ("xoá", "xóa"), ("toà án", "tòa án"), ("thuý", "thúy"),
        // one placement only: untouched
        ("quý", "quý"), ("quả", "quả"), ("hoàng", "hoàng"), ("huyện", "huyện"), ("khuya", "khuya"),
        ("hòa", "hòa"), ("ngoài", "ngoài"), ("hoặc", "hoặc"),
        // decomposed letters (Windows-1258 conversions) are composed
        ("ho\u{300}a", "hòa"), ("đa\u{309}ng vie\u{302}n", "đảng viên"), ("tho\u{302}\u{301}ng", "thống"),
        ("thuy\u{309}", "thủy"),
        // look-alikes and spaces
        ("\u{D0}ảng", "Đảng"), ("\u{F0}i", "đi"), ("2\u{A0}338", "2 338"), ("đảng\u{200B}viên", "đảngviên"),
        ("\u{FEFF}Năm", "Năm"), ("a\u{2009}b", "a b"),
    ]

    @Test(arguments: canonical)
    func firstVowelPlacement(input: String, expected: String) throws {
        let normalizer = try TextNormalizer()
        #expect(normalizer.normalize(input).normalizedString == expected)
    }

    @Test(arguments: [("hòa", "hoà"), ("thủy", "thuỷ"), ("Ủy ban", "Uỷ ban"), ("khỏe", "khoẻ"), ("quý", "quý"), ("hoàng", "hoàng")])
    func secondVowelPlacement(input: String, expected: String) throws {
        let normalizer = try TextNormalizer(tonePlacement: .secondVowel)
        #expect(normalizer.normalize(input).normalizedString == expected)
    }

    @Test func offsetsPointIntoTheOriginal() throws {
        let normalizer = try TextNormalizer()
        let original = "Ho\u{300}a \u{200B}Bi\u{300}nh 2.338"
        let text = normalizer.normalize(original)
        #expect(text.normalizedString == "Hòa Bình 2.338")
        let units = Array(original.utf16)
        // "Bình" starts at normalized 4 and at original 5 + 1 (zero-width space)
        #expect(text.originalOffset(4) == 6)
        #expect(text.originalOffset(text.normalized.count) == units.count)
        // every normalized offset maps to a non-decreasing original offset
        let mapped = (0...text.normalized.count).map(text.originalOffset)
        #expect(mapped == mapped.sorted())
    }

    @Test func alignedTextHasNoMap() throws {
        let text = try TextNormalizer().normalize("Năm 2018, tỉnh ta")
        #expect(text.originalOffsets == nil)
        #expect(text.originalOffset(5) == 5)
    }
}
