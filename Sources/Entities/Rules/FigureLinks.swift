import VietText

/// What and where a figure is about, from the entities of its sentence (`../shared/spec/entities.md`,
/// issue 8): the subject is the organisation nearest before the figure in its sentence (`Đảng bộ
/// tỉnh kết nạp được 9.711 đảng viên`), else a phrase that names the whole unit (`toàn tỉnh`); the
/// place is the most specific place of the sentence (the nearest before the figure among those of
/// the lowest level, else the first after it), else the article's own unit when the sentence
/// names it by its level (`toàn tỉnh`, `tỉnh ta`).
public struct FigureLink: Sendable, Equatable {
    /// The name: the words, or the unit they resolve to.
    public var text: String
    /// The index of the mention in the mentions given, when the link is one.
    public var mention: Int?
    /// The UTF-16 range of the words, when the sentence says them.
    public var range: Range<Int>?
    /// For a place: the larger places it lies in.
    public var within: [String]
}

public struct FigureLinks: Sendable {
    let lexicon: EntityLexicon

    init(lexicon: EntityLexicon) { self.lexicon = lexicon }

    /// The subject and place of each figure (UTF-16 ranges in `text`), from `mentions` (those
    /// of `text`, in text order) and the article's own units (`home`: `tỉnh Vĩnh Phúc`, ...).
    func links(figures: [Range<Int>], found: TextEntities, in text: AnalyzedText,
               home: ArticleHome) -> [(subject: FigureLink?, place: FigureLink?)] {
        let mentions = found.mentions
        let ranks = mentions.map { $0.kind == .place ? $0.rank ?? rank($0) : 0 }
        var results: [(subject: FigureLink?, place: FigureLink?)] = []
        results.reserveCapacity(figures.count)
        var s = 0
        var firstMention = 0
        for figure in figures {
            while s < text.sentences.count, text.sentences[s].range.upperBound <= figure.lowerBound { s += 1 }
            guard s < text.sentences.count else { results.append((nil, nil)); continue }
            let sentence = text.sentences[s].range
            while firstMention < mentions.count, mentions[firstMention].range.upperBound <= sentence.lowerBound { firstMention += 1 }
            var inSentence: [Int] = []
            var m = firstMention
            while m < mentions.count, mentions[m].range.lowerBound < sentence.upperBound {
                if mentions[m].range.upperBound <= sentence.upperBound { inSentence.append(m) }
                m += 1
            }
            let phrase = found.unitPhrases.last { $0.range.lowerBound >= sentence.lowerBound && $0.range.upperBound <= figure.lowerBound }
                .map { (text: $0.text, range: $0.range, level: $0.level) }
            let subject = subject(figure, inSentence, mentions, phrase, home)
            var place = place(figure, inSentence, mentions, ranks, phrase, home)
            // a body named by its level only (`Đảng bộ tỉnh`, `UBND huyện`) is the article's own unit's
            if place == nil, let m = subject?.mention, mentions[m].kind == .organization,
               let level = mentions[m].text.split(separator: " ").last.map({ $0.lowercased() }), lexicon.levels[level] != nil,
               let unit = home.unit(level: level) {
                place = FigureLink(text: unit, mention: nil, range: nil, within: home.within(unit, rank: lexicon.levels[level] ?? 0))
            }
            results.append((subject, place))
        }
        return results
    }

    private func subject(_ figure: Range<Int>, _ candidates: [Int], _ mentions: [EntityMention],
                         _ phrase: (text: String, range: Range<Int>, level: String?)?, _ home: ArticleHome) -> FigureLink? {
        if let m = candidates.last(where: { mentions[$0].kind == .organization && mentions[$0].range.upperBound <= figure.lowerBound }),
           phrase.map({ $0.range.upperBound <= mentions[m].range.lowerBound }) ?? true {
            return FigureLink(text: mentions[m].text, mention: m, range: mentions[m].range, within: [])
        }
        if let phrase { return FigureLink(text: phrase.text, mention: nil, range: phrase.range, within: []) }
        return nil
    }

    private func place(_ figure: Range<Int>, _ candidates: [Int], _ mentions: [EntityMention], _ ranks: [Int],
                       _ phrase: (text: String, range: Range<Int>, level: String?)?, _ home: ArticleHome) -> FigureLink? {
        let places = candidates.filter { mentions[$0].kind == .place }
        let before = places.filter { mentions[$0].range.upperBound <= figure.lowerBound }
        let pool = before.isEmpty ? Array(places.filter { mentions[$0].range.lowerBound >= figure.upperBound }.prefix(1)) : before
        if let best = pool.max(by: { (ranks[$0], $0) < (ranks[$1], $1) }) {
            let name = mentions[best].text
            return FigureLink(text: name, mention: best, range: mentions[best].range, within: home.within(name, rank: ranks[best]))
        }
        if let phrase, let level = phrase.level, let unit = home.unit(level: level) {
            return FigureLink(text: unit, mention: nil, range: nil, within: home.within(unit, rank: lexicon.levels[level] ?? 0))
        }
        return nil
    }

    /// The place's level: 1 province ... 4 hamlet, 0 a country or region, 5 a facility.
    func rank(_ m: EntityMention) -> Int {
        let words = m.text.lowercased().split(separator: " ")
        for n in stride(from: min(3, words.count - 1), through: 1, by: -1) {
            if let r = lexicon.levels[words[0..<n].joined(separator: " ")] { return r }
        }
        if lexicon.provinceNames.contains(m.text) { return 1 }
        if lexicon.districtNames.contains(m.text) { return 2 }
        return 0
    }
}

/// The units an article is about: its province (the one it names most, or first), and the
/// provinces of the districts it names.
public struct ArticleHome: Sendable, Equatable {
    /// Level word -> the unit's full name (`tỉnh` -> `tỉnh Vĩnh Phúc`).
    public var units: [String: String] = [:]
    /// District name -> its province's full name.
    var provinceOf: [String: String] = [:]

    public init() {}

    func unit(level: String) -> String? { units[level] }

    /// The larger places a place of `rank` lies in.
    func within(_ name: String, rank: Int) -> [String] {
        guard rank >= 2, let province = units["tỉnh"] ?? units["thành phố"] else { return [] }
        let bare = name.split(separator: " ").drop { $0.first?.isLowercase ?? false }.joined(separator: " ")
        if let p = provinceOf[bare] { return [p] }
        return [province]
    }

    /// The home of an article from its place mentions (the whole article or its first piece).
    static func of(_ mentions: [EntityMention], lexicon: EntityLexicon) -> ArticleHome {
        var count: [String: Int] = [:]
        var order: [String] = []
        for m in mentions where m.kind == .place {
            // a province by name, or by one of its districts when only one province has it
            // (`Tam Đảo`, `huyện Sông Lô`: Vĩnh Phúc)
            let bare = m.name ?? m.text
            guard let name = lexicon.provincesByName[bare]?.name ?? lexicon.provinceOfDistrict[bare] ?? (m.name == nil ? lexicon.province(named: m.text)?.name : nil)
            else { continue }
            if count[name] == nil { order.append(name) }
            count[name, default: 0] += 1
        }
        var home = ArticleHome()
        if let best = order.max(by: { (count[$0]!, -order.firstIndex(of: $0)!) < (count[$1]!, -order.firstIndex(of: $1)!) }),
           let p = lexicon.province(named: best) {
            let full = p.name.hasPrefix("Thành phố") ? p.name : "\(p.level) \(p.name)"
            home.units[p.level] = full
            for d in lexicon.districtsByProvince[p.name] ?? [] { home.provinceOf[d] = full }
        }
        return home
    }
}
