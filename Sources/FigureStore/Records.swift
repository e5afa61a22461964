import Entities
import Figures
import Foundation
import GRDB
import SoLieu

/// A row of `article`: an article's metadata, text and blocks, with the hash of the content it
/// was analysed from and the extractor version that analysed it.
struct ArticleRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "article"
    static let figures = hasMany(FigureRecord.self, key: "figures")
    static let passages = hasMany(PassageRecord.self, key: "passages")

    var id: Int64?
    var name: String
    var source: String
    var format: String
    var title: String?
    var section: String?
    /// The ISO day (`2019-02-01`).
    var date: String?
    var year: Int?
    var published: String?
    /// Stored as a JSON array.
    var authors: [String]
    var text: String
    /// Stored as JSON.
    var blocks: [Block]
    var contentHash: String
    var extractorVersion: Int
    var figureCount: Int

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
        static let title = Column(CodingKeys.title)
        static let date = Column(CodingKeys.date)
        static let text = Column(CodingKeys.text)
        static let contentHash = Column(CodingKeys.contentHash)
        static let extractorVersion = Column(CodingKeys.extractorVersion)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    init(_ analysis: ArticleAnalysis, contentHash: String) {
        let a = analysis.article
        name = a.name
        source = a.source
        format = a.format.rawValue
        title = a.title
        section = a.section
        date = a.date?.description
        year = a.date?.year
        published = a.published
        authors = a.authors
        text = a.text
        blocks = a.blocks
        self.contentHash = contentHash
        extractorVersion = analysis.extractorVersion
        figureCount = analysis.figures.count
    }

    /// The article as the pipeline sees it.
    var article: Article {
        Article(name: name, source: source, format: SourceFormat(rawValue: format) ?? .text, title: title, section: section,
                date: date.flatMap(CalendarDay.init(iso:)), published: published, authors: authors, text: text, blocks: blocks)
    }
}

/// A row of `passage`: a run of an article's text that the full-text indexes hold: a figure's
/// sentence, or what a title, lead, paragraph or caption holds outside figure sentences. Passages
/// do not overlap, so each indexed word is indexed once. The text itself is not copied:
/// `start..<end` are Unicode-scalar offsets into the article's text (nil for a title that is
/// not part of the text: the passage is then the article's `title`).
struct PassageRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "passage"
    static let article = belongsTo(ArticleRecord.self, key: "article")

    var id: Int64?
    var articleId: Int64
    /// A `Block.Role` raw value.
    var role: String
    /// Set for a figure's sentence: the sentence's ordinal in the article.
    var sentenceIndex: Int?
    var start: Int?
    var end: Int?
    /// For a figure sentence: its figures' units as the folded index's `units` column holds them
    /// (`TextSearch.unitTokens`), in figure order, ` ; ` between them.
    var unitTokens: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let articleId = Column(CodingKeys.articleId)
        static let role = Column(CodingKeys.role)
        static let start = Column(CodingKeys.start)
        static let end = Column(CodingKeys.end)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Inserts the row through one cached statement (many passages per article: the record
    /// machinery of `insert(_:)` cost more than SQLite itself); its id.
    func insertRow(_ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO passage(articleId, role, sentenceIndex, start, "end", unitTokens) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [articleId, role, sentenceIndex, start, end, unitTokens])
        return db.lastInsertedRowID
    }

    /// Written by hand rather than through `Encodable` (many passages per article).
    func encode(to container: inout PersistenceContainer) {
        container[CodingKeys.id.stringValue] = id
        container[CodingKeys.articleId.stringValue] = articleId
        container[CodingKeys.role.stringValue] = role
        container[CodingKeys.sentenceIndex.stringValue] = sentenceIndex
        container[CodingKeys.start.stringValue] = start
        container[CodingKeys.end.stringValue] = end
        container[CodingKeys.unitTokens.stringValue] = unitTokens
    }
}

