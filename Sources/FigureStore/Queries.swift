import Entities
import Figures
import Foundation
import GRDB
import SoLieu

/// What `figures(matching:)` looks for: every field set narrows the result (all must hold).
public struct FigureQuery: Sendable, Equatable {
    /// Words of the figure's sentence, folded (`dang vien` finds `đảng viên`); matches with the
    /// diacritics as typed rank first, then bm25.
    public var text: String?
    /// The unit, exactly (case-insensitive, NFC).
    public var unit: String?
    /// The figure's value is at least `min`.
    public var min: Decimal?
    /// The figure's upper value (`valueMax`, else `value`) is at most `max`.
    public var max: Decimal?
    /// The figure's time overlaps this calendar year.
    public var year: Int?
    /// The figure's time overlaps this period.
    public var time: Period?
    public var qualifier: Qualifier?
    /// The article's name.
    public var article: String?
    /// Words of the figure's place, folded: every word (whole folded words, any order) is a word
    /// of its place's name or of the larger places it lies in (`Vĩnh Phúc` finds `tỉnh Vĩnh
    /// Phúc`, and `xã Lãng Công` within `tỉnh Vĩnh Phúc`; `Phúc` finds both; `Phu` neither).
    public var place: String?
    /// Words of the figure's subject, folded, as `place` (`dang bo tinh` finds `Đảng bộ tỉnh`).
    public var subject: String?
    /// Words of a person's name, folded: the figure's article names a person whose name holds
    /// every word (one person: `Hoàng Văn Toàn` is not `Hoàng Văn Bình` and `Lê Văn Toàn`).
    public var person: String?
    /// At most this many figures (all when nil).
    public var limit: Int?

    public init(text: String? = nil, unit: String? = nil, min: Decimal? = nil, max: Decimal? = nil, year: Int? = nil,
                time: Period? = nil, qualifier: Qualifier? = nil, article: String? = nil, place: String? = nil,
                subject: String? = nil, person: String? = nil, limit: Int? = nil) {
        self.text = text
        self.unit = unit
        self.min = min
        self.max = max
        self.year = year
        self.time = time
        self.qualifier = qualifier
        self.article = article
        self.place = place
        self.subject = subject
        self.person = person
        self.limit = limit
    }

    /// Whether a place, subject or person filter is set.
    var hasContext: Bool { place != nil || subject != nil || person != nil }
}

/// How a text match ranks: diacritic-exact matches first, then by bm25.
public struct SearchRank: Sendable, Equatable {
    /// Whether the words match with the diacritics as typed (case-insensitive, NFC).
    public var diacriticsAsTyped: Bool
    /// FTS5's bm25 over the folded words: lower is better.
    public var bm25: Double
}

/// A figure found in the store, with its article's name, title and date.
public struct StoredFigure: Sendable, Equatable {
    public var articleName: String
    public var articleTitle: String?
    public var articleDate: CalendarDay?
    /// The figure, its sentence rebuilt from the article's text and `article` set.
    public var figure: Figure
    /// Set when the query had text.
    public var rank: SearchRank?
}

/// A stored article with what was found in it.
public struct StoredArticle: Sendable, Equatable {
    public var article: Article
    public var extractorVersion: Int
    /// In order, their sentences rebuilt and `article` set.
    public var figures: [Figure]
    /// In order (by `Entity.id`), `article` set.
    public var entities: [Entity]
    /// The findings that name its figures (its own, then conflicts with other articles), in
    /// the order they were found.
    public var findings: [StoredFinding] = []
}

/// An entity found in the store, with its article's name, title and date.
public struct StoredEntity: Sendable, Equatable {
    public var articleName: String
    public var articleTitle: String?
    public var articleDate: CalendarDay?
    /// The entity, `article` set.
    public var entity: Entity
}

