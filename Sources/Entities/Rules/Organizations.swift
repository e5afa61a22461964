import VietText

/// Organisations by the grammar of their names (`organization-heads.tsv`): a head word (`Ban`,
/// `Sở`, `Công ty Cổ phần`, `UBND`, `Huyện ủy`) and what completes it: a place (`Huyện ủy Tam
/// Đảo`), a level word and place (`UBND tỉnh Nghệ An`, `Đảng bộ tỉnh`), a name (`Bộ Tài chính`,
/// `Công ty Cổ phần Hóa dầu Quân đội`) or the owning organisation (`Ban Tổ chức Tỉnh ủy`); then
/// the owner of a name (`Sở Nội vụ tỉnh Cà Mau`) and the term (`Quốc hội khóa XIV`). Also the
/// bodies written alone (`Tỉnh ủy`, `Chính phủ`, `Petrolimex`), abbreviations that name one
/// (`TTXVN`), and stock tickers in a market article.
struct Organizations {
    let grammar: Grammar

    func find(_ v: TokenView) -> [EntityMention] {
        var found: [EntityMention] = []
        let tickers = tickerArticle(v)
        var i = 0
        while i < v.count {
            // `các sở` is generic, `các BV Bạch Mai, BV Việt Đức` names hospitals
            guard v.isWord(i), !afterPlural(v, i) || grammar.organizationHeads.match(v, at: i).map({ v.isCapitalisedWord(i + $0.length) && !v.isAllCaps(i + $0.length) }) ?? false
            else { i += 1; continue }
            // a person's title (`Bộ trưởng Bộ GTVT`): the bodies inside it are found after its first word
            if v.capitalised[i], let t = grammar.titles.match(v, at: i), grammar.knownOrganizations.match(v, at: i).map({ $0.length < t.length }) ?? true,
               grammar.organizationHeads.match(v, at: i).map({ $0.length < t.length }) ?? true {
                i += 1
                continue
            }
            // generic groups (`Đảng ủy cơ sở`, `các cấp ủy Đảng`) are no bodies
            if let g = grammar.genericGroups.match(v, at: i), g.length > 1 {
                i += g.length
                continue
            }
            // a photo credit (`Ảnh: Trường Khanh`) names a person
            if i >= 2, v.isPunctuation(i - 1, ":"), v.isWord(i - 2, grammar.words.anh), grammar.knownOrganizations.match(v, at: i) == nil { i += 1; continue }
            if let e = organization(v, i, depth: 0), !(e - i == 2 && v.isWord(i, grammar.words.truong)) {
                found.append(EntityMention(kind: .organization, range: v.range(i, e), text: v.string(i, e), name: expanded(v, i, e)))
                i = e
            } else if tickers, isTicker(v, i) {
                found.append(EntityMention(kind: .organization, range: v.range(i, i + 1), text: v.original[i]))
                i += 1
            } else {
                i += 1
            }
        }
        return found
    }

    /// The name with its abbreviations written out (`Bộ GTVT` -> `Bộ Giao thông vận tải`, `BYT` ->
    /// `Bộ Y tế`), so that a body written either way is one entity; nil when there is none.
    func expanded(_ v: TokenView, _ i: Int, _ e: Int) -> String? {
        guard (i..<e).contains(where: { v.isAllCaps($0) }) else { return nil }
        var out = ""
        var changed = false
        for k in i..<e {
            if k > i, v.gap[k] != .none { out += " " }
            let s = v.original[k]
            if v.isAllCaps(k), let a = grammar.lexicon.abbreviations[s], a.kind != "place", !a.expansion.isEmpty {
                out += a.expansion
                changed = true
            } else {
                out += s
            }
        }
        return changed ? out : nil
    }

    /// `các sở`, `những công ty`: generic.
    func afterPlural(_ v: TokenView, _ i: Int) -> Bool {
        grammar.afterPlural(v, i)
    }

    /// The end of the organisation's name that starts at `i`, or nil.
    func organization(_ v: TokenView, _ i: Int, depth: Int) -> Int? {
        // a body known by name, as written (`Chính phủ`, `Petrolimex`, `Tỉnh ủy`)
        var best: Int? = nil
        if let k = grammar.knownOrganizations.match(v, at: i), k.value.contains(where: { grammar.matchesAsWritten(v, i, $0) }) {
            best = i + k.length
        } else if v.isAllCaps(i), grammar.organizationAbbreviationIDs.contains(v.ids[i]),
                  grammar.organizationHeads.match(v, at: i) == nil {
            best = i + 1
        }
        if let b = best {
            // a standalone body with its place (`Huyện ủy Tam Đảo`, `BHXH Việt Nam`)
            var e = b
            if let head = grammar.organizationHeads.match(v, at: i), head.length == b - i {
                e = complete(v, i, head: head.value, from: b, depth: depth) ?? b
            } else if let p = placeAfter(v, b) {
                e = p
            }
            return term(v, e)
        }
        guard v.capitalised[i], let head = grammar.organizationHeads.match(v, at: i) else { return nil }
        let start = i + head.length
        guard var e = complete(v, i, head: head.value, from: start, depth: depth) else { return nil }
        e = term(v, e)
        // a head in lower case (`trường Chính trị tỉnh`) needs a capitalised word after it
        if !v.capitalised[i], !(start..<e).contains(where: { v.isCapitalisedWord($0) }) { return nil }
        return e
    }

