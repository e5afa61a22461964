import VietText

/// Documents (`document-heads.tsv`): a head (`Nghị quyết`, `Chỉ thị`, `Luật`, `đề án`) with a
/// number or code (`Chỉ thị số 28-CT/TW`, `Quyết định 1234/QĐ-UBND`, `Nghị quyết 20`) and/or a
/// name that opens with a capitalised word (`Luật Ngân sách nhà nước`, `Nghị quyết Đại hội Đảng
/// bộ tỉnh lần thứ XVI`). The name runs over lower-case words, numerals, `lần thứ`, `khóa XII`
/// and years (`giai đoạn 2011 - 2020`) until a word that ends names or punctuation.
struct Documents {
    let grammar: Grammar

    func find(_ v: TokenView) -> [EntityMention] {
        var found: [EntityMention] = []
        var i = 0
        while i < v.count {
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
        var coded = false
        if j < v.count, v.joined(j), v.isWord(j, grammar.words.so), j + 1 < v.count, isCode(v, j + 1) { j += 1 }
        if j < v.count, v.joined(j), isCode(v, j) {
            j += 1
            coded = true
            // `309 QĐ-TTg`, `02/2017- BYT`: the rest of a code written apart
            if j < v.count, v.joined(j), isCode(v, j) || (v.isAllCaps(j) && v.gap[j] == .space && v.tokens[j - 1].kind == .number) { j += 1 }
            else if j + 1 < v.count, v.isPunctuation(j, "-"), v.isAllCaps(j + 1) { j += 2 }
        }
        let named = name(v, j)
        let end = named ?? j
        if coded { return end }
        guard named != nil || (head.length > 1 && head.value == "no" && v.capitalised[i]) else { return nil }
        // without a number, a name: it opens with a capitalised word within two words
        if let n = named, !(j..<min(n, j + 3)).contains(where: { v.isCapitalisedWord($0) }) { return nil }
        // a head in lower case (`quy hoạch`, `kế hoạch`) is a common noun unless a capitalised name
        // follows it at once, and that name is no place (`quy hoạch TP Đà Nẵng`)
        if !v.capitalised[i], !v.isCapitalisedWord(j) || grammar.levelWord(v, j) != nil || grammar.gazetteerName(v, j) != nil { return nil }
        // `báo cáo UBND TP`: a body after the head is who wrote it, not the document's name
        if named != nil, head.value == "yes" || !v.capitalised[i], grammar.organizationHeads.match(v, at: j) != nil || (v.isAllCaps(j) && grammar.organizationAbbreviationIDs.contains(v.ids[j])) { return nil }
        if !v.capitalised[i], named == nil { return nil }
        return end
    }

    /// A document number or code: `28-CT/TW`, `1234/QĐ-UBND`, `20`, `02/2017`.
    private func isCode(_ v: TokenView, _ j: Int) -> Bool {
        switch v.tokens[j].kind {
        case .code, .number, .date, .fraction: return true
        default: return false
        }
    }

    /// The end of a document's name from `j`, or nil when no name follows.
    private func name(_ v: TokenView, _ j: Int) -> Int? {
        var k = j
        var lastWord = j
        var words = 0
        while k < v.count, v.joined(k), words < 30 {
            if v.isWord(k) {
                if v.isWord(k, grammar.words.lan), k + 2 < v.count, v.isWord(k + 1, grammar.words.thu) { k += 2; words += 2; if v.isNumeral(k) || v.isWord(k) { k += 1; lastWord = k }; continue }
                if v.isWord(k, grammar.words.nam) || v.isWord(k, grammar.words.giai), years(v, k) != nil { k = years(v, k)!; lastWord = k; continue }
                if !v.capitalised[k], grammar.isStop(v, k) { break }
                if words == 0, !v.capitalised[k], grammar.levels.match(v, at: k) != nil { break }
                k += 1
                words += 1
                lastWord = k
            } else if v.isNumeral(k), k > j {
                k += 1
                lastWord = k
            } else if v.isPunctuation(k, "("), k + 3 < v.count, v.isWord(k + 1, grammar.words.khoa), v.isPunctuation(k + 3, ")") {
                k += 4
                lastWord = k
            } else if v.isPunctuation(k, "-"), k > j, v.isCapitalisedWord(k + 1) || v.isNumeral(k + 1), v.isCapitalisedWord(k - 1) || v.isNumeral(k - 1) {
                k += 1
            } else {
                break
            }
        }
        return lastWord > j ? lastWord : nil
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
