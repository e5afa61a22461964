import VietText

/// Documents (`document-heads.tsv`): a head (`Nghị quyết`, `Chỉ thị`, `Luật`, `đề án`) with a
/// number or code (`Chỉ thị số 28-CT/TW`, `Quyết định 1234/QĐ-UBND`, `Nghị quyết 20`) and/or a
/// name that opens with a capitalised word (`Luật Ngân sách nhà nước`, `Nghị quyết Đại hội Đảng
/// bộ tỉnh lần thứ XVI`). The name runs over lower-case words, numerals, `lần thứ`, `khóa XII`
/// and years (`giai đoạn 2011 - 2020`) until a word that ends names or punctuation.
struct Documents {
    let grammar: Grammar

    func find(_ v: TokenView, skipping taken: [Range<Int>]) -> [EntityMention] {
        var found: [EntityMention] = []
        var t = 0
        var i = 0
        while i < v.count {
            while t < taken.count, taken[t].upperBound <= v.tokens[i].range.lowerBound { t += 1 }
            if t < taken.count, taken[t].lowerBound < v.tokens[i].range.lowerBound { i += 1; continue }
            if v.isWord(i), !grammar.afterPlural(v, i), let e = document(v, i) {
                found.append(EntityMention(kind: .document, range: v.range(i, e), text: v.string(i, e)))
                i = e
            } else {
                i += 1
            }
        }
        return found
    }

    func document(_ v: TokenView, _ i: Int) -> Int? {
        guard let head = grammar.documentHeads.match(v, at: i) else { return nil }
        var j = i + head.length
        var afterSo = false
        if j < v.count, v.joined(j), v.isWord(j, grammar.words.so), j + 1 < v.count, isNumber(v, j + 1) { j += 1; afterSo = true }
        // a plain number after a lower-case head is a count (`quy hoạch 3 loại rừng`)
        if j < v.count, v.joined(j), isNumber(v, j), v.capitalised[i] || afterSo || v.tokens[j].kind != .number {
            // numbered: the document is the head and its number or code (`Chỉ thị số 28-CT/TW`)
            j += 1
            if j < v.count, v.joined(j), isNumber(v, j) || (v.isAllCaps(j) && v.tokens[j - 1].kind == .number) { j += 1 }
            // `309 QĐ-TTg`, `02/2017- BYT`: the rest of a code written apart
            while j + 1 < v.count, v.isPunctuation(j, "-"), v.joined(j + 1), v.isCapitalisedWord(j + 1), v.gap[j] == .none || v.gap[j + 1] == .none { j += 2 }
            return j
        }
        let opensSentence = i == 0 || v.gap[i] == .line
        // `kế hoạch của UBND tỉnh`, `báo cáo với Bí thư`: whose, not which
        if j < v.count, grammar.ownerWords.contains(v.ids[j]) { return nil }
        guard let n = name(v, j) else {
            // a head that is a name by itself (`Nghị quyết Đại hội`)
            return head.length > 1 && head.value == "no" && v.capitalised[i] ? j : nil
        }
        // a place or a body right after the head: what the document is about or who wrote it
        // (`quy hoạch TP Đà Nẵng`, `báo cáo UBND TP`), not its name
        if grammar.levelWord(v, j) != nil || grammar.gazetteerName(v, j) != nil { return nil }
        if head.value == "yes" || !v.capitalised[i],
           grammar.organizationHeads.match(v, at: j) != nil || (v.isAllCaps(j) && grammar.organizationAbbreviationIDs.contains(v.ids[j])) { return nil }
        // a numbered kind of document named by words needs more than one (`Hợp đồng BT` is a kind)
        if head.value == "yes", n.words < 2 { return nil }
        if v.capitalised[i], !opensSentence || v.isCapitalisedWord(j) {
            // a capitalised head inside a sentence opens a title: `Luật Ngân sách nhà nước`,
            // `Thông tư quản lý chất lượng BV`
            return n.words >= 2 || v.isCapitalisedWord(j) ? n.end : nil
        }
        // a head in lower case (`kế hoạch`, `đề án`) or opening a sentence is a common noun unless
        // the words after it soon reach a name, an abbreviation or a year; the document ends there
        guard let anchor = n.anchor, n.firstAnchor - j <= 8 else { return nil }
        // the name's first capitalised word opens a place or a body: what or whose, not a name
        // (`quy hoạch bán đảo Sơn Trà`); a year alone needs a name of three words before it
        if n.firstAnchor < anchor, v.isCapitalisedWord(n.firstAnchor),
           grammar.gazetteerName(v, n.firstAnchor) != nil || grammar.levelWord(v, n.firstAnchor) != nil
            || grammar.organizationHeads.match(v, at: n.firstAnchor) != nil || v.isAllCaps(n.firstAnchor) && grammar.organizationAbbreviationIDs.contains(v.ids[n.firstAnchor]) { return nil }
        if !v.isCapitalisedWord(n.firstAnchor), !(j..<anchor).contains(where: { v.isCapitalisedWord($0) }), n.firstAnchor - j < 3 { return nil }
        return anchor
    }

