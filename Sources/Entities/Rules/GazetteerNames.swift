import VietText

/// Places named without a level word that the gazetteer knows: provinces and districts (`Sông Lô`,
/// `Tam Đảo`), countries (`Việt Nam`), regions (`Tây Nguyên`), rivers, lakes, mountains, seas and
/// islands. A name matches a whole run of capitalised syllables (`Tam Đảo` in `Huyện ủy Tam Đảo`
/// is left to the organisation rules: the run there starts at `Huyện`), case as written.
enum GazetteerNames {
    /// Every known name (and other name) of a place, split into syllables, longest first.
    static func names(_ lexicon: EntityLexicon) -> [String: [[String]]] {
        var all: Set<String> = []
        for p in lexicon.provinces { all.insert(p.name); all.formUnion(p.otherNames) }
        for d in lexicon.districts where !d.name.hasPrefix("Quận ") { all.insert(d.name) }
        for (name, others) in lexicon.countries { all.insert(name); all.formUnion(others) }
        for (name, others) in lexicon.regions { all.insert(name); all.formUnion(others) }
        for name in lexicon.features.keys { all.insert(name) }
        // keyed by the first syllable; only names that open with a capital letter
        var byFirst: [String: [[String]]] = [:]
        for name in all {
            let syllables = name.split(separator: " ").map(String.init)
            guard let first = syllables.first, Places.isCapitalised(first) else { continue }
            byFirst[first, default: []].append(syllables)
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.count > $1.count } }
        return byFirst
    }

    static func find(in text: AnalyzedText, names: [String: [[String]]], skipping taken: [Range<Int>]) -> [EntityMention] {
        let tokens = text.tokens
        var found: [EntityMention] = []
        var i = 0
        while i < tokens.count {
            // the start of a run of capitalised syllables
            guard tokens[i].kind == .syllable, Places.isCapitalised(text.original(tokens[i])),
                  i == 0 || !(tokens[i - 1].kind == .syllable && Places.isCapitalised(text.original(tokens[i - 1])) && Places.adjacent(tokens, i, text))
            else { i += 1; continue }
            var end = i
            while end < tokens.count, tokens[end].kind == .syllable, Places.isCapitalised(text.original(tokens[end])),
                  end == i || Places.adjacent(tokens, end, text) { end += 1 }
            let run = (i..<end).map { text.original(tokens[$0]) }
            if let candidates = names[run[0]], let name = candidates.first(where: { $0 == run }) {
                let range = tokens[i].range.lowerBound..<tokens[i + name.count - 1].range.upperBound
                if !taken.contains(where: { $0.overlaps(range) }) {
                    found.append(EntityMention(kind: .place, range: range, text: Places.original(range, in: text)))
                }
            }
            i = end
        }
        return found
    }
}