/// A row of `figure`. Values are exact decimals as text (`value`, `valueMax`, `precision`) beside
/// a REAL copy for range filters; the sentence is not copied (`sentenceStart..<sentenceEnd` in the
/// article's text); `unitKey` (lowercase NFC), `timeStart`/`timeEnd`/`year` and `articleDay` (the
/// article's date as `yyyymmdd`, for the default order) exist for filters and indexes.
struct FigureRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "figure"
    static let article = belongsTo(ArticleRecord.self, key: "article")

    var id: Int64?
    var articleId: Int64
    /// `Figure.id`: the ordinal in the article, from 1.
    var ordinal: Int
    var text: String
    var value: String
    var valueReal: Double
    var valueMax: String?
    var valueMaxReal: Double?
    var unit: String
    var unitKey: String
    var qualifier: String
    var rate: String?
    /// The period as the spec writes it (`2017-Q3`, `2015..2018`).
    var time: String?
    var timeStart: String?
    var timeEnd: String?
    /// The period's year when it lies within one year.
    var year: Int?
    var start: Int
    var end: Int
    var sentenceIndex: Int
    var sentenceStart: Int
    var sentenceEnd: Int
    var precision: String
    var numberStyle: String?
    /// The passage of the figure's sentence (what text search matches).
    var passageId: Int64?
    var articleDay: Int?
    /// `Figure.subject` (v2): its text, entity id and offsets. This and the place are stored in
    /// `figureContext` (`insertRow`), and read from there (`withContexts`).
    var subject: String?
    var subjectEntity: Int?
    var subjectStart: Int?
    var subjectEnd: Int?
    /// `Figure.place` (v2), with `within` as a JSON array (nil when empty).
    var place: String?
    var placeEntity: Int?
    var placeStart: Int?
    var placeEnd: Int?
    var placeWithin: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let articleId = Column(CodingKeys.articleId)
        static let ordinal = Column(CodingKeys.ordinal)
        static let valueReal = Column(CodingKeys.valueReal)
        static let valueMaxReal = Column(CodingKeys.valueMaxReal)
        static let unitKey = Column(CodingKeys.unitKey)
        static let qualifier = Column(CodingKeys.qualifier)
        static let timeStart = Column(CodingKeys.timeStart)
        static let timeEnd = Column(CodingKeys.timeEnd)
        static let year = Column(CodingKeys.year)
        static let sentenceStart = Column(CodingKeys.sentenceStart)
        static let sentenceEnd = Column(CodingKeys.sentenceEnd)
        static let passageId = Column(CodingKeys.passageId)
        static let articleDay = Column(CodingKeys.articleDay)
    }

    /// The key `unit` filters compare: lowercase, NFC.
    static func unitKey(_ unit: String) -> String { unit.precomposedStringWithCanonicalMapping.lowercased() }

    init(_ f: Figure, articleId: Int64, articleDay: Int?, sentence: Range<Int>, passageId: Int64?) {
        self.articleId = articleId
        ordinal = f.id
        text = f.text
        value = ExactDecimal.text(f.value)
        valueReal = ExactDecimal.double(f.value)
        valueMax = f.valueMax.map(ExactDecimal.text)
        valueMaxReal = f.valueMax.map(ExactDecimal.double)
        unit = f.unit
        unitKey = Self.unitKey(f.unit)
        qualifier = f.qualifier.rawValue
        rate = f.rate
        time = f.time?.description
        timeStart = f.time?.start.description
        timeEnd = f.time?.end.description
        year = f.time.flatMap { $0.from.year == $0.to.year ? $0.from.year : nil }
        start = f.start
        end = f.end
        sentenceIndex = f.sentenceIndex
        sentenceStart = sentence.lowerBound
        sentenceEnd = sentence.upperBound
        precision = ExactDecimal.text(f.precision)
        numberStyle = f.numberStyle?.rawValue
        self.passageId = passageId
        self.articleDay = articleDay
        if let c = f.subject {
            subject = c.text
            subjectEntity = c.entity
            subjectStart = c.start
            subjectEnd = c.end
        }
        if let c = f.place {
            place = c.text
            placeEntity = c.entity
            placeStart = c.start
            placeEnd = c.end
            placeWithin = c.within.isEmpty ? nil : StoredJSON.strings(c.within)
        }
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Read by hand rather than through `Decodable` (faster by some microseconds a row); the
    /// subject and place are not in the row (`withContexts`).
    init(row: Row) throws {
        id = row[CodingKeys.id.stringValue]
        articleId = row[CodingKeys.articleId.stringValue]
        ordinal = row[CodingKeys.ordinal.stringValue]
        text = row[CodingKeys.text.stringValue]
        value = row[CodingKeys.value.stringValue]
        valueReal = row[CodingKeys.valueReal.stringValue]
        valueMax = row[CodingKeys.valueMax.stringValue]
        valueMaxReal = row[CodingKeys.valueMaxReal.stringValue]
        unit = row[CodingKeys.unit.stringValue]
        unitKey = row[CodingKeys.unitKey.stringValue]
        qualifier = row[CodingKeys.qualifier.stringValue]
        rate = row[CodingKeys.rate.stringValue]
        time = row[CodingKeys.time.stringValue]
        timeStart = row[CodingKeys.timeStart.stringValue]
        timeEnd = row[CodingKeys.timeEnd.stringValue]
        year = row[CodingKeys.year.stringValue]
        start = row[CodingKeys.start.stringValue]
        end = row[CodingKeys.end.stringValue]
        sentenceIndex = row[CodingKeys.sentenceIndex.stringValue]
        sentenceStart = row[CodingKeys.sentenceStart.stringValue]
        sentenceEnd = row[CodingKeys.sentenceEnd.stringValue]
        precision = row[CodingKeys.precision.stringValue]
        numberStyle = row[CodingKeys.numberStyle.stringValue]
        passageId = row[CodingKeys.passageId.stringValue]
        articleDay = row[CodingKeys.articleDay.stringValue]
    }

    /// Inserts the row through one cached statement (a million figures are stored at a time:
    /// the record machinery of `insert(_:)` cost more than SQLite itself), and its subject and
    /// place (a `figureContext` row and index entries) when it has one; the row's id.
    @discardableResult
    func insertRow(_ db: Database) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO figure(articleId, ordinal, text, value, valueReal, valueMax, valueMaxReal, unit, unitKey, qualifier, rate,
                               time, timeStart, timeEnd, year, start, "end", sentenceIndex, sentenceStart, sentenceEnd, precision,
                               numberStyle, passageId, articleDay)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [articleId, ordinal, text, value, valueReal, valueMax, valueMaxReal, unit, unitKey, qualifier, rate,
                                     time, timeStart, timeEnd, year, start, end, sentenceIndex, sentenceStart, sentenceEnd, precision,
                                     numberStyle, passageId, articleDay])
        let id = db.lastInsertedRowID
        guard subject != nil || place != nil else { return id }
        try db.cachedStatement(sql: """
            INSERT INTO figureContext(figureId, subject, subjectEntity, subjectStart, subjectEnd, place, placeEntity, placeStart, placeEnd, placeWithin)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, subject, subjectEntity, subjectStart, subjectEnd, place, placeEntity, placeStart, placeEnd, placeWithin])
        if let place {
            try db.cachedStatement(sql: "INSERT INTO \(Schema.placeIndex)(rowid, place) VALUES (?, ?)")
                .execute(arguments: [id, Folding.foldingD(Self.placeIndexText(place: place, within: placeWithin))])
        }
        if let subject {
            try db.cachedStatement(sql: "INSERT INTO \(Schema.subjectIndex)(rowid, subject) VALUES (?, ?)")
                .execute(arguments: [id, Folding.foldingD(subject)])
        }
        return id
    }

    /// `records` with their subjects and places read from `figureContext`.
    static func withContexts(_ records: [FigureRecord], _ db: Database) throws -> [FigureRecord] {
        let ids = records.compactMap(\.id)
        guard !ids.isEmpty else { return records }
        var contexts: [Int64: Row] = [:]
        var i = 0
        while i < ids.count {
            let chunk = ids[i..<Swift.min(i + 500, ids.count)]
            i += 500
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM figureContext WHERE figureId IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                """, arguments: StatementArguments(Array(chunk)))
            for row in rows { contexts[row["figureId"]] = row }
        }
        return records.map { r in
            guard let id = r.id, let row = contexts[id] else { return r }
            var r = r
            r.setContext(row)
            return r
        }
    }

    /// Sets the subject and place from a row with `figureContext`'s columns.
    mutating func setContext(_ row: Row) {
        subject = row["subject"]
        subjectEntity = row["subjectEntity"]
        subjectStart = row["subjectStart"]
        subjectEnd = row["subjectEnd"]
        place = row["place"]
        placeEntity = row["placeEntity"]
        placeStart = row["placeStart"]
        placeEnd = row["placeEnd"]
        placeWithin = row["placeWithin"]
    }

    /// What the place index holds for a place (before `đ` is folded): as `Schema.placeIndexText`
    /// computes it in SQL, so that the trigger removes exactly these words.
    static func placeIndexText(place: String, within: String?) -> String { place + " " + (within ?? "") }

    /// Written by hand rather than through `Encodable`: a million figures are stored at a time.
    func encode(to container: inout PersistenceContainer) {
        container[CodingKeys.id.stringValue] = id
        container[CodingKeys.articleId.stringValue] = articleId
        container[CodingKeys.ordinal.stringValue] = ordinal
        container[CodingKeys.text.stringValue] = text
        container[CodingKeys.value.stringValue] = value
        container[CodingKeys.valueReal.stringValue] = valueReal
        container[CodingKeys.valueMax.stringValue] = valueMax
        container[CodingKeys.valueMaxReal.stringValue] = valueMaxReal
        container[CodingKeys.unit.stringValue] = unit
        container[CodingKeys.unitKey.stringValue] = unitKey
        container[CodingKeys.qualifier.stringValue] = qualifier
        container[CodingKeys.rate.stringValue] = rate
        container[CodingKeys.time.stringValue] = time
        container[CodingKeys.timeStart.stringValue] = timeStart
        container[CodingKeys.timeEnd.stringValue] = timeEnd
        container[CodingKeys.year.stringValue] = year
        container[CodingKeys.start.stringValue] = start
        container[CodingKeys.end.stringValue] = end
        container[CodingKeys.sentenceIndex.stringValue] = sentenceIndex
        container[CodingKeys.sentenceStart.stringValue] = sentenceStart
        container[CodingKeys.sentenceEnd.stringValue] = sentenceEnd
        container[CodingKeys.precision.stringValue] = precision
        container[CodingKeys.numberStyle.stringValue] = numberStyle
        container[CodingKeys.passageId.stringValue] = passageId
        container[CodingKeys.articleDay.stringValue] = articleDay
    }

    /// The figure, its sentence cut from `text` (the article's scalars).
    func figure(articleName: String, text: ArticleScalars) throws -> Figure {
        try figure(articleName: articleName, sentence: text.slice(sentenceStart..<sentenceEnd))
    }

    /// The figure, with its sentence.
    func figure(articleName: String, sentence: String) throws -> Figure {
        guard let value = ExactDecimal.parse(value), let precision = ExactDecimal.parse(precision) else {
            throw FigureStoreError.corrupt("figure \(id ?? 0) of \(articleName): value '\(self.value)' or precision '\(self.precision)' is not a decimal")
        }
        let valueMax = try self.valueMax.map { s -> Decimal in
            guard let d = ExactDecimal.parse(s) else { throw FigureStoreError.corrupt("figure \(id ?? 0): valueMax '\(s)'") }
            return d
        }
        let period = try time.map { s -> Period in
            guard let p = Period(s) else { throw FigureStoreError.corrupt("figure \(id ?? 0): time '\(s)'") }
            return p
        }
        var figure = Figure(id: ordinal, text: self.text, value: value, valueMax: valueMax, unit: unit,
                            qualifier: Qualifier(rawValue: qualifier) ?? .exact, rate: rate, time: period, start: start, end: end,
                            sentenceIndex: sentenceIndex, sentence: sentence, precision: precision,
                            numberStyle: numberStyle.flatMap(NumberStyle.init(rawValue:)), article: articleName)
        figure.subject = subject.map { FigureContext(text: $0, entity: subjectEntity, start: subjectStart, end: subjectEnd) }
        if let place {
            let within = try placeWithin.map { s -> [String] in
                guard let w = StoredJSON.parseStrings(s) else { throw FigureStoreError.corrupt("figure \(id ?? 0): placeWithin '\(s)'") }
                return w
            } ?? []
            figure.place = FigureContext(text: place, entity: placeEntity, start: placeStart, end: placeEnd, within: within)
        }
        return figure
    }
}