/// An article whose title or paragraphs match a search.
public struct ArticleHit: Sendable, Equatable {
    public var name: String
    public var title: String?
    public var date: CalendarDay?
    /// The best-ranked matching passage (a sentence or the rest of a paragraph or title).
    public var passage: String
    public var rank: SearchRank
}

// MARK: - Requests

/// The figure filters, as SQL expressions over `figure`'s columns: what the typed requests
/// filter by and what the search window's scan checks.
enum FigureCondition {
    /// The figure counts `unit` (exact, case-insensitive, NFC).
    static func unit(_ unit: String) -> SQLExpression {
        FigureRecord.Columns.unitKey == FigureRecord.unitKey(unit)
    }

    /// The value is at least `min`. With `indexed: false` the value index is not used
    /// (`valueReal + 0`), so that SQLite walks another index (the default order's) instead.
    static func valueAtLeast(_ min: Decimal, indexed: Bool = true) -> SQLExpression {
        value(indexed: indexed) >= ExactDecimal.double(min)
    }

    /// The upper value (`valueMax`, else `value`) is at most `max`.
    static func valueAtMost(_ max: Decimal, indexed: Bool = true) -> SQLExpression {
        (FigureRecord.Columns.valueMaxReal ?? value(indexed: indexed)) <= ExactDecimal.double(max)
    }

    /// `valueReal`, or `valueReal + 0`, which no index serves.
    private static func value(indexed: Bool) -> SQLExpression {
        let value = FigureRecord.Columns.valueReal
        return indexed ? value.sqlExpression : value + 0
    }

    /// The time overlaps `year`: a period within that year, or one across years that covers part of it.
    static func overlapping(year: Int) -> SQLExpression {
        let first = CalendarDay(year: year, month: 1, day: 1).description, last = CalendarDay(year: year, month: 12, day: 31).description
        return FigureRecord.Columns.year == year
            || (FigureRecord.Columns.year == nil && FigureRecord.Columns.timeStart <= last && FigureRecord.Columns.timeEnd >= first)
    }

    /// The time overlaps `period`.
    static func overlapping(_ period: Period) -> SQLExpression {
        FigureRecord.Columns.timeStart <= period.end.description && FigureRecord.Columns.timeEnd >= period.start.description
    }

    static func qualifier(_ qualifier: Qualifier) -> SQLExpression {
        FigureRecord.Columns.qualifier == qualifier.rawValue
    }

    /// The figure belongs to the article named `name`.
    static func article(named name: String) -> SQLExpression {
        ArticleRecord.select(ArticleRecord.Columns.id).filter(ArticleRecord.Columns.name == name)
            .contains(FigureRecord.Columns.articleId)
    }

    /// The place, subject and person filters.
    enum Context: CaseIterable {
        case place, subject, person

        func words(of query: FigureQuery) -> String? {
            switch self {
            case .place: query.place
            case .subject: query.subject
            case .person: query.person
            }
        }

        /// The figures (place, subject: their ids) or articles (person) that match `pattern`.
        func matches(_ pattern: String) -> SQL {
            switch self {
            case .place:
                "SELECT rowid FROM \(sql: Schema.placeIndex) WHERE \(sql: Schema.placeIndex) MATCH \(pattern)"
            case .subject:
                "SELECT rowid FROM \(sql: Schema.subjectIndex) WHERE \(sql: Schema.subjectIndex) MATCH \(pattern)"
            case .person:
                """
                SELECT entity.articleId FROM entity
                WHERE entity.kind = \(Entity.Kind.person.rawValue)
                  AND entity.id IN (SELECT rowid FROM \(sql: Schema.entityIndex) WHERE \(sql: Schema.entityIndex) MATCH \(pattern))
                """
            }
        }

        /// The figure column the matches are compared with.
        var column: Column {
            self == .person ? FigureRecord.Columns.articleId : FigureRecord.Columns.id
        }

