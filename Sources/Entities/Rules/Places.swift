import Foundation
import VietText

/// Places: written with their level word (`xã Lãng Công`, `TP.Hà Nội`, `quận 2`, `thôn Đoàn
/// Kết`); named facilities and infrastructure (`Quốc lộ 1`, `cầu Thăng Long`, `khu công nghiệp
/// Thăng Long II`: `infrastructure-heads.txt`); and the gazetteer's names written alone
/// (`Sông Lô`, `Tam Đảo` in `Huyện ủy Tam Đảo`, `Hoa Kỳ`, `miền Trung`). A level word after a
/// plural marker (`các tỉnh`) is generic: the names after it are found on their own.
struct Places {
    let grammar: Grammar

    func find(_ v: TokenView, skipping taken: [Range<Int>]) -> [EntityMention] {
        var found: [EntityMention] = []
        var takenIndex = 0
        var i = 0
        while i < v.count {
            guard v.isWord(i) else { i += 1; continue }
            while takenIndex < taken.count, taken[takenIndex].upperBound <= v.tokens[i].range.lowerBound { takenIndex += 1 }
            let plural = grammar.afterPlural(v, i) || (i > 0 && v.joined(i) && v.tokens[i - 1].kind == .number)
            if !inOrganizationAt(i, taken, takenIndex, v), let parts = segments(v, i) {
                // `Pháp Vân-Cao Bồ`, `Bến Thành - Suối Tiên`: each end of a segment is a place
                for p in parts { found.append(EntityMention(kind: .place, range: v.range(p.lowerBound, p.upperBound), text: v.string(p.lowerBound, p.upperBound))) }
                i = parts.last!.upperBound
                continue
            }
            if !plural, let p = grammar.levelPlace(v, i, bare: false) {
                // named by its name alone, so that `Hà Tĩnh` and `tỉnh Hà Tĩnh` are one place
                let text = v.string(i, p.end)
                let level = grammar.levelWord(v, i)
                var name: String? = nil
                if let level, !level.glued, i + level.length < p.end { name = v.string(i + level.length, p.end) }
                if let level, level.glued, let dot = text.firstIndex(of: ".") { name = String(text[text.index(after: dot)...]).trimmingCharacters(in: .whitespaces) }
                // a numbered unit (`quận 9`) or a short form glued to its level (`TP.HCM`) keeps its text
                if let n = name, n.first?.isNumber == true || !n.contains(where: \.isLowercase) { name = nil }
                found.append(EntityMention(kind: .place, range: v.range(i, p.end), text: text, name: name, rank: p.rank))
                i = p.end
                continue
            }
            let inOrganization = takenIndex < taken.count && taken[takenIndex].lowerBound <= v.tokens[i].range.lowerBound
            if !plural, !inOrganization, let e = facility(v, i) {
                found.append(EntityMention(kind: .place, range: v.range(i, e), text: v.string(i, e), rank: 0))
                i = e
                continue
            }
            // a gazetteer name at the start of a capitalised run, or inside an organisation's
            // name after its head (`Huyện ủy Tam Đảo`)
            let startsRun = !(i > 0 && v.joined(i) && v.isCapitalisedWord(i - 1) && !v.isAllCaps(i - 1))
            if let g = grammar.gazetteerName(v, i), startsRun || (inOrganization && g.rank <= 1 && !v.isAllCaps(i) && g.end - i >= 2),
               !(i > 0 && grammar.personContext.contains(v.ids[i - 1]) && grammar.personStarts(v, i)) {
                found.append(EntityMention(kind: .place, range: v.range(i, g.end), text: v.string(i, g.end), rank: g.rank))
                i = g.end
                continue
            }
            i += 1
        }
        return found
    }

    private func inOrganizationAt(_ i: Int, _ taken: [Range<Int>], _ k: Int, _ v: TokenView) -> Bool {
        k < taken.count && taken[k].lowerBound <= v.tokens[i].range.lowerBound
    }

    /// Capitalised names joined by hyphens in a sentence about a road or line, or with a known
    /// place among them: the names, or nil.
    func segments(_ v: TokenView, _ i: Int) -> [Range<Int>]? {
        guard v.isCapitalisedWord(i), !v.isAllCaps(i), !(i > 0 && v.joined(i) && v.isCapitalisedWord(i - 1)) else { return nil }
        // most capitalised words have no hyphen after them: look no further
        guard (i + 1..<min(v.count, i + 8)).contains(where: { v.isPunctuation($0, "-") || v.isPunctuation($0, "–") }), !grammar.isStop(v, i) else { return nil }
        // a name with a hyphen in the gazetteer (`Thừa Thiên - Huế`) is one place
        if let g = grammar.gazetteerName(v, i), (i..<g.end).contains(where: { v.tokens[$0].kind == .punctuation }) { return nil }
        var parts: [Range<Int>] = []
        var k = i
        while k < v.count {
            let e = grammar.levelPlace(v, k, bare: false)?.end ?? grammar.capitalisedRun(v, k, limit: 5, hyphens: false)
            guard e > k, (k..<e).allSatisfy({ v.tokens[$0].kind == .syllable && !v.isAllCaps($0) || v.isNumeral($0) }) else { break }
            parts.append(k..<e)
            guard e + 1 < v.count, v.isPunctuation(e, "-") || v.isPunctuation(e, "–"), v.gap[e] != .line, v.isCapitalisedWord(e + 1), v.gap[e + 1] != .line else { break }
            k = e + 1
        }
        guard parts.count >= 2 else { return nil }
        if parts.contains(where: { grammar.gazetteerName(v, $0.lowerBound)?.end == $0.upperBound }) { return parts }
        var s = i - 1
        while s >= 0 {
            if grammar.segmentWords.contains(v.ids[s]) { return parts }
            if v.gap[s] == .line { break }
            s -= 1
        }
        return nil
    }

    /// A facility: its head word then a capitalised name or a number (`QL 8A`, `đường 71`,
    /// `tuyến metro số 1`, `đường cao tốc Bắc - Nam`).
    func facility(_ v: TokenView, _ i: Int) -> Int? {
        guard let head = grammar.infrastructureHeads.match(v, at: i), !grammar.inCompound(v, i) else { return nil }
        var j = i + head.length
        guard j < v.count, v.joined(j), !(v.isCapitalisedWord(j) && grammar.opensNoName(v, j)) else { return nil }
        if v.isWord(j, grammar.words.so), j + 1 < v.count, v.tokens[j + 1].kind == .number { j += 1 }
        if v.tokens[j].kind == .number {
            var e = j + 1
            if e < v.count, v.gap[e] == .none, v.isCapitalisedWord(e), v.length(e) <= 2 { e += 1 }
            return e
        }
        if v.isCapitalisedWord(j), !v.isAllCaps(j) || v.length(j) > 1 {
            let e = grammar.capitalisedRun(v, j, limit: 6, stopAtSurname: false)
            return e > j ? e : nil
        }
        if head.length > 1 || v.capitalised[i], let b = grammar.bridge(v, j, limit: 3) {
            let e = grammar.capitalisedRun(v, b, limit: 6, stopAtSurname: false)
            return e > b ? e : nil
        }
        return nil
    }
}
