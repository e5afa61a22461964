import VietText

/// People: a run of capitalised syllables that a form of address (`ông`, `đồng chí`, `GS.TS`)
/// or a title (`Phó Thủ tướng`) comes right before, or that opens with a family name
/// (`surnames.txt`), two to four syllables; the credit of a photo (`Ảnh: Trường Khanh`); and the
/// article's authors. The titles written around a name are kept: after it, each comma-separated
/// phrase that opens with a title (`, Ủy viên BTV, Trưởng Ban Tổ chức Tỉnh ủy`); before it, the
/// title phrase that leads to it (`Bộ trưởng Bộ GTVT Trương Quang Nghĩa`).
struct People {
    let grammar: Grammar

    func find(_ v: TokenView, skipping taken: [Range<Int>], authors: [String]) -> [EntityMention] {
        var found: [EntityMention] = []
        var covered = [Bool](repeating: false, count: v.count)
        var t = 0
        for (k, token) in v.tokens.enumerated() {
            while t < taken.count, taken[t].upperBound <= token.range.lowerBound { t += 1 }
            if t < taken.count, taken[t].lowerBound < token.range.upperBound { covered[k] = true }
        }
        var i = 0
        while i < v.count {
            guard v.isCapitalisedWord(i), !covered[i], v.tokens[i].kind == .syllable || isInitial(v, i) || (credit(v, before: i) && v.length(i) <= 4),
                  !(i > 0 && v.joined(i) && v.isCapitalisedWord(i - 1) && !covered[i - 1] && v.tokens[i - 1].kind == .syllable) else { i += 1; continue }
            // a title or form of address that opens the run (`Phó Thủ tướng Trương Hòa Bình`, `Ông Định`)
            var opened = false
            if let t = grammar.titles.match(v, at: i), v.isCapitalisedWord(i + t.length) {
                i += t.length
                continue
            }
            if let f = grammar.forms.match(v, at: i), v.isCapitalisedWord(i + f.length), v.joined(i + f.length) {
                i += f.length
                opened = true
            }
            // a body's name (`Đoàn Thanh niên`), a year's name after `Tết`/`năm`/`xuân` (`Đinh Dậu`),
            // a weekday (`Thứ Sáu`)
            if grammar.organizationHeads.match(v, at: i).map({ $0.length > 1 }) ?? false { i += 1; continue }
            if i > 0, [grammar.words.tet, grammar.words.nam, grammar.words.xuan].contains(v.ids[i - 1]) || v.isWord(i, grammar.words.thu) { i += 1; continue }
            var e = i
            while e < v.count, e - i < 5, v.isCapitalisedWord(e), !covered[e], e == i || v.joined(e),
                  e == i || v.tokens[e].kind == .syllable || isInitial(v, e),
                  e == i || !(grammar.isStop(v, e) || grammar.titles.match(v, at: e) != nil || grammar.documentHeads.match(v, at: e) != nil) { e += 1 }
            let length = e - i
            guard length > 0 else { i += 1; continue }
            // a year's name (`Đinh Dậu`)
            if length == 2, grammar.earthlyBranches.contains(v.ids[i + 1]) { i = e; continue }
            let addressed = opened || formOfAddress(v, before: i)
            let credited = credit(v, before: i)
            let titleStart = title(v, endingAt: i)
            let allCaps = (i..<e).allSatisfy { v.isAllCaps($0) }
            let surname = grammar.isSurname(v, i) && !allCaps
            let accepted = (addressed && length <= 4) || (credited && length <= 4) || (surname && (2...4).contains(length))
                || (titleStart != nil && (2...4).contains(length) && !allCaps)
            if accepted {
                var titles: [String] = []
                if let s = titleStart { titles.append(v.string(s, i)) }
                titles += titlesAfter(v, e)
                found.append(EntityMention(kind: .person, range: v.range(i, e), text: v.string(i, e), titles: titles))
            }
            i = e
        }
        found += byline(v, covered: covered).filter { b in !found.contains { $0.range.overlaps(b.range) } }
            .filter { b in grammar.knownOrganizations.match(v, at: v.tokens.firstIndex { $0.range.lowerBound == b.range.lowerBound } ?? 0) == nil }
        // the authors and photo credits the article's structure knows
        for author in authors where !grammar.lexicon.organizationNames.contains(author) && !grammar.lexicon.standaloneOrganizations.contains(author) {
            let words = author.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            let firstUnits = Array(first.utf16)
            for k in 0..<v.count where v.capitalised[k] && v.units[v.tokens[k].range].elementsEqual(firstUnits) && grammar.matchesAsWritten(v, k, words) {
                let r = v.range(k, k + words.count)
                if !found.contains(where: { $0.range.overlaps(r) }) {
                    found.append(EntityMention(kind: .person, range: r, text: v.string(k, k + words.count)))
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The byline: the text's last line when it holds only one to three names of one to four
    /// capitalised words (`Chính Cương`, `HẢI NGUYỄN - KHÁNH VŨ`, `Tr.Hoàng`, `N. C`).
    private func byline(_ v: TokenView, covered: [Bool]) -> [EntityMention] {
        guard var last = v.tokens.indices.last(where: { v.isWord($0) }), var start = (0...last).last(where: { v.gap[$0] == .line || $0 == 0 })
        else { return [] }
        // what a byline may carry after the names: a source in parentheses (`Hải Yến (TTXVN)`,
        // `N. C (T.Hợp)`); before them, the end of the last sentence (`./.`)
        if let open = (start...last).first(where: { v.isPunctuation($0, "(") }) { last = open - 1 }
        while start <= last, v.tokens[start].kind == .punctuation { start += 1 }
        guard start <= last else { return [] }
        var names: [EntityMention] = []
        var groupStart = start
        var k = start
        while k <= last + 1 {
            if k > last || v.isPunctuation(k, "-") || v.isPunctuation(k, "–") || v.isPunctuation(k, ",") || v.isPunctuation(k, "/") {
                let count = k - groupStart
                guard (1...4).contains(count) else { return [] }
                // `Phi Long/VOV.VN`: the outlet after the name is no person
                if grammar.knownOrganizations.match(v, at: groupStart) == nil, !v.isAllCaps(groupStart) || count > 1 || v.length(groupStart) <= 3 {
                    names.append(EntityMention(kind: .person, range: v.range(groupStart, k), text: v.string(groupStart, k)))
                }
                groupStart = k + 1
            } else if !(v.isCapitalisedWord(k) || v.isPunctuation(k, ".")) || covered[k] || v.isWord(k, grammar.words.theo) {
                return []
            }
            k += 1
        }
        return names.count <= 3 ? names : []
    }

    /// `Tr.Hoàng`, `N.` written as one abbreviation token.
    private func isInitial(_ v: TokenView, _ i: Int) -> Bool {
        v.tokens[i].kind == .abbreviation && v.original[i].contains(".") && !v.isAllCaps(i)
            && grammar.levelWord(v, i) == nil && v.original[i].count <= 10
    }

    /// A form of address or an abbreviated title right before `i` (`ông`, `đồng chí`, `GS.TS`).
    private func formOfAddress(_ v: TokenView, before i: Int) -> Bool {
        guard i > 0, v.joined(i) else { return false }
        for k in 1...3 where i - k >= 0 {
            if let m = grammar.forms.match(v, at: i - k), m.length == k { return true }
        }
        guard v.tokens[i - 1].kind == .abbreviation || v.isAllCaps(i - 1) else { return false }
        let parts = v.original[i - 1].split(separator: ".").map(String.init)
        return !parts.isEmpty && parts.allSatisfy { grammar.titleAbbreviations.contains($0) }
    }

    /// `Ảnh:` or `Ảnh -` right before `i`.
    func credit(_ v: TokenView, before i: Int) -> Bool {
        i >= 2 && (v.isPunctuation(i - 1, ":") || v.isPunctuation(i - 1, "-")) && grammar.creditWords.contains(v.ids[i - 2])
    }

    /// The start of a title phrase that ends right before `i` with no punctuation between.
    private func title(_ v: TokenView, endingAt i: Int) -> Int? {
        var s = i - 1
        var best: Int? = nil
        while s >= 0, i - s <= 10, v.isWord(s), v.joined(s + 1) || s + 1 == i {
            if v.capitalised[s], let m = grammar.titles.match(v, at: s), s + m.length <= i { best = s }
            s -= 1
        }
        return best
    }

    /// The comma-separated title phrases after a name.
    private func titlesAfter(_ v: TokenView, _ e: Int) -> [String] {
        var titles: [String] = []
        var k = e
        while k + 1 < v.count, v.isPunctuation(k, ","), let m = grammar.titles.match(v, at: k + 1), v.capitalised[k + 1] || m.length > 1 {
            var end = k + 1 + m.length
            while end < v.count, v.joined(end), v.isWord(end) || v.isNumeral(end), end - k < 14, !(grammar.isStop(v, end) && !v.capitalised[end]) { end += 1 }
            titles.append(v.string(k + 1, end))
            k = end
        }
        return titles
    }
}