/// A row of `entity` (v2): an `Entity` of an article; titles and mentions as JSON (`StoredJSON`).
struct EntityRecord: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "entity"

    var id: Int64?
    var articleId: Int64
    /// `Entity.id`: the ordinal in the article, from 1.
    var ordinal: Int
    /// An `Entity.Kind` raw value.
    var kind: String
    var text: String
    /// nil when the same as `text`.
    var name: String?
    var start: Int
    var end: Int
    /// `["Bí thư Tỉnh ủy"]`.
    var titles: String
    /// `[[start,end],...]`.
    var mentions: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let articleId = Column(CodingKeys.articleId)
        static let ordinal = Column(CodingKeys.ordinal)
        static let kind = Column(CodingKeys.kind)
    }

    init(_ e: Entity, articleId: Int64) {
        self.articleId = articleId
        ordinal = e.id
        kind = e.kind.rawValue
        text = e.text
        name = e.name == e.text ? nil : e.name
        start = e.start
        end = e.end
        titles = StoredJSON.strings(e.titles)
        mentions = StoredJSON.spans(e.mentions)
    }

    /// Inserts the row and its entry in the entity index through cached statements (10-30
    /// entities an article).
    func insertRow(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO entity(articleId, ordinal, kind, text, name, start, "end", titles, mentions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [articleId, ordinal, kind, text, name, start, end, titles, mentions])
        // what `Schema.entityIndexText` gives in SQL
        try db.cachedStatement(sql: "INSERT INTO \(Schema.entityIndex)(rowid, name) VALUES (?, ?)")
            .execute(arguments: [db.lastInsertedRowID, Folding.foldingD(name ?? text)])
    }

    /// The entity, `article` set.
    func entity(articleName: String) throws -> Entity {
        guard let kind = Entity.Kind(rawValue: kind) else { throw FigureStoreError.corrupt("entity \(id ?? 0): kind '\(self.kind)'") }
        guard let titles = StoredJSON.parseStrings(titles), let mentions = StoredJSON.parseSpans(mentions) else {
            throw FigureStoreError.corrupt("entity \(id ?? 0) of \(articleName): titles '\(titles)' or mentions '\(mentions)'")
        }
        return Entity(id: ordinal, kind: kind, text: text, name: name ?? text, start: start, end: end, titles: titles, mentions: mentions,
                      article: articleName)
    }
}

