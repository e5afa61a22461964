@testable import CrossCheck
import Foundation
import Testing

/// The finders' literal search (`find`, `has`) gives Foundation's ranges, on precomposed text
/// (searched by bytes) and on text with combining marks (left to Foundation).
@Suite struct TextSearchTests {
    @Test(arguments: [
        ("trong đó có 430 đảng viên nữ", "trong đó", false),
        ("trong đó có 430, trong đó 12", "trong đó", true),
        ("tổng số 2.338 đảng viên, tổng", "tổng", true),
        ("kế hoạch năm", "chỉ tiêu", false),
        ("", "gồm", false),
        ("gồm", "bao gồm", false),
        ("tăng 12,5% so với cùng kỳ", "so với", false),
        // decomposed: `ô` + U+0302, `̉` U+0309 (Foundation matches canonically)
        ("to\u{302}\u{309}ng so\u{302}\u{301} 2.338", "tổng", false),
        ("ca\u{301}c xa\u{303} go\u{302}\u{300}m 12 tho\u{302}n", "gồm", true),
    ])
    func sameAsFoundation(_ text: String, _ needle: String, _ backwards: Bool) {
        let expected = text.range(of: needle, options: backwards ? .backwards : [])
        #expect(text.find(needle, backwards: backwards) == expected)
        #expect(text.has(needle) == (expected != nil))
        let sub = Substring(text)
        #expect(sub.find(needle, backwards: backwards) == expected)
    }

    @Test func withinARange() {
        let text = "gồm 10 xã, gồm 3 thị trấn"
        let first = text.find("gồm")!
        let second = text.find("gồm", in: first.upperBound..<text.endIndex)!
        #expect(text[second.lowerBound...] == "gồm 3 thị trấn")
        #expect(text.find("gồm", in: second.upperBound..<text.endIndex) == nil)
        #expect(text.find("gồm", backwards: true) == second)
    }

    /// `lastSumCue` looks for cues only in lead-ins with one of the stems: every cue has one.
    @Test(arguments: Page.sumCueWords.map(\.0))
    func everyCueHasAStem(_ cue: String) {
        #expect(Page.sumCueStems.contains { cue.has($0) })
    }

    @Test(arguments: [
        (["tổng", "số", "đã", "giảm", "được"], "giảm được", true),
        (["giảm", "được"], "giảm được", true),
        (["được"], "giảm được", false),
        (["tăng", "thêm"], "giảm thêm", false),
        (["tăng"], "tăng", true),
        ([], "tăng", false),
    ])
    func endsWithPhrase(_ words: [String], _ phrase: String, _ expected: Bool) {
        #expect(Page.ends(words, with: phrase) == expected)
    }

    @Test(arguments: [
        ("tăng 12,5% (so với cùng kỳ): đạt–vượt\nkế hoạch", ["tăng", "12", "5%", "so", "với", "cùng", "kỳ", "đạt", "vượt", "kế", "hoạch"]),
        ("  ", []),
        ("", []),
        ("trong đó,", ["trong", "đó"]),
    ])
    func words(_ text: String, _ expected: [String]) {
        #expect(Page.words(text) == expected)
    }
}
