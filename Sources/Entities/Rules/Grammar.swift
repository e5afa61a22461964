import VietText

/// The entity rules' language data compiled once into lookup tables (`EntityLexicon` -> tables
/// keyed by first word), and the name-reading steps the rule families share: capitalised runs,
/// lower-case words bridged to a capitalised name, a level word with its name.
struct Grammar: Sendable {
    enum Complement: String, Sendable { case place, levelPlace = "level-place", name, org, none }

    struct OrganizationHead: Sendable {
        var complements: [Complement]
        var standalone: Bool
    }

    let lexicon: EntityLexicon
    let vocabulary: Vocabulary
    /// Ids of the words the rules name one by one.
    let words: Words
    let pluralMarkers: IDSet
    let surnames: IDSet
    let numberedLevelIDs: IDSet
    /// The names of years (`Đinh Dậu`): their second word.
    let earthlyBranches: IDSet
    /// Words before `:` that credit a photo or a text (`Ảnh:`).
    let creditWords: IDSet
    let compoundIDs: Set<Int64>
    let organizationHeads: PhraseTable<OrganizationHead>
    /// Names that are an organisation on their own, compared as written (`Tỉnh ủy`, `Petrolimex`).
    let knownOrganizations: PhraseTable<[Written]>
    let levels: PhraseTable<Int>
    /// Generic groups that are never entities (`đảng bộ cơ sở`, `các cấp ủy`).
    let genericGroups: PhraseTable<Bool>
    /// Words that form one word with a level word after them (`nông thôn`, `văn bản`).
    static let levelCompounds: Set<String> = ["nông thôn", "hợp tác xã", "văn bản", "cơ bản", "kịch bản", "phiên bản", "xuất bản", "tái bản",
                                       "nhân bản", "căn bản", "nguyên bản", "cổ phần", "yêu cầu", "nhu cầu", "toàn cầu", "địa cầu",
                                       "thị trường", "môi trường", "chiến trường", "hiện trường", "nông trường", "thương trường", "học đường",
                                       "con đường", "lên đường", "trên đường", "lòng hồ", "ao hồ"]

    /// Whether the word at `k` forms one word with the one before it (`yêu cầu`, `nông thôn`).
    func inCompound(_ v: TokenView, _ k: Int) -> Bool {
        k > 0 && v.joined(k) && v.ids[k - 1] >= 0 && v.ids[k] >= 0 && compoundIDs.contains(Int64(v.ids[k - 1]) << 32 | Int64(v.ids[k]))
    }

    /// The word before `i` makes it generic (`các tỉnh`, `những công ty`).
    func afterPlural(_ v: TokenView, _ i: Int) -> Bool { i > 0 && v.joined(i) && pluralMarkers.contains(v.ids[i - 1]) }

    /// A capitalised family name at `k`.
    func isSurname(_ v: TokenView, _ k: Int) -> Bool { k < v.count && v.capitalised[k] && surnames.contains(v.ids[k]) }

