import ICUCore

/// Sentence boundaries: ICU's sentence break rules, less the breaks that follow an abbreviation
/// (`Ông về Tp. Hồ Chí Minh.` is one sentence). Line breaks always end a sentence.
///
/// Not thread-safe (owns an ICU iterator): use one per thread.
public final class SentenceSplitter {
    private let iterator: BreakIterator
    private let abbreviations: Abbreviations
    private let chars = CharTable.shared

    public init(abbreviations: Abbreviations) throws {
        self.iterator = try BreakIterator(.sentence)
        self.abbreviations = abbreviations
    }

    /// Sentence ranges in normalized UTF-16 offsets, without surrounding whitespace; empty
    /// sentences (blank lines) are left out.
    public func sentences(in text: NormalizedText) -> [Range<Int>] {
        var out: [Range<Int>] = []
        text.normalized.withUnsafeBufferPointer { u in
            var start = 0
            try? iterator.forEachSegment(in: u) { segment in
                let end = segment.end
                if end < u.count && !endsWithNewline(u, end) && endsWithAbbreviation(u, from: start, to: end) { return }
                if let r = trimmed(u, start..<end) { out.append(r) }
                start = end
            }
            if start < u.count, let r = trimmed(u, start..<u.count) { out.append(r) }
        }
        return out
    }

    private func endsWithNewline(_ u: UnsafeBufferPointer<UInt16>, _ end: Int) -> Bool {
        var k = end - 1
        while k >= 0 && chars.isSpace(u[k]) {
            if u[k] == 0x0A || u[k] == 0x0D || u[k] == 0x2029 || u[k] == 0x2028 { return true }
            k -= 1
        }
        return false
    }

    private func endsWithAbbreviation(_ u: UnsafeBufferPointer<UInt16>, from start: Int, to end: Int) -> Bool {
        var e = end
        while e > start && chars.isSpace(u[e - 1]) { e -= 1 }
        guard e > start, u[e - 1] == 0x2E else { return false }
        var s = e - 1
        while s > start && (chars.isLetter(u[s - 1]) || u[s - 1] == 0x2E) && e - s < abbreviations.maxLength { s -= 1 }
        // the longest dotted word ending here, then shorter suffixes (`(TP.` -> `TP.`)
        for from in s..<(e - 1) where from == s || u[from - 1] == 0x2E {
            let word = Array(u[from..<e])
            if abbreviations.contains(word) { return !abbreviations.mayEndSentence(word) }
        }
        return false
    }

    private func trimmed(_ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Range<Int>? {
        var s = r.lowerBound, e = r.upperBound
        while s < e && chars.isSpace(u[s]) { s += 1 }
        while e > s && chars.isSpace(u[e - 1]) { e -= 1 }
        return s < e ? s..<e : nil
    }
}
