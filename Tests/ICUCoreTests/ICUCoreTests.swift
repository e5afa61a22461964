import ICUCore
import Testing

@Suite struct BreakIteratorTests {
    @Test func wordSegmentsCoverTheTextAndMarkNumbers() throws {
        let text = Array("Có 2.338 đảng viên.".utf16)
        let segments = try BreakIterator(.word).segments(of: text)
        #expect(segments.first?.start == 0)
        #expect(segments.last?.end == text.count)
        for (a, b) in zip(segments, segments.dropFirst()) { #expect(a.end == b.start) }
        let words = segments.map { String(decoding: text[$0.start..<$0.end], as: UTF16.self) }
        #expect(words == ["Có", " ", "2.338", " ", "đảng", " ", "viên", "."])
        #expect(segments[2].isNumber)
        #expect(segments[4].isLetter)
        #expect(!segments[7].isLetter && !segments[7].isNumber)
    }

    @Test func sentenceBreaks() throws {
        let text = Array("Trời mưa. Đường trơn.".utf16)
        let segments = try BreakIterator(.sentence).segments(of: text)
        #expect(segments.map(\.end) == [10, text.count])
    }

    @Test func emptyTextHasNoSegments() throws {
        #expect(try BreakIterator(.word).segments(of: []).isEmpty)
    }
}

@Suite struct NormalizerTests {
    @Test func composesDecomposedVietnamese() throws {
        let nfc = try Normalizer(.nfc)
        // o + combining grave, as Windows-1258 text converts to
        #expect(try nfc.normalize("ho\u{300}a") == "hòa")
        #expect(try nfc.normalize("Đa\u{323}i") == "Đại")
        #expect(try nfc.normalize("đảng") == "đảng")
    }

    @Test func decomposes() throws {
        let nfd = try Normalizer(.nfd)
        #expect(try nfd.normalize("ờ").unicodeScalars.map(\.value) == [0x6F, 0x31B, 0x300])
    }

    @Test func quickCheckStopsBeforeTheFirstDecomposedLetter() throws {
        let nfc = try Normalizer(.nfc)
        let text = Array("abc ho\u{300}a".utf16)
        let prefix = text.withUnsafeBufferPointer { nfc.normalizedPrefixLength($0) }
        #expect(prefix <= 5)
        #expect(prefix >= 4)
    }
}

@Suite struct NumberParserTests {
    @Test(arguments: [
        ("2.338", "2338", 5),
        ("1.234,56", "1234.56", 8),
        ("1,5", "1.5", 3),
        ("2015-2018", "2015", 4),  // a partial parse reports how far it got
    ])
    func parsesVietnameseDecimals(text: String, decimal: String, consumed: Int) throws {
        let parser = try NumberParser(.decimal)
        let result = try #require(parser.parse(text))
        #expect(Double(result.decimal) == Double(decimal))
        #expect(result.consumed == consumed)
    }

    @Test func rejectsText() throws {
        #expect(try NumberParser(.decimal).parse("đảng") == nil)
        #expect(try NumberParser(.decimal).parse("") == nil)
    }

    @Test func spelledOut() throws {
        let parser = try NumberParser(.spellout)
        #expect(parser.parse("hai nghìn ba trăm ba mươi tám")?.decimal == "2338")
    }
}