    /// A word that cannot open a name after a level or facility word (`TP. Theo ...`, `TP. Bí thư`).
    func opensNoName(_ v: TokenView, _ j: Int) -> Bool {
        isStop(v, j) || (creditWords.contains(v.ids[j]) && v.isPunctuation(j + 1, ":")) || titles.match(v, at: j) != nil || organizationHeads.match(v, at: j) != nil
    }
    let titles: PhraseTable<Bool>
    let forms: PhraseTable<Bool>
    let documentHeads: PhraseTable<String>
    let infrastructureHeads: PhraseTable<Bool>
    let nameComplements: PhraseTable<Bool>
    let stops: PhraseTable<Bool>
    /// The words that end a document's name: the name stops but those a title runs over
    /// (`của`, `về`, `cho`, `thực hiện`: `Chương trình hành động của Chính phủ thực hiện Nghị quyết số 08`).
    let documentStops: PhraseTable<Bool>
    /// Words that cannot open a document's name (`kế hoạch của UBND tỉnh`, `báo cáo với Bí thư`).
    let ownerWords: IDSet
    /// Words of a road or line before its segments (`đoạn Pháp Vân-Cao Bồ`, `tuyến metro số 1 (Bến Thành - Suối Tiên)`).
    let segmentWords: IDSet
    /// The last word of what comes before a person's name that is also a place's
    /// (`tư tưởng Hồ Chí Minh`, `Chủ tịch Hồ Chí Minh`).
    let personContext: IDSet
    let tickerCues: PhraseTable<Bool>
    let unitPhrases: PhraseTable<String?>
    /// Gazetteer names (provinces, districts, countries, regions, features) with their rank.
    let places: PhraseTable<[(written: Written, rank: Int)]>
    /// Abbreviations that name an organisation alone (`TTXVN`, `MTTQ`).
    let organizationAbbreviations: Set<String>
    /// The same as vocabulary ids (compared on tokens written in capitals).
    let organizationAbbreviationIDs: IDSet
    /// Level abbreviations by vocabulary id, and as UTF-16 prefixes for glued tokens (`TP.Hà`).
    let levelAbbreviationIDs: [Int32: Int]
    let levelAbbreviationPrefixes: [([UInt16], Int)]
    /// Abbreviated titles written before a name (`GS`, `TS`, `KTS`).
    let titleAbbreviations: Set<String>

