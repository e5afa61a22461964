import ICUCore
import Testing

@Suite struct ConverterTests {
    @Test func decodesWindows1258WithCombiningToneMarks() throws {
        // "Việt" in cp1258: V i (0xEA = ê) (0xF2 = combining dot below) t
        let units = try Converter.decode([0x56, 0x69, 0xEA, 0xF2, 0x74], charset: "windows-1258")
        #expect(units == [0x56, 0x69, 0xEA, 0x0323, 0x74])
        let composed = try Normalizer(.nfc).normalize(String(decoding: units, as: UTF16.self))
        #expect(composed == "Việt")
    }

    @Test func roundTripsVietnameseThroughWindows1258() throws {
        // cp1258 has the letters with circumflex, breve and horn, and the five tone marks as
        // combining characters: "Đảng viên đạt" written that way.
        let legacy = "Đa\u{0309}ng vi\u{00EA}n đa\u{0323}t 2.338 ng\u{01B0}\u{01A1}\u{0300}i, t\u{0103}ng 5%."
        let bytes = try Converter.encode(legacy, charset: "windows-1258")
        #expect(bytes.count == legacy.unicodeScalars.count)
        let back = try Converter.decodeString(bytes, charset: "windows-1258")
        #expect(back == legacy)
        #expect(try Normalizer(.nfc).normalize(back) == "Đảng viên đạt 2.338 người, tăng 5%.")
    }

    @Test func fullyDecomposedCircumflexIsNotInWindows1258() {
        // NFD splits ê into e + U+0302, which cp1258 lacks.
        #expect(throws: ICUError.self) { try Converter.encode("vie\u{0302}n", charset: "windows-1258") }
    }

    @Test func decodesWindows1252AndUTF16() throws {
        #expect(try Converter.decodeString([0x93, 0x63, 0x61, 0x66, 0xE9, 0x94], charset: "windows-1252") == "\u{201C}café\u{201D}")
        #expect(try Converter.decodeString([0x00, 0x41, 0x1E, 0xA1], charset: "UTF-16BE") == "Aạ")
    }

    @Test func encodingAComposedLetterCp1258LacksFailsWithItsOffset() throws {
        // "ạ" precomposed (U+1EA1) has no single cp1258 byte.
        #expect(throws: ICUError.self) { try Converter.encode("ab\u{1EA1}", charset: "windows-1258") }
        do {
            _ = try Converter.encode("ab\u{1EA1}", charset: "windows-1258")
        } catch {
            #expect(error.offset == 3)
        }
    }

    @Test func illegalUTF8NamesTheByteOffset() throws {
        do {
            _ = try Converter.decode([0x61, 0x62, 0xFF, 0x63], charset: "UTF-8")
            Issue.record("decoded illegal UTF-8")
        } catch {
            #expect(error.offset == 2)
        }
    }

    @Test func unknownCharsetIsAnError() {
        #expect(throws: ICUError.self) { try Converter.decode([0x41], charset: "no-such-charset") }
        #expect(!Converter.isKnown("no-such-charset"))
        #expect(Converter.isKnown("cp1258"))
    }

    @Test func emptyInputIsEmpty() throws {
        #expect(try Converter.decode([], charset: "windows-1258").isEmpty)
        #expect(try Converter.encode([UInt16](), charset: "windows-1258").isEmpty)
    }
}