        /// How many figures match `pattern`, counted up to `bound`.
        func count(_ pattern: String, upTo bound: Int, _ db: Database) throws -> Int {
            let sql: SQL = self == .person
                ? "SELECT count(*) FROM (SELECT 1 FROM figure WHERE articleId IN (\(matches(pattern))) LIMIT \(bound))"
                : "SELECT count(*) FROM (\(matches(pattern)) LIMIT \(bound))"
            return try Int.fetchOne(db, SQLRequest<Int>(literal: sql)) ?? 0
        }
    }

    /// The figure meets a place, subject or person filter. SQLite runs the subquery once (into
    /// an ephemeral index). When `drives`, the figures are taken from it (rowids, or the
    /// article index), then sorted: right for a rare name. Otherwise the column is written
    /// `+column`, which no index serves: SQLite walks another index (the default order's, the
    /// unit's) and probes the matches, stopping at `LIMIT`: right for a common name.
    static func context(_ context: Context, _ text: String, drives: Bool) -> SQLExpression {
        guard let pattern = Folding.allWordsPattern(text) else { return false.sqlExpression }
        let column: SQL = drives ? "\(context.column)" : "+\(context.column)"
        return SQL("\(column) IN (\(context.matches(pattern)))").sqlExpression
    }

    /// Every condition of `query` but its text; at most `driver` of the context filters may
    /// drive (see `context(_:_:drives:)`).
    static func all(_ query: FigureQuery, valueIndexed: Bool = true, driver: Context? = nil) -> [SQLExpression] {
        var conditions: [SQLExpression] = []
        if let unit = query.unit { conditions.append(Self.unit(unit)) }
        if let min = query.min { conditions.append(valueAtLeast(min, indexed: valueIndexed)) }
        if let max = query.max { conditions.append(valueAtMost(max, indexed: valueIndexed)) }
        if let year = query.year { conditions.append(overlapping(year: year)) }
        if let time = query.time { conditions.append(overlapping(time)) }
        if let qualifier = query.qualifier { conditions.append(Self.qualifier(qualifier)) }
        if let name = query.article { conditions.append(article(named: name)) }
        for c in Context.allCases {
            if let words = c.words(of: query) { conditions.append(context(c, words, drives: c == driver)) }
        }
        return conditions
    }
}

extension DerivableRequest<FigureRecord> {
    /// Figures counting `unit` (exact, case-insensitive, NFC).
    func filter(unit: String) -> Self { filter(FigureCondition.unit(unit)) }

    /// Figures whose value is at least `min`.
    func filter(valueAtLeast min: Decimal) -> Self { filter(FigureCondition.valueAtLeast(min)) }

    /// Figures whose upper value (`valueMax`, else `value`) is at most `max`.
    func filter(valueAtMost max: Decimal) -> Self { filter(FigureCondition.valueAtMost(max)) }

    /// Figures whose time overlaps `year`.
    func filter(overlappingYear year: Int) -> Self { filter(FigureCondition.overlapping(year: year)) }

    /// Figures whose time overlaps `period`.
    func filter(overlapping period: Period) -> Self { filter(FigureCondition.overlapping(period)) }

    func filter(qualifier: Qualifier) -> Self { filter(FigureCondition.qualifier(qualifier)) }

    /// Figures of the article named `name`.
    func filter(articleNamed name: String) -> Self { filter(FigureCondition.article(named: name)) }

    /// Figures whose place (or a larger place it lies in) holds the folded words of `place`.
    func filter(place: String) -> Self { filter(FigureCondition.context(.place, place, drives: true)) }

    /// Figures whose subject holds the folded words of `subject`.
    func filter(subject: String) -> Self { filter(FigureCondition.context(.subject, subject, drives: true)) }

    /// Figures of articles that name a person whose name holds the folded words of `person`.
    func filter(person: String) -> Self { filter(FigureCondition.context(.person, person, drives: true)) }