    /// A document number or code: `28-CT/TW`, `1234/QĐ-UBND`, `20`, `02/2017`; not a measure (`12,46`).
    private func isNumber(_ v: TokenView, _ j: Int) -> Bool {
        switch v.tokens[j].kind {
        case .code, .date, .fraction: return true
        case .number: return v.units[v.tokens[j].range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        default: return false
        }
    }

    /// A document's name from `j`: its end (the last word), the end of its last anchor (a
    /// capitalised word, an abbreviation, a numeral, a year, `lần thứ V`, `khóa XII`) and where the
    /// first anchor starts, and how many words it has; nil when no name follows.
    private func name(_ v: TokenView, _ j: Int) -> (end: Int, anchor: Int?, firstAnchor: Int, words: Int)? {
        var k = j
        var lastWord = j
        var words = 0
        var anchor: Int? = nil
        var firstAnchor = Int.max
        func anchored(_ start: Int, _ end: Int) { anchor = end; firstAnchor = min(firstAnchor, start) }
        while k < v.count, v.joined(k), words < 30 {
            if v.isWord(k) {
                if v.isWord(k, grammar.words.lan), k + 2 < v.count, v.isWord(k + 1, grammar.words.thu), v.isNumeral(k + 2) || v.isWord(k + 2) {
                    anchored(k, k + 3); k += 3; words += 3; lastWord = k; continue
                }
                if v.isWord(k, grammar.words.nam) || v.isWord(k, grammar.words.giai), let e = years(v, k) {
                    anchored(k, e); k = e; lastWord = k; continue
                }
                if !v.capitalised[k], grammar.documentStops.match(v, at: k) != nil { break }
                // `của` + a body or place: the owner, after the name
                if grammar.ownerWords.contains(v.ids[k]), k + 1 < v.count,
                   grammar.organizationHeads.match(v, at: k + 1) != nil || grammar.levelWord(v, k + 1) != nil || grammar.gazetteerName(v, k + 1) != nil
                    || grammar.knownOrganizations.match(v, at: k + 1) != nil || v.isAllCaps(k + 1) { break }
                if words == 0, !v.capitalised[k], grammar.levels.match(v, at: k) != nil { break }
                if v.capitalised[k] { anchored(k, k + 1) }
                k += 1
                words += 1
                lastWord = k
            } else if v.isNumeral(k), k > j, v.tokens[k].kind != .number || grammar.isUnitNumber(v, k) {
                if v.tokens[k].kind != .number { anchored(k, k + 1) }
                k += 1
                lastWord = k
            } else if v.isPunctuation(k, "("), k + 3 < v.count, v.isWord(k + 1, grammar.words.khoa), v.isPunctuation(k + 3, ")") {
                anchored(k, k + 4)
                k += 4
                lastWord = k
            } else if v.isPunctuation(k, "-"), k > j, v.isCapitalisedWord(k + 1) || v.isNumeral(k + 1), v.isCapitalisedWord(k - 1) || v.isNumeral(k - 1) {
                k += 1
            } else {
                break
            }
        }
        return lastWord > j ? (lastWord, anchor, firstAnchor, words) : nil
    }

    /// `năm 2016`, `giai đoạn 2011 - 2020`, `giai đoạn 2021-2030` from `k`: the end, or nil.
    private func years(_ v: TokenView, _ k: Int) -> Int? {
        let year = v.isWord(k, grammar.words.nam)
        var j = k + (year ? 1 : 2)
        guard year || (v.isWord(k, grammar.words.giai) && v.isWord(k + 1, grammar.words.doan)) else { return nil }
        guard j < v.count, v.tokens[j].kind == .number || v.tokens[j].kind == .range else { return nil }
        j += 1
        if j + 1 < v.count, v.isPunctuation(j, "-"), v.tokens[j + 1].kind == .number { j += 2 }
        return j
    }
}