/// The JSON of the stored lists, written by hand (one or two short lists per entity and figure)
/// and read back with `JSONDecoder`.
enum StoredJSON {
    /// `["a","b"]`.
    static func strings(_ list: [String]) -> String {
        var out = "["
        for (i, s) in list.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
                }
            }
            out += "\""
        }
        return out + "]"
    }

    /// `[[12,20],[40,48]]`.
    static func spans(_ spans: [Entity.Span]) -> String {
        "[" + spans.map { "[\($0.start),\($0.end)]" }.joined(separator: ",") + "]"
    }

    static func parseStrings(_ s: String) -> [String]? { try? JSONDecoder().decode([String].self, from: Data(s.utf8)) }

    static func parseSpans(_ s: String) -> [Entity.Span]? {
        guard let pairs = try? JSONDecoder().decode([[Int]].self, from: Data(s.utf8)), pairs.allSatisfy({ $0.count == 2 }) else { return nil }
        return pairs.map { Entity.Span(start: $0[0], end: $0[1]) }
    }
}

/// Exact decimals as text (GRDB's `Decimal` support is compiled out on Linux).
enum ExactDecimal {
    static let posix = Locale(identifier: "en_US_POSIX")

    /// `1234567890123456789.25`: what `parse` reads back exactly.
    static func text(_ d: Decimal) -> String { d.description }

