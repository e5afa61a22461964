import Testing
import TestSupport
@testable import VietText

@Suite struct TokenizerTests {
    func tokens(_ text: String) throws -> [String] {
        try withAnalyzer { analyzer in
            let a = analyzer.analyze(text)
            return a.tokens.map { "\(a.original($0))/\($0.kind)" }
        }
    }

    static let examples: [(String, [String])] = [
        ("2.338 đảng viên", ["2.338/number", "đảng/syllable", "viên/syllable"]),
        ("1.234,56", ["1.234,56/number"]),
        ("tăng 3,5%", ["tăng/syllable", "3,5%/percent"]),
        ("Thứ Sáu, 01/02/2019", ["Thứ/syllable", "Sáu/syllable", ",/punctuation", "01/02/2019/date"]),
        ("tháng 1/2017", ["tháng/syllable", "1/2017/date"]),
        ("giai đoạn 2015-2018", ["giai/syllable", "đoạn/syllable", "2015-2018/range"]),
        ("vượt 10-15%", ["vượt/syllable", "10-15%/range"]),
        ("34/39 bộ", ["34/39/fraction", "bộ/syllable"]),
        ("UBND tỉnh", ["UBND/abbreviation", "tỉnh/syllable"]),
        ("các ĐVTN", ["các/syllable", "ĐVTN/abbreviation"]),
        ("TP.HCM", ["TP.HCM/abbreviation"]),
        ("về Tp. Hồ Chí Minh", ["về/syllable", "Tp./abbreviation", "Hồ/syllable", "Chí/syllable", "Minh/syllable"]),
        ("số 05-NQ/TU", ["số/syllable", "05-NQ/TU/code"]),
        ("Quyết định 1234/QĐ-UBND", ["Quyết/syllable", "định/syllable", "1234/QĐ-UBND/code"]),
        ("chỉ số VN30", ["chỉ/syllable", "số/syllable", "VN30/code"]),
        ("giá 10.000.000đ", ["giá/syllable", "10.000.000/number", "đ/syllable"]),
        ("dài 5km", ["dài/syllable", "5/number", "km/syllable"]),
        ("Ngô Tuấn AnhTAG:", ["Ngô/syllable", "Tuấn/syllable", "Anh/syllable", "TAG/abbreviation", ":/punctuation"]),
        ("ĐẢNG VIÊN", ["ĐẢNG/syllable", "VIÊN/syllable"]),
        ("mới...", ["mới/syllable", ".../punctuation"]),
        ("(trên 2.300 đảng viên/năm)", ["(/punctuation", "trên/syllable", "2.300/number", "đảng/syllable", "viên/syllable", "//punctuation", "năm/syllable", ")/punctuation"]),
        // negatives: nothing to join
        ("Hà Nội-Hải Phòng", ["Hà/syllable", "Nội/syllable", "-/punctuation", "Hải/syllable", "Phòng/syllable"]),
        ("2015 - 2020", ["2015/number", "-/punctuation", "2020/number"]),
        ("45/13/2019", ["45/13/2019/code"]),
        ("hàng năm,BTV", ["hàng/syllable", "năm/syllable", ",/punctuation", "BTV/abbreviation"]),
        ("A.", ["A/syllable", "./punctuation"]),
    ]

    @Test(arguments: examples)
    func kinds(text: String, expected: [String]) throws {
        #expect(try tokens(text) == expected)
    }

    /// A long run of `a-a-a-...` (found by fuzzing: it took 40 s on 200 KB) is tokenized in
    /// bounded compounds, losslessly; a real compound is untouched.
    @Test func longJoinedRunsAreCutIntoBoundedCompounds() throws {
        let text = String(repeating: "a-", count: 5_000) + "a"
        try withAnalyzer { analyzer in
            Self.checkLossless(text, analyzer)
            let a = analyzer.analyze(text)
            #expect(a.tokens.allSatisfy { $0.range.count <= 2 * Tokenizer.maxCompoundParts - 1 })
        }
        #expect(try tokens("571/VPCP-KTTH") == ["571/VPCP-KTTH/code"])
    }

    @Test func decomposedTextKeepsOriginalRanges() throws {
        let original = "Ho\u{300}a Bi\u{300}nh"
        try withAnalyzer { analyzer in
            let a = analyzer.analyze(original)
            #expect(a.tokens.map(a.original) == ["Ho\u{300}a", "Bi\u{300}nh"])
            #expect(a.tokens.map(a.normalized) == ["Hòa", "Bình"])
        }
    }

    /// Tokens and the gaps between them give back the input; gaps hold only whitespace.
    static func checkLossless(_ text: String, _ analyzer: TextAnalyzer, sourceLocation: SourceLocation = #_sourceLocation) {
        let a = analyzer.analyze(text)
        let units = a.text.original
        var rebuilt: [UInt16] = []
        var end = 0
        for t in a.tokens {
            #expect(t.range.lowerBound >= end, "tokens overlap", sourceLocation: sourceLocation)
            let gap = units[end..<t.range.lowerBound]
            let gapIsSpace = String(decoding: gap, as: UTF16.self).unicodeScalars.allSatisfy {
                $0.properties.isWhitespace || [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD].contains($0.value)
            }
            if !gapIsSpace {
                Issue.record("text lost between tokens: \(String(decoding: gap, as: UTF16.self).debugDescription)", sourceLocation: sourceLocation)
                return
            }
            rebuilt += gap
            rebuilt += units[t.range]
            end = t.range.upperBound
        }
        let tail = String(decoding: units[end...], as: UTF16.self)
        #expect(tail.unicodeScalars.allSatisfy { $0.properties.isWhitespace }, "text lost at the end", sourceLocation: sourceLocation)
        rebuilt += units[end...]
        #expect(rebuilt == units, sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        "", " ", "\n\n", "Năm 2018, tỉnh ta đã hoàn thành chỉ tiêu.", "Ho\u{300}a  \u{200B} bi\u{300}nh\u{A0}!",
        "😀 emoji 🇻🇳 và ký hiệu © ™ → 5 m²", "\t(ĐVTN)\r\nTP.HCM ... v.v.", "a\u{301}\u{301}\u{301} tổ hợp lạ",
    ])
    func lossless(text: String) throws {
        try withAnalyzer { Self.checkLossless(text, $0) }
    }

    @Test(.enabled(if: hasShared("data/news"), "needs ../shared/data/news"))
    func losslessOnAllSharedArticles() throws {
        guard let dir = sharedPath("data/news") else { return }
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
        #expect(files.count >= 280)
        try withAnalyzer { analyzer in
            for file in files {
                let text = try String(contentsOf: file, encoding: .utf8)
                Self.checkLossless(text, analyzer)
            }
        }
    }
}

import Foundation