    init(_ lexicon: EntityLexicon) {
        self.lexicon = lexicon
        let vocabulary = Vocabulary()
        self.vocabulary = vocabulary
        words = Words(vocabulary)
        pluralMarkers = IDSet(lexicon.pluralMarkers.map { vocabulary.add($0) })
        surnames = IDSet(lexicon.surnames.filter { !$0.contains(" ") }.map { vocabulary.add($0) })
        compoundIDs = Set(Self.levelCompounds.compactMap { pair -> Int64? in
            let w = vocabulary.add(phrase: pair)
            return w.count == 2 ? Int64(w[0]) << 32 | Int64(w[1]) : nil
        })
        earthlyBranches = IDSet(["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Tị", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"].map { vocabulary.add($0) })
        creditWords = IDSet(["ảnh", "nguồn", "bài", "clip"].map { vocabulary.add($0) })
        numberedLevelIDs = IDSet(Self.numberedLevels.map { vocabulary.add($0.split(separator: " ").first.map(String.init) ?? $0) })
        organizationHeads = PhraseTable(lexicon.organizationHeads.map { h in
            (h.head, OrganizationHead(complements: h.complements.compactMap(Complement.init(rawValue:)),
                                      standalone: lexicon.standaloneOrganizations.contains(h.head) || h.complements.contains("none")))
        }, vocabulary)
        let known = Array(lexicon.standaloneOrganizations) + lexicon.organizationNames
        knownOrganizations = PhraseTable(Dictionary(grouping: known, by: { $0.lowercased() }).map { ($0.key, $0.value.map(Written.init)) }, vocabulary)
        levels = PhraseTable(lexicon.levels.filter { !$0.key.contains("thuộc") }.map { ($0.key, $0.value) }, vocabulary)
        genericGroups = PhraseTable(lexicon.genericGroups.map { ($0, true) }, vocabulary)
        var short: [String: Int] = [:]
        for (abbreviation, rank) in [("TP", 1), ("TP.", 1), ("Tp.", 1), ("Tp", 1), ("Q.", 2), ("H.", 2), ("TX", 2), ("TX.", 2),
                                     ("P.", 3), ("X.", 3), ("TT.", 3)] { short[abbreviation] = rank }
        titles = PhraseTable(lexicon.personTitles.map { ($0, true) }, vocabulary)
        forms = PhraseTable(lexicon.formsOfAddress.map { ($0, true) }, vocabulary)
        documentHeads = PhraseTable(lexicon.documentHeads.map { ($0.key, $0.value) }, vocabulary)
        infrastructureHeads = PhraseTable(lexicon.infrastructureHeads.map { ($0, true) } + [("QL", true), ("TL", true), ("tuyến metro", true), ("metro", true)], vocabulary)
        nameComplements = PhraseTable(lexicon.nameComplements.map { ($0, true) }, vocabulary)
        stops = PhraseTable(lexicon.nameStops.map { ($0, true) }, vocabulary)
        let inTitles: Set<String> = ["của", "về", "cho", "tại", "trên", "các", "những", "thực hiện", "triển khai", "đầu tư", "xây dựng",
                                     "phê duyệt", "quyết định", "tổ chức", "năm", "tháng", "ngày", "quý", "báo cáo", "kiểm tra", "đánh giá",
                                     "tăng", "giảm", "đến", "tới", "từ", "đối với"]
        segmentWords = IDSet(["đoạn", "tuyến", "tốc", "metro", "sắt", "lộ", "nối"].map { vocabulary.add($0) })
        personContext = IDSet(["tưởng", "đức", "cách", "bác", "tịch", "lăng", "gương"].map { vocabulary.add($0) })
        ownerWords = IDSet(["của", "với", "về", "tại", "cho", "và", "trên", "từ", "đến", "theo"].map { vocabulary.add($0) })
        documentStops = PhraseTable(lexicon.nameStops.filter { !inTitles.contains($0) }.map { ($0, true) }, vocabulary)
        tickerCues = PhraseTable(lexicon.tickerCues.map { ($0, true) }, vocabulary)
        unitPhrases = PhraseTable(lexicon.subjectPhrases.map { ($0.phrase, $0.level) }, vocabulary)
        var names: [(String, Int)] = []
        for p in lexicon.provinces { names.append((p.name, 1)); names += p.otherNames.map { ($0, 1) } }
        for d in lexicon.districts where !d.name.hasPrefix("Quận ") { names.append((d.name, 2)) }
        for (name, others) in lexicon.countries { names.append((name, 0)); names += others.map { ($0, 0) } }
        for (name, others) in lexicon.regions { names.append((name, 0)); names += others.map { ($0, 0) } }
        for name in lexicon.features.keys { names.append((name, 0)) }
        let bodies = Set(lexicon.abbreviations.values.filter { $0.kind == "organization" }.map(\.abbreviation)).union(lexicon.standaloneOrganizations)
        names.removeAll { bodies.contains($0.0) }
        var grouped: [String: [(written: Written, rank: Int)]] = [:]
        for (name, rank) in names {
            let key = name.lowercased()
            if grouped[key]?.contains(where: { $0.written == Written(name) }) == true { continue }
            grouped[key, default: []].append((Written(name), rank))
        }
        places = PhraseTable(grouped.map { ($0.key, $0.value) }, vocabulary)
        organizationAbbreviations = Set(lexicon.abbreviations.values.filter { $0.kind == "organization" }.map(\.abbreviation))
        organizationAbbreviationIDs = IDSet(organizationAbbreviations.map { vocabulary.add($0) })
        levelAbbreviationIDs = Dictionary(short.map { (vocabulary.add($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        levelAbbreviationPrefixes = short.filter { $0.key.hasSuffix(".") }.map { (Array($0.key.utf16), $0.value) }
        titleAbbreviations = Set(lexicon.abbreviations.values.filter { $0.kind == "title" }.map(\.abbreviation)).union(["KTS", "NSƯT", "NSND", "Ths", "BSCK", "LS", "TSKH"])
    }

    // MARK: - reading names

    /// A word that ends a name read over lower-case words.
    func isStop(_ v: TokenView, _ i: Int) -> Bool { stops.match(v, at: i) != nil }

    /// A run of capitalised words from `j` (with numerals after a word, and `-`, `–`, `&`
    /// between capitalised words): its end, or `j` when there is none.
    func capitalisedRun(_ v: TokenView, _ j: Int, limit: Int = 10, stopAtSurname: Bool = false, hyphens: Bool = true) -> Int {
        var k = j
        while k < v.count, k - j < limit {
            if v.isCapitalisedWord(k), k == j || v.joined(k) {
                // a caption credit (`Ảnh:`) or the head of the next body in a list (`Công ty`)
                if k > j, v.isPunctuation(k + 1, ":") || (organizationHeads.match(v, at: k).map { $0.length > 1 } ?? false) { break }
                if stopAtSurname, k > j, v.isAllCaps(k - 1), isSurname(v, k), v.isCapitalisedWord(k + 1) { break }
                k += 1
            } else if k > j, v.isNumeral(k), v.joined(k), v.tokens[k].kind != .number || isUnitNumber(v, k, digits: 2) {
                k += 1
            } else if k > j, v.tokens[k].kind != .syllable, hyphens ? (v.isPunctuation(k, "-") || v.isPunctuation(k, "–") || v.isPunctuation(k, "&")) : v.isPunctuation(k, "&"), v.isCapitalisedWord(k + 1), v.joined(k + 1), v.gap[k] != .line {
                k += 2
            } else {
                break
            }
        }
        return k
    }

    /// Lower-case words from `j` that lead on to a capitalised word (`đa khoa` in `Bệnh viện đa
    /// khoa Đống Đa`): the index of that capitalised word, or nil.
    func bridge(_ v: TokenView, _ j: Int, limit: Int = 4) -> Int? {
        var k = j
        while k < v.count, k - j <= limit, v.joined(k) {
            if v.isCapitalisedWord(k) { return k > j && !v.isAllCaps(k) && organizationHeads.match(v, at: k) == nil ? k : nil }
            guard v.tokens[k].kind == .syllable, !isStop(v, k), levels.match(v, at: k) == nil else { return nil }
            k += 1
        }
        return nil
    }

    /// A name from `j`: a field of a body (`Nông nghiệp và Phát triển nông thôn`) or capitalised
    /// words, extended over lower-case words that lead to more capitalised words.
    func name(_ v: TokenView, _ j: Int) -> Int? {
        var k = j
        if let c = nameComplements.match(v, at: j), v.capitalised[j] {
            k = j + c.length
        } else if v.isCapitalisedWord(j), v.joined(j) || j == 0 {
            k = capitalisedRun(v, j, stopAtSurname: true)
        } else if let b = bridge(v, j) {
            k = capitalisedRun(v, b, stopAtSurname: true)
        } else {
            return nil
        }
        while k < v.count, v.joined(k), !personStarts(v, k) {
            if v.isCapitalisedWord(k), levelOrPlaceStarts(v, k) == false {
                k = capitalisedRun(v, k, stopAtSurname: true)
            } else if let b = bridge(v, k), levelOrPlaceStarts(v, b) == false {
                k = capitalisedRun(v, b, stopAtSurname: true)
            } else {
                break
            }
        }
        // a name's last word in lower case before a word that ends names (`Hóa dầu Quân đội` | `và`)
        if k > j, k < v.count, v.joined(k), v.tokens[k].kind == .syllable, !v.capitalised[k], !isStop(v, k),
           levels.match(v, at: k) == nil,
           k + 1 >= v.count || !v.joined(k + 1) || v.tokens[k + 1].kind == .punctuation || v.isWord(k + 1, words.va) {
            k += 1
        }
        return k > j ? k : nil
    }

    /// A family name then another capitalised syllable: a person's name starts at `k`.
    func personStarts(_ v: TokenView, _ k: Int) -> Bool {
        isSurname(v, k) && v.isCapitalisedWord(k + 1) && v.joined(k + 1) && !v.isAllCaps(k + 1)
    }

    /// Whether a place with its level word, or an organisation, starts at `k` (where a name ends
    /// and its owner begins: `Sở Nội vụ` | `tỉnh Cà Mau`).
    private func levelOrPlaceStarts(_ v: TokenView, _ k: Int) -> Bool {
        levelWord(v, k) != nil || organizationHeads.match(v, at: k) != nil
    }

    /// A level word at `k` (`tỉnh`, `thị trấn`, `TP`, `Q.`): its length in tokens and rank, and
    /// whether the token also holds the name's first word (`TP.Hà` of `TP.Hà Nội`).
    func levelWord(_ v: TokenView, _ k: Int) -> (length: Int, rank: Int, glued: Bool)? {
        guard v.isWord(k) else { return nil }
        if let m = levels.match(v, at: k) { return inCompound(v, k) ? nil : (m.length, m.value, false) }
        guard v.tokens[k].kind == .abbreviation else { return nil }
        // the case as written: `TP`, `Tp.` (not `tp`)
        if let r = levelAbbreviationIDs[v.ids[k]], v.capitalised[k] { return (1, r, false) }
        let units = v.units[v.tokens[k].range]
        for (prefix, r) in levelAbbreviationPrefixes where units.count > prefix.count + 1 && units.starts(with: prefix) {
            let rest = units.dropFirst(prefix.count)
            if TokenView.isUpper(rest.first!), !rest.contains(0x2E) { return (1, r, true) }
        }
        return nil
    }

    /// A place written with its level word from `k` (`xã Lãng Công`, `TP.Hà Nội`, `quận 2`):
    /// its end, and whether a name follows the level word. `bare` accepts the level word alone
    /// (`Đảng bộ tỉnh`, `UBND TP`).
    func levelPlace(_ v: TokenView, _ k: Int, bare: Bool) -> (end: Int, named: Bool, rank: Int)? {
        guard let level = levelWord(v, k) else { return nil }
        let j = k + level.length
        if level.glued {
            // `TP.Hà Nội Nguyễn Đức Chung`: the longest known name, else the capitalised run
            let first = String(v.original[k].split(separator: ".", maxSplits: 1).last ?? "")
            for n in stride(from: 3, through: 0, by: -1) where j + n <= v.count && (j..<j + n).allSatisfy({ v.isWord($0) && v.joined($0) }) {
                let name = ([first] + (j..<j + n).map { v.original[$0] }).joined(separator: " ")
                if lexicon.provinceNames.contains(name) || lexicon.districtNames.contains(name) { return (j + n, true, level.rank) }
            }
            return (capitalisedRunAfterGlued(v, j), true, level.rank)
        }
        if j < v.count, v.joined(j) {
            if let g = gazetteerName(v, j, beforePerson: true) {
                // a gazetteer name (`tỉnh Quảng Bình`), with a number after it (`Mỹ Đình 1`)
                var e = g.end
                if level.rank >= 3, v.isNumeral(e), v.joined(e), v.length(e) == 1 || v.tokens[e].kind != .number { e += 1 }
                return (e, true, level.rank)
            }
            if v.isCapitalisedWord(j), !opensNoName(v, j) {
                // `tỉnh Nguyễn Văn Phóng` is a title's unit then a person: a province's name is
                // never a person's name
                if level.rank == 1, isSurname(v, j) { return bare ? (j, false, level.rank) : nil }
                let e = capitalisedRun(v, j, limit: 5, stopAtSurname: true, hyphens: false)
                return (e, true, level.rank)
            }
            if numberedLevelIDs.contains(v.ids[k]) || level.rank == 2 && !v.isWord(k, words.huyen),
               isUnitNumber(v, j) || (v.isWord(j, words.so) && isUnitNumber(v, j + 1)) {
                var e = v.isWord(j, words.so) ? j + 2 : j + 1
                if v.isCapitalisedWord(e), v.gap[e] == .none { e += 1 }
                return (e, true, level.rank)
            }
        }
        return bare ? (j, false, level.rank) : nil
    }

    /// Level words that take a number for a name (`quận 2`, `tổ dân phố 10`).
    static let numberedLevels: Set<String> = ["quận", "phường", "tổ", "khu phố", "khối", "ấp", "thôn", "xóm", "bản", "đội", "khu", "tổ dân phố", "khối phố", "Q."]

    /// A plain whole number (`2`, `15`), not a measure (`3,2`).
    func isUnitNumber(_ v: TokenView, _ j: Int, digits: Int = 3) -> Bool {
        j < v.count && v.tokens[j].kind == .number && v.length(j) <= digits && v.units[v.tokens[j].range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private func capitalisedRunAfterGlued(_ v: TokenView, _ j: Int) -> Int {
        var e = j
        while e < v.count, e - j < 4, v.isCapitalisedWord(e), v.joined(e), !v.isAllCaps(e) || v.length(e) == 1 { e += 1 }
        return e
    }

    /// Whether the tokens from `j` are `words` as written (the first may differ in case only
    /// when the gazetteer writes it in lower case: `miền Trung`).
    func matchesAsWritten(_ v: TokenView, _ j: Int, _ written: Written) -> Bool {
        guard j + written.capitals.count <= v.count else { return false }
        for (k, capital) in written.capitals.enumerated() where v.capitalised[j + k] != capital {
            if k == 0, !capital { continue }
            return false
        }
        return true
    }

    /// The same for words given as text (an article's authors), compared as written.
    func matchesAsWritten(_ v: TokenView, _ j: Int, _ words: [String]) -> Bool {
        guard j + words.count <= v.count else { return false }
        for (k, w) in words.enumerated() {
            let t = v.original[j + k]
            if t == w { continue }
            if k == 0, let first = w.first, first.isLowercase, t.lowercased() == w.lowercased() { continue }
            return false
        }
        return true
    }

    /// A gazetteer name at `j` as written, not the start of a longer capitalised name: its end and rank.
    func gazetteerName(_ v: TokenView, _ j: Int, beforePerson: Bool = false) -> (end: Int, rank: Int)? {
        guard let g = places.match(v, at: j), let entry = g.value.first(where: { matchesAsWritten(v, j, $0.written) }) else { return nil }
        let e = j + entry.written.capitals.count
        // not the start of a longer capitalised name (`Mỹ` of `Mỹ Đình`), unless a person's name,
        // a title or a word that ends names follows (`Thành ủy Hà Nội Ngô Thị Thanh Hằng`)
        if v.isCapitalisedWord(e), v.joined(e), !v.isAllCaps(e),
           !(beforePerson && (personStarts(v, e) || isStop(v, e) || titles.match(v, at: e) != nil)) { return nil }
        return (e, entry.rank)
    }
}

/// The ids of the words the rules name one by one.
struct Words: Sendable {
    let so, va, huyen, khoa, lan, thu, nam, giai, doan, tet, xuan, anh, theo, truong: Int32
    init(_ vocabulary: Vocabulary) {
        so = vocabulary.add("số"); va = vocabulary.add("và"); huyen = vocabulary.add("huyện"); khoa = vocabulary.add("khóa")
        lan = vocabulary.add("lần"); thu = vocabulary.add("thứ"); nam = vocabulary.add("năm"); giai = vocabulary.add("giai")
        doan = vocabulary.add("đoạn"); tet = vocabulary.add("tết"); xuan = vocabulary.add("xuân"); anh = vocabulary.add("ảnh")
        theo = vocabulary.add("theo"); truong = vocabulary.add("trường")
    }
}

/// How a name of the data is written: which of its words open with a capital (the words
/// themselves are matched by id, in any case).
struct Written: Sendable, Equatable {
    let capitals: [Bool]
    init(_ name: String) { capitals = name.split(separator: " ").map { $0.first?.isUppercase ?? false } }
}