    static func parse(_ s: String) -> Decimal? { Decimal(string: s, locale: posix) }

    /// The nearest double (for range filters only).
    static func double(_ d: Decimal) -> Double { Double(d.description) ?? NSDecimalNumber(decimal: d).doubleValue }
}

/// An article's text as Unicode scalars, for cutting passages and sentences by offset.
struct ArticleScalars {
    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The scalars in `range`, clamped to the text.
    func slice(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[r])
        return String(view)
    }
}

/// What the store throws besides GRDB's database errors.
public enum FigureStoreError: Error, CustomStringConvertible, Equatable {
    /// `ingest` got a different number of hashes than articles.
    case hashCountMismatch(articles: Int, hashes: Int)
    /// A stored value that does not read back.
    case corrupt(String)
    /// A database opened for reading whose schema is not this version's (older: reindex it, or
    /// ingest into it, to migrate it; newer: made by a later solieu).
    case schemaNotCurrent

    public var description: String {
        switch self {
        case .schemaNotCurrent: "the database's schema is not this version's: run 'solieu reindex' on it to migrate it and extract its articles again (then 'solieu check' to check them)"
        case .hashCountMismatch(let a, let h): "ingest: \(a) articles but \(h) content hashes"
        case .corrupt(let what): "corrupt store: \(what)"
        }
    }
}