    /// Figures that meet every condition of `query` but its text.
    func filter(_ query: FigureQuery, valueIndexed: Bool = true, driver: FigureCondition.Context? = nil) -> Self {
        let conditions = FigureCondition.all(query, valueIndexed: valueIndexed, driver: driver)
        return conditions.isEmpty ? self : filter(conditions.joined(operator: .and))
    }

    /// Figures whose sentence holds the search's words (folded) among the passages of `window`,
    /// with the hit's `exact` and `score` columns (through `hit`, for ordering).
    func matching(_ search: TextSearch, in window: SearchWindow, hit: TableAlias<PassageHit>) -> Self {
        let hits = search.hits(in: window)
        let association = FigureRecord.association(to: hits) { figure, h in
            figure[FigureRecord.Columns.passageId] == h[PassageHit.Columns.passageId]
        }
        // a fixed key: an inflected one builds GRDB's inflection tables (regular expressions) on
        // first use, some milliseconds of every query process
        return with(hits)
            .joining(required: association.forKey("hit").aliased(hit))
            .annotated(with: hit[PassageHit.Columns.exact], hit[PassageHit.Columns.score])
    }

    /// Ranked by the text match through `hit` when given (diacritic-exact first, then bm25; ties
    /// by the newest article, then in storage order), else the newest article first (by its
    /// date, then the latest ingested; undated articles last) and by figure ordinal.
    ///
    /// The default order is the column order of `figure_on_day` (and of the unit and qualifier
    /// indexes after their key), declared in the same directions: a walk stops after `LIMIT`
    /// rows with no sort, even when no article has a date.
    func ordered(hit: TableAlias<PassageHit>?, figure: TableAlias<FigureRecord>) -> Self {
        if let hit {
            return order(hit[PassageHit.Columns.exact].desc, hit[PassageHit.Columns.score],
                         FigureRecord.Columns.articleDay.desc, FigureRecord.Columns.id)
        }
        return order(FigureRecord.Columns.articleDay.desc, FigureRecord.Columns.articleId.desc, FigureRecord.Columns.ordinal)
    }
}

/// The article columns a found figure shows.
struct ArticleHeader: Decodable, FetchableRecord {
    var id: Int64
    var name: String
    var title: String?
    var date: String?
}

/// A figure row with, for a text query, its rank.
private struct FoundFigure: Decodable, FetchableRecord {
    var figure: FigureRecord
    var exact: Bool?
    var score: Double?
}


// MARK: - Store queries

extension FigureStore {
    /// The figures that match every field of `query`, ranked by the text match when there is
    /// text (diacritics as typed first, then bm25, then the default order), else the newest
    /// article first, then by article name and figure ordinal. A text with no words (only
    /// punctuation) matches nothing.
    ///
    /// With text and a limit, the ranking covers the newest candidate sentences (see
    /// `SearchWindow`: at least 160, or 8 times the limit, sentences holding a figure that meets
    /// the other conditions), so that a common word answers in milliseconds among a million
    /// figures; without a limit, every match is ranked.
    public func figures(matching query: FigureQuery) throws -> [StoredFigure] {
        var search: TextSearch?
        if let text = query.text {
            let s = TextSearch(text, unit: query.unit)
            if s.isEmpty { return [] }
            search = s
        }
        let figureAlias = TableAlias<FigureRecord>()
        let hit = search.map { _ in TableAlias<PassageHit>() }
        return try writer.read { db in
            let valueIndexed = try !Self.walksNewestFirst(query, FigureRecord.all().filter(query), db)
            let driver = search == nil ? try Self.contextDriver(query, db) : nil
            var request = FigureRecord.aliased(figureAlias)
            if let search, let hit {
                let window = try search.window(size: SearchWindow.size(limit: query.limit),
                                               figures: FigureCondition.all(query), db)
                request = request.matching(search, in: window, hit: hit)
            }
            request = request.filter(query, valueIndexed: valueIndexed, driver: driver).ordered(hit: hit, figure: figureAlias)
            if let limit = query.limit { request = request.limit(Swift.max(0, limit)) }
            var found = try request.asRequest(of: FoundFigure.self).fetchAll(db)
            let records = try FigureRecord.withContexts(found.map(\.figure), db)
            for i in found.indices { found[i].figure = records[i] }
            let articles = try Self.headers(of: found.map(\.figure.articleId), db)
            let sentences = try Self.sentences(of: found.compactMap(\.figure.id), db)
            return try found.map { f in
                guard let a = articles[f.figure.articleId] else {
                    throw FigureStoreError.corrupt("figure \(f.figure.id ?? 0) has no article")
                }
                return StoredFigure(
                    articleName: a.name, articleTitle: a.title, articleDate: a.date.flatMap(CalendarDay.init(iso:)),
                    figure: try f.figure.figure(articleName: a.name, sentence: sentences[f.figure.id ?? 0] ?? ""),
                    rank: search == nil ? nil : SearchRank(diacriticsAsTyped: f.exact ?? false, bm25: f.score ?? 0))
            }
        }
    }

