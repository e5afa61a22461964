import Foundation
import Testing
import TestSupport
@testable import VietText

@Suite struct SegmentationTests {
    /// Words the seed article must produce, each as it appears there.
    @Test(.enabled(if: hasShared("data/seed"), "needs ../shared/data/seed"),
          arguments: ["đảng_viên", "kết_nạp", "Tỉnh_ủy", "Nghị_quyết", "Hoàng_Văn_Toàn", "Tam_Đảo", "2.338", "01/02/2019"])
    func seedArticleWords(word: String) throws {
        guard let dir = sharedPath("data/seed") else { return }
        let file = try #require(try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil).first)
        let words = try segmented(try String(contentsOf: file, encoding: .utf8)).split(separator: " ").map(String.init)
        #expect(words.contains(word))
    }

    static let examples: [(String, String)] = [
        ("Thanh bắt chuyện với Hùng .", "Thanh bắt_chuyện với Hùng ."),
        ("tổng số 2.338 đảng viên mới được kết nạp", "tổng_số 2.338 đảng_viên mới được kết_nạp"),
        // names: runs of capitalised syllables
        ("Đồng chí Hoàng Văn Toàn phát biểu", "Đồng_chí Hoàng_Văn_Toàn phát_biểu"),
        ("huyện Tam Đảo", "huyện Tam_Đảo"),
        // a form of address opening a sentence is not part of the name
        ("Ông Nguyễn Văn Nam cho biết", "Ông Nguyễn_Văn_Nam cho biết"),
        ("Theo Hùng , giá tăng", "Theo Hùng , giá tăng"),
        // a capitalised syllable that begins a lowercase word stays with it
        ("Bộ Công an", "Bộ Công_an"),
        ("Trưởng Ban Tổ chức Tỉnh ủy", "Trưởng_Ban Tổ_chức Tỉnh_ủy"),
        // tone placement variants match the same lexicon word
        ("Uỷ ban hoà giải", "Uỷ_ban hoà_giải"),
        // headlines in capitals are not names
        ("BƯỚC ĐỘT PHÁ", "BƯỚC ĐỘT_PHÁ"),
        // no word crosses punctuation or a line break
        ("đảng , viên", "đảng , viên"),
        ("Xây dựng Đảng\nBước đột phá", "Xây_dựng Đảng\nBước đột_phá"),
    ]

    @Test(arguments: examples)
    func words(input: String, expected: String) throws {
        let output = try withAnalyzer { analyzer in
            input.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var out: [UInt8] = []
                analyzer.appendSegmented(Array(line.utf16), to: &out)
                return String(decoding: out, as: UTF8.self)
            }.joined(separator: "\n")
        }
        #expect(output == expected)
    }

    @Test func wordsNeverCrossSentencesInFullAnalysis() throws {
        try withAnalyzer { analyzer in
            let a = analyzer.analyze("Xây dựng Đảng\n\nBước đột phá trong công tác")
            #expect(a.sentences.count == 2)
            #expect(a.words.map { a.original($0, separator: "_") } == ["Xây_dựng", "Đảng", "Bước", "đột_phá", "trong", "công_tác"])
            for s in a.sentences {
                for w in s.words { #expect(s.tokens.contains(a.words[w].tokens.lowerBound)) }
            }
        }
    }

    @Test func userLexiconAddsWords() throws {
        let normalizer = try TextNormalizer()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("solieu-user-\(UUID()).txt")
        try "# mine\nhănggô cơm\t5\nvõng dù\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let lexicon = try Lexicon.builtin(adding: [file], normalizer: normalizer)
        let builtin = try Lexicon.builtin(normalizer: normalizer)
        #expect(lexicon.count >= builtin.count + 1)
        #expect(lexicon.contains("võng dù", normalizer: normalizer))
        #expect(!builtin.contains("hănggô cơm", normalizer: normalizer))
        let analyzer = try TextAnalyzer(lexicon: lexicon, normalizer: normalizer)
        let a = analyzer.analyze("mua võng dù")
        #expect(a.words.map { a.original($0, separator: "_") } == ["mua", "võng_dù"])
    }

    @Test func badLexiconWeightNamesFileAndLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("solieu-bad-\(UUID()).txt")
        try "đảng viên\t12\nkết nạp\tmany\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            try Lexicon.load([file], normalizer: try TextNormalizer())
        } throws: { error in
            (error as? LanguageDataError)?.line == 2 && "\(error)".contains(file.lastPathComponent)
        }
    }

    @Test func builtinLexiconIsLarge() throws {
        let lexicon = try Lexicon.builtin(normalizer: try TextNormalizer())
        #expect(lexicon.count > 10_000)
    }

    /// Word F1 on the VTB test set, built-in lexicon only (the issue's bar is 93.0).
    @Test(.enabled(if: hasShared("data/ud-vtb"), "needs ../shared/data/ud-vtb"))
    func vtbTestF1() throws {
        guard let dir = sharedPath("data/ud-vtb") else { return }
        let gold = try String(contentsOf: dir.appendingPathComponent("vi_vtb-ud-test.conllu"), encoding: .utf8)
        var correct = 0, predicted = 0, expected = 0
        try withAnalyzer { analyzer in
            for block in gold.components(separatedBy: "\n\n") {
                let forms = block.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line -> String? in
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                    guard fields.count > 1, !fields[0].contains("-"), !fields[0].contains(".") else { return nil }
                    return String(fields[1])
                }
                guard !forms.isEmpty else { continue }
                func spans(_ words: [Int]) -> Set<[Int]> {
                    var out = Set<[Int]>(), start = 0
                    for n in words { out.insert([start, start + n]); start += n }
                    return out
                }
                let goldSpans = spans(forms.map { $0.split(separator: " ").count })
                let a = analyzer.analyze(forms.joined(separator: " "))
                let predictedSpans = spans(a.words.map(\.tokens.count))
                correct += goldSpans.intersection(predictedSpans).count
                predicted += predictedSpans.count
                expected += goldSpans.count
            }
        }
        let p = Double(correct) / Double(predicted), r = Double(correct) / Double(expected)
        let f1 = 2 * p * r / (p + r)
        #expect(f1 >= 0.93, "VTB test word F1 \(f1)")
    }
}