    /// What completes a head, tried in the order the data gives; nil when nothing does and the
    /// head is no body on its own.
    private func complete(_ v: TokenView, _ i: Int, head: Grammar.OrganizationHead, from start: Int, depth: Int) -> Int? {
        var j = start
        // `Ủy ban nhân dân (UBND) tỉnh Hà Tĩnh`
        if v.isPunctuation(j, "("), v.isAllCaps(j + 1), v.isPunctuation(j + 2, ")") { j += 3 }
        guard j < v.count, v.joined(j) || v.isPunctuation(j - 1, ")") else { return head.standalone ? start : nil }
        for complement in head.complements {
            switch complement {
            case .place:
                if let e = placeAfter(v, j) { return e }
            case .levelPlace:
                if let p = grammar.levelPlace(v, j, bare: true) { return p.end }
            case .name:
                if let e = grammar.name(v, j) {
                    // the owner: `Sở Nội vụ tỉnh Cà Mau`, `Ban Tuyên giáo Thành ủy Hà Nội`
                    if e < v.count, v.joined(e) {
                        if let p = grammar.levelPlace(v, e, bare: false) { return p.end }
                        if let p = grammar.gazetteerName(v, e) { return p.end }
                        if depth < 2, takesPlace(v, e), let o = organization(v, e, depth: depth + 1) { return o }
                    }
                    return e
                }
            case .org:
                if depth < 2, let o = organization(v, j, depth: depth + 1) { return o }
            case .none:
                return start
            }
        }
        return head.standalone ? start : nil
    }

    /// Whether a body that owns others starts at `e`: a known body, or a head completed by a place
    /// (`Thành ủy`, `UBND`), not the next company of a list.
    private func takesPlace(_ v: TokenView, _ e: Int) -> Bool {
        if grammar.knownOrganizations.match(v, at: e) != nil { return true }
        if let h = grammar.organizationHeads.match(v, at: e) {
            return h.value.complements.contains(.place) || h.value.complements.contains(.levelPlace) || h.value.complements == [.none]
        }
        return v.isAllCaps(e) && grammar.organizationAbbreviationIDs.contains(v.ids[e])
    }

    /// A place right after a body's name: a gazetteer name, a capitalised name, or a level word
    /// with its name (`Thành ủy TP HCM`).
    private func placeAfter(_ v: TokenView, _ j: Int) -> Int? {
        guard j < v.count, v.joined(j) else { return nil }
        if let p = grammar.levelPlace(v, j, bare: false) { return p.end }
        if let g = grammar.gazetteerName(v, j, beforePerson: true) { return g.end }
        if v.isCapitalisedWord(j), !v.isAllCaps(j) || v.length(j) <= 4, grammar.organizationHeads.match(v, at: j) == nil,
           !grammar.isSurname(v, j), !grammar.opensNoName(v, j) {
            var e = grammar.capitalisedRun(v, j, limit: 4, stopAtSurname: true)
            if let s = (j + 1..<e).first(where: { grammar.personStarts(v, $0) || grammar.isStop(v, $0) }) { e = s }
            return e > j ? e : nil
        }
        return nil
    }

    /// `khóa XIV`, `(khóa XII)` after a body.
    private func term(_ v: TokenView, _ e: Int) -> Int {
        if e + 1 < v.count, v.joined(e), v.isWord(e, grammar.words.khoa), v.isNumeral(e + 1), v.joined(e + 1) { return e + 2 }
        return e
    }

    // MARK: - tickers

    /// A market article: one that names shares or an index (`ticker-cues.txt`).
    private func tickerArticle(_ v: TokenView) -> Bool {
        (0..<v.count).contains { grammar.tickerCues.match(v, at: $0) != nil }
    }

    /// Three capital letters that are no known abbreviation (`HPG`, `VPB`).
    private func isTicker(_ v: TokenView, _ i: Int) -> Bool {
        guard v.isAllCaps(i), v.length(i) == 3 else { return false }
        let s = v.original[i]
        guard s.utf8.count == 3, s.unicodeScalars.allSatisfy({ $0.value >= 0x41 && $0.value <= 0x5A }) else { return false }
        guard !grammar.lexicon.notTickers.contains(s), grammar.lexicon.abbreviations[s] == nil || grammar.organizationAbbreviations.contains(s) else { return false }
        // not inside a code (`NQ/TW`) or a hyphenated word
        if i + 1 < v.count, v.gap[i + 1] == .none, !v.original[i + 1].allSatisfy({ ",.;:)".contains($0) }) { return false }
        if i > 0, v.gap[i] == .none, !v.original[i - 1].allSatisfy({ "(\"'".contains($0) }) { return false }
        return true
    }
}