    /// The sentences of figures `ids`, cut from their articles' texts by SQLite (`substr` counts
    /// Unicode scalars), so that no whole text is read into memory.
    static func sentences(of ids: [Int64], _ db: Database) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let figure = TableAlias<FigureRecord>(), article = TableAlias<ArticleRecord>()
        let sentence = SQL("substr(\(article[ArticleRecord.Columns.text]), \(figure[FigureRecord.Columns.sentenceStart]) + 1, \(figure[FigureRecord.Columns.sentenceEnd]) - \(figure[FigureRecord.Columns.sentenceStart]))")
        let rows = try FigureRecord.aliased(figure)
            .select(FigureRecord.Columns.id, sentence.sqlExpression.forKey("sentence"))
            .joining(required: FigureRecord.article.forKey("article").aliased(article))
            .filter(ids.contains(FigureRecord.Columns.id))
            .asRequest(of: Row.self)
            .fetchAll(db)
        var result: [Int64: String] = [:]
        for row in rows { result[row[0]] = row[1] }
        return result
    }

    /// The articles whose title, lead, paragraphs, captions or figure sentences hold the words of
    /// `text` (folded), ranked as figures are: the articles with a diacritic-exact match first,
    /// then by the bm25 of their best passage. With a limit, the newest matching passages are
    /// ranked (a window widened until it gives `limit` articles or holds every match).
    public func searchArticles(_ text: String, limit: Int? = nil) throws -> [ArticleHit] {
        let search = TextSearch(text)
        if search.isEmpty { return [] }
        let hit = TableAlias<PassageHit>()
        func request(_ hits: CommonTableExpression<PassageHit>) -> QueryInterfaceRequest<PassageRecord> {
            // one aggregate picks each article's best passage (SQLite takes the bare columns from
            // the row of the min): an exact match outranks any bm25
            let key = min(hit[PassageHit.Columns.score] - hit[PassageHit.Columns.exact] * Self.exactBonus)
            var request = PassageRecord
                .with(hits)
                .joining(required: PassageRecord.association(to: hits) { p, h in
                    p[PassageRecord.Columns.id] == h[PassageHit.Columns.passageId]
                }.forKey("hit").aliased(hit))
                .select(PassageRecord.Columns.articleId, PassageRecord.Columns.id.forKey("passageId"), key.forKey("key"))
                .group(PassageRecord.Columns.articleId)
                .order(key)
            if let limit { request = request.limit(Swift.max(0, limit)) }
            return request
        }

        return try writer.read { db in
            var size = SearchWindow.size(limit: limit)
            var best: [BestPassage]
            while true {
                let window = try search.window(size: size, figures: nil, db)
                best = try request(search.hits(in: window)).asRequest(of: BestPassage.self).fetchAll(db)
                guard !window.complete, let limit, best.count < limit else { break }
                size = SearchWindow.widened(size, found: best.count, wanted: limit)
            }
            let headers = try Self.headers(of: best.map(\.articleId), db)
            let passages = try Self.passageTexts(of: best.map(\.passageId), db)
            return best.compactMap { b -> ArticleHit? in
                guard let header = headers[b.articleId] else { return nil }
                let exact = b.key < -Self.exactBonus / 2
                return ArticleHit(name: header.name, title: header.title, date: header.date.flatMap(CalendarDay.init(iso:)),
                                  passage: passages[b.passageId] ?? "",
                                  rank: SearchRank(diacriticsAsTyped: exact, bm25: exact ? b.key + Self.exactBonus : b.key))
            }
        }
    }

    /// Whether a limited value-range query should walk the figures newest first (the default
    /// order's index) and filter, rather than take the range from the value index and sort it:
    /// the value index cannot give that order, and sorting many thousands of figures to keep 20
    /// is slow. Walking reads about `limit × figures / matches` rows; so it is chosen when the
    /// matches (counted up to that bound) are at least `sqrt(limit × figures)`.
    static func walksNewestFirst(_ query: FigureQuery, _ filtered: QueryInterfaceRequest<FigureRecord>, _ db: Database) throws -> Bool {
        guard let limit = query.limit, query.min != nil || query.max != nil,
              query.text == nil, query.unit == nil, query.article == nil, query.qualifier == nil, !query.hasContext else { return false }
        // the value filters alone decide: the others are not in this shape
        let total = try Int.fetchOne(db, FigureRecord.select(max(FigureRecord.Columns.id))) ?? 0
        let bound = Swift.max(1000, Int(Double(Swift.max(1, limit) * total).squareRoot()))
        return try filtered.limit(bound).fetchCount(db) >= bound
    }

    /// Which place, subject or person filter the figures are taken from (the others probe):
    /// the one that matches the fewest figures, when it is rare enough that taking its figures
    /// and sorting them beats walking the default order and probing (counted as
    /// `walksNewestFirst` bounds it); none with text (the search drives) or when all are common.
    static func contextDriver(_ query: FigureQuery, _ db: Database) throws -> FigureCondition.Context? {
        let filters = FigureCondition.Context.allCases.compactMap { c in c.words(of: query).flatMap(Folding.allWordsPattern).map { (c, $0) } }
        guard !filters.isEmpty, query.text == nil else { return nil }
        var bound = 100_000
        if let limit = query.limit {
            let total = try Int.fetchOne(db, FigureRecord.select(max(FigureRecord.Columns.id))) ?? 0
            bound = Swift.max(1000, Int(Double(Swift.max(1, limit) * total).squareRoot()))
        }
        var best: (FigureCondition.Context, Int)?
        for (c, pattern) in filters {
            let n = try c.count(pattern, upTo: bound, db)
            if n < bound, n < best?.1 ?? Int.max { best = (c, n) }
        }
        // without a limit every match is read: the first filter drives when none is rare
        return best?.0 ?? (query.limit == nil ? filters.first?.0 : nil)
    }

    /// What an exact match takes off a bm25 score (bm25 scores are small).
    static let exactBonus = 1_000_000_000.0

    /// The stored article named `name` and its figures (in order), or nil.
    public func article(named name: String) throws -> (Article, [Figure])? {
        try storedArticle(named: name).map { ($0.article, $0.figures) }
    }

    /// The stored article named `name` with its figures, entities and findings (in order), or nil.
    public func storedArticle(named name: String) throws -> StoredArticle? {
        try writer.read { db in
            guard let record = try ArticleRecord.filter(ArticleRecord.Columns.name == name).fetchOne(db),
                  let id = record.id else { return nil }
            let scalars = ArticleScalars(record.text)
            let figures = try FigureRecord.withContexts(
                FigureRecord.filter(FigureRecord.Columns.articleId == id).order(FigureRecord.Columns.ordinal).fetchAll(db), db)
            let entities = try EntityRecord.filter(EntityRecord.Columns.articleId == id).order(EntityRecord.Columns.ordinal).fetchAll(db)
            return StoredArticle(article: record.article, extractorVersion: record.extractorVersion,
                                 figures: try figures.map { try $0.figure(articleName: record.name, text: scalars) },
                                 entities: try entities.map { try $0.entity(articleName: record.name) },
                                 findings: try Self.findings(FindingQuery(article: name), order: .found, db))
        }
    }

    /// The entities whose name holds every folded word of `words` (whole words, any order:
    /// `vinh phuc` finds `Vĩnh Phúc` and `tỉnh Vĩnh Phúc`), of `kind` when given; newest article
    /// first (as figures), then by ordinal. Words that fold to nothing find nothing.
    public func entities(named words: String, kind: Entity.Kind? = nil, limit: Int? = nil) throws -> [StoredEntity] {
        guard let pattern = Folding.allWordsPattern(words) else { return [] }
        return try writer.read { db in
            let article = TableAlias<ArticleRecord>()
            var request = EntityRecord
                .filter(SQL("\(EntityRecord.Columns.id) IN (SELECT rowid FROM \(sql: Schema.entityIndex) WHERE \(sql: Schema.entityIndex) MATCH \(pattern))").sqlExpression)
                .joining(required: EntityRecord.belongsTo(ArticleRecord.self, key: "article").aliased(article))
                .order(article[ArticleRecord.Columns.date].desc, EntityRecord.Columns.articleId.desc, EntityRecord.Columns.ordinal)
            if let kind { request = request.filter(EntityRecord.Columns.kind == kind.rawValue) }
            if let limit { request = request.limit(Swift.max(0, limit)) }
            let found = try request.fetchAll(db)
            let headers = try Self.headers(of: found.map(\.articleId), db)
            return try found.map { e in
                guard let a = headers[e.articleId] else { throw FigureStoreError.corrupt("entity \(e.id ?? 0) has no article") }
                return StoredEntity(articleName: a.name, articleTitle: a.title, articleDate: a.date.flatMap(CalendarDay.init(iso:)),
                                    entity: try e.entity(articleName: a.name))
            }
        }
    }

    /// The articles analysed by an extractor older than `version` (to analyse again), by name.
    public func articles(olderThan version: Int) throws -> [Article] {
        try writer.read { db in
            try ArticleRecord.filter(ArticleRecord.Columns.extractorVersion < version)
                .order(ArticleRecord.Columns.name)
                .fetchAll(db)
                .map(\.article)
        }
    }

    /// The headers of articles `ids`, by id.
    static func headers(of ids: [Int64], _ db: Database) throws -> [Int64: ArticleHeader] {
        guard !ids.isEmpty else { return [:] }
        let headers = try ArticleRecord
            .select(ArticleRecord.Columns.id, ArticleRecord.Columns.name, ArticleRecord.Columns.title, ArticleRecord.Columns.date)
            .filter(Set(ids).contains(ArticleRecord.Columns.id))
            .asRequest(of: ArticleHeader.self)
            .fetchAll(db)
        return Dictionary(uniqueKeysWithValues: headers.map { ($0.id, $0) })
    }

    /// The texts of passages `ids`, cut by SQLite as the indexes got them.
    static func passageTexts(of ids: [Int64], _ db: Database) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT passage.id, \(Schema.passageBody(article: "article", passage: "passage"))
            FROM passage JOIN article ON article.id = passage.articleId
            WHERE passage.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
            """, arguments: StatementArguments(ids))
        var result: [Int64: String] = [:]
        for row in rows { result[row[0]] = row[1] }
        return result
    }
}

/// An article's best passage for a search.
private struct BestPassage: Decodable, FetchableRecord {
    var articleId: Int64
    var passageId: Int64
    var key: Double
}