@Suite struct SentenceTests {
    static let examples: [(String, [String])] = [
        ("Ông về Tp. Hồ Chí Minh. Sau đó ông đi Hà Nội.", ["Ông về Tp. Hồ Chí Minh.", "Sau đó ông đi Hà Nội."]),
        ("GS. TS. Nguyễn Văn A phát biểu. Hội nghị bế mạc.", ["GS. TS. Nguyễn Văn A phát biểu.", "Hội nghị bế mạc."]),
        ("Ông gặp PGS. Lê Hùng và ThS. Mai tại TP. HCM hôm qua.", ["Ông gặp PGS. Lê Hùng và ThS. Mai tại TP. HCM hôm qua."]),
        ("Chợ bán gạo, muối v.v. Sau đó về.", ["Chợ bán gạo, muối v.v.", "Sau đó về."]),
        ("Có 2.338 đảng viên. Tăng 3,5%!", ["Có 2.338 đảng viên.", "Tăng 3,5%!"]),
        ("Tiêu đề\nThân bài không có dấu chấm", ["Tiêu đề", "Thân bài không có dấu chấm"]),
        ("  \n  ", []),
    ]

    @Test(arguments: examples)
    func sentences(text: String, expected: [String]) throws {
        let got = try withAnalyzer { analyzer in
            let a = analyzer.analyze(text)
            return a.sentences.map { a.original($0) }
        }
        #expect(got == expected)
    }
}

@Suite struct InputTests {
    @Test(arguments: [
        ([0x61, 0xFF, 0x62], 1),            // invalid byte
        ([0xC3], 0),                          // truncated sequence
        ([0xE0, 0x80, 0x80], 0),             // overlong
        ([0xED, 0xA0, 0x80], 0),             // surrogate
        ([0x61, 0x62, 0xC3, 0x28], 2),       // bad continuation: the sequence's first byte
    ] as [([UInt8], Int)])
    func rejectsInvalidUTF8(bytes: [UInt8], offset: Int) {
        var out: [UInt16] = []
        #expect(throws: InvalidUTF8(byteOffset: offset)) {
            try bytes.withUnsafeBufferPointer { try TextInput.decodeUTF8($0, 0..<$0.count, into: &out) }
        }
    }

    @Test func decodesValidUTF8() throws {
        let text = "Đảng viên 😀 ©"
        var out: [UInt16] = []
        try Array(text.utf8).withUnsafeBufferPointer { try TextInput.decodeUTF8($0, 0..<$0.count, into: &out) }
        #expect(out == Array(text.utf16))
    }

    @Test func positionCountsLinesAndScalars() {
        let bytes = Array("ab\nđảng x".utf8)
        let p = bytes.withUnsafeBufferPointer { TextInput.position(of: bytes.count - 1, in: $0) }
        #expect(p.line == 2)
        #expect(p.column == 6)
    }

    @Test func scalarOffsetsSkipSurrogates() {
        let offsets = ScalarOffsets(Array("😀a".utf16))
        #expect(offsets.scalarOffset(2) == 1)
        #expect(offsets.scalarOffset(3) == 2)
    }
}
