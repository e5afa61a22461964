import CrossCheck
import Figures
import Foundation
import GRDB
import SoLieu

/// A row of `finding` (v3): a relation the cross-checker found, and its verdict.
struct FindingRecord: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "finding"

    var id: Int64?
    /// The finding's article (a conflict: its first figure's).
    var articleId: Int64
    /// `Finding.Kind`, `Verdict` and `Severity` raw values.
    var kind: String
    var verdict: String
    var severity: String
    var computation: String
    var computationEnglish: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let articleId = Column(CodingKeys.articleId)
        static let kind = Column(CodingKeys.kind)
        static let verdict = Column(CodingKeys.verdict)
        static let severity = Column(CodingKeys.severity)
    }

    init(_ f: Finding, articleId: Int64) {
        self.articleId = articleId
        kind = f.kind.rawValue
        verdict = f.verdict.rawValue
        severity = f.severity.rawValue
        computation = f.computation
        computationEnglish = f.computationEnglish
    }

    /// Inserts the finding and its figures (`figures[i]`: the article and `figure` row ids of
    /// `refs[i]`) through cached statements.
    func insertRow(_ refs: [Finding.FigureRef], figures: [(articleId: Int64, figureId: Int64)], _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO finding(articleId, kind, verdict, severity, computation, computationEnglish) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [articleId, kind, verdict, severity, computation, computationEnglish])
        let id = db.lastInsertedRowID
        for (position, (ref, f)) in zip(refs, figures).enumerated() {
            try FindingFigureRecord(findingId: id, position: position, articleId: f.articleId, figureId: f.figureId,
                                    text: ref.text, start: ref.start, end: ref.end).insertRow(db)
        }
    }

    /// The finding, its figures given (in order).
    func finding(articleName: String, figures: [Finding.FigureRef]) throws -> Finding {
        guard let kind = Finding.Kind(rawValue: kind), let verdict = Finding.Verdict(rawValue: verdict),
              let severity = Finding.Severity(rawValue: severity) else {
            throw FigureStoreError.corrupt("finding \(id ?? 0): kind '\(kind)', verdict '\(verdict)' or severity '\(severity)'")
        }
        return Finding(article: articleName, kind: kind, verdict: verdict, severity: severity, figures: figures,
                       computation: computation, computationEnglish: computationEnglish)
    }
}

/// A row of `findingFigure` (v3): the figure at `position` of a finding, by its article and
/// `figure` row.
struct FindingFigureRecord: Codable, FetchableRecord, TableRecord, Sendable {
    static let databaseTableName = "findingFigure"

    var findingId: Int64
    var position: Int
    var articleId: Int64
    var figureId: Int64
    /// The span the finding names: the figure's, or a part of it (its own number in `34/39 xã`).
    var text: String
    var start: Int
    var end: Int

    enum Columns {
        static let findingId = Column(CodingKeys.findingId)
        static let position = Column(CodingKeys.position)
        static let articleId = Column(CodingKeys.articleId)
        static let figureId = Column(CodingKeys.figureId)
    }

    func insertRow(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO findingFigure(findingId, position, articleId, figureId, text, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [findingId, position, articleId, figureId, text, start, end])
    }
}

/// What `findings(matching:)` looks for: every field set narrows the result.
public struct FindingQuery: Sendable, Equatable {
    /// The least severity (`warning`: warnings and errors).
    public var severity: Finding.Severity?
    public var kind: Finding.Kind?
    /// Findings that name a figure of this article (its own, and conflicts with others).
    public var article: String?
    /// At most this many findings (all when nil).
    public var limit: Int?

    public init(severity: Finding.Severity? = nil, kind: Finding.Kind? = nil, article: String? = nil, limit: Int? = nil) {
        self.severity = severity
        self.kind = kind
        self.article = article
        self.limit = limit
    }

    /// The severities at least as grave as `least`, gravest first.
    public static func severities(atLeast least: Finding.Severity) -> [Finding.Severity] {
        let all: [Finding.Severity] = [.error, .warning, .info, .consistent]
        return Array(all.prefix(through: all.firstIndex(of: least)!))
    }

    /// 0 for an error, 1 a warning, 2 info, 3 consistent.
    public static func rank(_ s: Finding.Severity) -> Int {
        switch s {
        case .error: 0
        case .warning: 1
        case .info: 2
        case .consistent: 3
        }
    }
}

/// A finding with the sentences its figures are in.
public struct StoredFinding: Sendable, Equatable {
    /// `article` set; a figure of another article (a conflict) names it.
    public var finding: Finding
    /// The distinct sentences of its figures, in the order of their first figure.
    public var sentences: [FindingSentence]

    public init(finding: Finding, sentences: [FindingSentence]) {
        self.finding = finding
        self.sentences = sentences
    }

    /// The findings of an analysed article with their figures' sentences, located in the text
    /// as the store locates them (an analysis not stored: `solieu check FILE`).
    public static func of(_ findings: [Finding], in analysis: ArticleAnalysis) -> [StoredFinding] {
        guard !findings.isEmpty else { return [] }
        let scalars = ArticleScalars(analysis.article.text)
        let byId = Dictionary(analysis.figures.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var located: [Int: FindingSentence] = [:]
        return findings.map { finding in
            var f = finding
            if f.article == nil { f.article = analysis.article.name }
            var sentences: [FindingSentence] = []
            for ref in finding.figures {
                let sentence: FindingSentence
                if let s = located[ref.id] {
                    sentence = s
                } else if let figure = byId[ref.id] {
                    let r = PassageLayout.locate(figure, in: scalars)
                    sentence = FindingSentence(article: analysis.article.name, start: r.lowerBound, text: scalars.slice(r))
                    located[ref.id] = sentence
                } else {
                    sentence = FindingSentence(article: analysis.article.name, start: ref.start, text: ref.text)
                }
                if !sentences.contains(sentence) { sentences.append(sentence) }
            }
            return StoredFinding(finding: f, sentences: sentences)
        }
    }

    /// Each figure's sentence in an analysed article (by figure id), located as the store
    /// locates it: what `of(conflicts:sentences:)` shows of the article.
    public static func sentences(of analysis: ArticleAnalysis) -> [Int: FindingSentence] {
        let scalars = ArticleScalars(analysis.article.text)
        var out: [Int: FindingSentence] = [:]
        for figure in analysis.figures where out[figure.id] == nil {
            let r = PassageLayout.locate(figure, in: scalars)
            out[figure.id] = FindingSentence(article: analysis.article.name, start: r.lowerBound, text: scalars.slice(r))
        }
        return out
    }

    /// Findings across articles (conflicts) with their figures' sentences: `sentences` by
    /// article name, then figure id (`sentences(of:)`); a figure not there shows its own text.
    public static func of(conflicts: [Finding], sentences: [String: [Int: FindingSentence]]) -> [StoredFinding] {
        conflicts.map { finding in
            var shown: [FindingSentence] = []
            for ref in finding.figures {
                let article = ref.article ?? finding.article ?? ""
                let sentence = sentences[article]?[ref.id] ?? FindingSentence(article: article, start: ref.start, text: ref.text)
                if !shown.contains(sentence) { shown.append(sentence) }
            }
            return StoredFinding(finding: finding, sentences: shown)
        }
    }
}

/// A sentence of an article, at `start` (Unicode scalars) in its text.
public struct FindingSentence: Sendable, Equatable {
    public var article: String
    public var start: Int
    public var text: String

    public init(article: String, start: Int, text: String) {
        self.article = article
        self.start = start
        self.text = text
    }
}

/// What a check of the store did.
public struct CheckSummary: Sendable, Equatable {
    /// Articles the in-article checker ran on.
    public var articles = 0
    /// Their findings.
    public var findings = 0
    /// Figures handed to the conflict finder (those with a time and a subject or place).
    public var candidates = 0
    /// Conflicts found across articles.
    public var conflicts = 0

    public init() {}
}

// MARK: - Writing

extension FigureStore {
    /// Stores the in-article findings of the article `articleId` (whose figures' row ids are
    /// `figureIds`, by `Figure.id`) and marks it checked. A finding that names a figure the
    /// article does not have (a finder's slip) is left out rather than failing the write.
    static func insertFindings(_ findings: [Finding], articleId: Int64, figureIds: [Int: Int64], _ db: Database) throws {
        for f in findings {
            let ids = f.figures.compactMap { figureIds[$0.id] }
            guard ids.count == f.figures.count else { continue }
            try FindingRecord(f, articleId: articleId).insertRow(f.figures, figures: ids.map { (articleId, $0) }, db)
        }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO articleChecked(articleId) VALUES (?)").execute(arguments: [articleId])
    }

    /// Runs the in-article checker over the stored articles never checked (all of them with
    /// `all`) and stores their findings in place of the old ones (conflicts across articles
    /// stay): articles read and checked `batchSize` at a time on `workers` threads, each batch
    /// written in one transaction. `each` gets each batch's findings (with their sentences),
    /// in article order, after its transaction.
    public func checkArticles(all: Bool, batchSize: Int = 200, workers: Int,
                              each: ([StoredFinding]) throws -> Void = { _ in }) throws -> CheckSummary {
        let ids = try writer.read { db in
            try Int64.fetchAll(db, sql: all ? "SELECT id FROM article ORDER BY id"
                : "SELECT id FROM article WHERE id NOT IN (SELECT articleId FROM articleChecked) ORDER BY id")
        }
        let size = Swift.max(1, batchSize)
        let batches = stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<Swift.min($0 + size, ids.count)]) }
        var summary = CheckSummary()
        let writer = self.writer
        try OrderedParallelMap<Result<[CheckedArticle], any Error>>(count: batches.count, workers: workers, window: 2 * workers)
            .run(makeWork: { { i in Result { try Self.check(articles: batches[i], writer) } } }, consume: { _, result in
                let checked = try result.get()
                try writer.write { db in
                    for c in checked {
                        try db.cachedStatement(sql: "DELETE FROM finding WHERE articleId = ? AND kind <> ?")
                            .execute(arguments: [c.articleId, Finding.Kind.conflict.rawValue])
                        try Self.insertFindings(c.findings.map(\.finding), articleId: c.articleId, figureIds: c.figureIds, db)
                    }
                }
                summary.articles += checked.count
                let found = checked.flatMap(\.findings)
                summary.findings += found.count
                try each(found)
            })
        return summary
    }

    /// Reads the articles `ids` with their figures and checks each (on the calling thread).
    private static func check(articles ids: [Int64], _ reader: any DatabaseReader) throws -> [CheckedArticle] {
        let (records, figures) = try reader.read { db in
            let records = try ArticleRecord.filter(ids.contains(ArticleRecord.Columns.id)).order(ArticleRecord.Columns.id).fetchAll(db)
            let figures = try FigureRecord.withContexts(
                FigureRecord.filter(ids.contains(FigureRecord.Columns.articleId))
                    .order(FigureRecord.Columns.articleId, FigureRecord.Columns.ordinal).fetchAll(db), db)
            return (records, figures)
        }
        var ofArticle: [Int64: [FigureRecord]] = [:]
        for f in figures { ofArticle[f.articleId, default: []].append(f) }
        let checker = CrossChecker()
        return try records.map { record in
            guard let id = record.id else { throw FigureStoreError.corrupt("article \(record.name) has no id") }
            let scalars = ArticleScalars(record.text)
            let rows = ofArticle[id] ?? []
            let analysis = ArticleAnalysis(article: record.article,
                                           figures: try rows.map { try $0.figure(articleName: record.name, text: scalars) },
                                           extractorVersion: record.extractorVersion)
            var figureIds: [Int: Int64] = [:]
            var sentences: [Int: FindingSentence] = [:]
            for (row, figure) in zip(rows, analysis.figures) {
                figureIds[row.ordinal] = row.id
                sentences[row.ordinal] = FindingSentence(article: record.name, start: row.sentenceStart, text: figure.sentence)
            }
            let findings = checker.check(analysis).map { f in
                var f = f
                if f.article == nil { f.article = record.name }
                var quoted: [FindingSentence] = []
                for ref in f.figures {
                    if let s = sentences[ref.id], !quoted.contains(s) { quoted.append(s) }
                }
                return StoredFinding(finding: f, sentences: quoted)
            }
            return CheckedArticle(articleId: id, figureIds: figureIds, findings: findings)
        }
    }

    /// Runs the across-article checker (`CrossChecker.conflicts`) over the stored figures that
    /// can conflict, those with a time and a subject or place (the finder compares figures of
    /// the same unit, subject or place and time), and stores its findings in place of the old
    /// conflicts (one transaction); them, with their sentences. `finder`: the cross-checker's
    /// (another for tests).
    public func checkConflicts(finder: ([CrossCheck.ArticleFigures]) -> [Finding] = { CrossChecker().conflicts($0) }) throws
        -> (candidates: Int, findings: [StoredFinding]) {
        struct Located { var articleId: Int64; var figureId: Int64; var sentence: FindingSentence }
        var articles: [CrossCheck.ArticleFigures] = []
        var articleIds: [String: Int64] = [:]
        var located: [String: [Int: Located]] = [:]
        var candidates = 0
        try writer.read { db in
            // figureContext's order is the figures' (ids given in article then ordinal order)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT figure.*, c.*, article.name AS articleName,
                       substr(article.text, figure.sentenceStart + 1, figure.sentenceEnd - figure.sentenceStart) AS sentenceText
                FROM figureContext AS c
                JOIN figure ON figure.id = c.figureId
                JOIN article ON article.id = figure.articleId
                WHERE figure.time IS NOT NULL
                ORDER BY c.figureId
                """)
            var sentence: (articleId: Int64, start: Int, text: String)?
            while let row = try rows.next() {
                var record = try FigureRecord(row: row)
                record.setContext(row)
                let name: String = row["articleName"]
                // figures of one sentence share its text
                if sentence == nil || sentence!.articleId != record.articleId || sentence!.start != record.sentenceStart {
                    sentence = (record.articleId, record.sentenceStart, row["sentenceText"])
                }
                let figure = try record.figure(articleName: name, sentence: sentence!.text)
                if articles.last?.article != name {
                    articles.append(CrossCheck.ArticleFigures(article: name, figures: []))
                    articleIds[name] = record.articleId
                }
                articles[articles.count - 1].figures.append(figure)
                located[name, default: [:]][record.ordinal] = Located(
                    articleId: record.articleId, figureId: record.id ?? 0,
                    sentence: FindingSentence(article: name, start: record.sentenceStart, text: sentence!.text))
                candidates += 1
            }
        }
        let found = finder(articles)
        articles = []
        var stored: [StoredFinding] = []
        try writer.write { db in
            try db.cachedStatement(sql: "DELETE FROM finding WHERE kind = ?").execute(arguments: [Finding.Kind.conflict.rawValue])
            for f in found {
                // a finding that names a figure it was not given (a finder's slip) is left out
                let own = f.article ?? f.figures.first?.article ?? ""
                guard let articleId = articleIds[own] else { continue }
                let named = f.figures.compactMap { located[$0.article ?? own]?[$0.id] }
                guard named.count == f.figures.count else { continue }
                var sentences: [FindingSentence] = []
                for l in named where !sentences.contains(l.sentence) { sentences.append(l.sentence) }
                let figures = named.map { (articleId: $0.articleId, figureId: $0.figureId) }
                try FindingRecord(f, articleId: articleId).insertRow(f.figures, figures: figures, db)
                var finding = f
                finding.article = own
                stored.append(StoredFinding(finding: finding, sentences: sentences))
            }
        }
        return (candidates, stored)
    }

    /// Both checks: the in-article checker over the articles never checked (all with `all`),
    /// then the conflicts across articles. `each` gets the findings as they are stored: each
    /// batch of articles', then the conflicts.
    public func check(all: Bool, batchSize: Int = 200, workers: Int,
                      conflictFinder: ([CrossCheck.ArticleFigures]) -> [Finding] = { CrossChecker().conflicts($0) },
                      each: ([StoredFinding]) throws -> Void = { _ in }) throws -> CheckSummary {
        var summary = try checkArticles(all: all, batchSize: batchSize, workers: workers, each: each)
        let (candidates, conflicts) = try checkConflicts(finder: conflictFinder)
        summary.candidates = candidates
        summary.conflicts = conflicts.count
        try each(conflicts)
        return summary
    }
}

/// An article checked by `checkArticles`: its findings and its figures' row ids.
private struct CheckedArticle: Sendable {
    var articleId: Int64
    var figureIds: [Int: Int64]
    var findings: [StoredFinding]
}

// MARK: - Reading

extension FigureStore {
    /// The stored findings that match `query`: the gravest first, then the newest article first
    /// (by date, then the latest ingested), then in the order they were found.
    public func findings(matching query: FindingQuery) throws -> [StoredFinding] {
        try writer.read { db in try Self.findings(query, order: .gravest, db) }
    }

    /// Calls `body` with the stored findings that match `query` (but its limit), `chunk` at a
    /// time (each chunk read in a transaction of its own): by article (in the order stored),
    /// an article's in the order they were found (a conflict: under its first figure's article).
    /// Without `sentences`, their `sentences` are left empty (not cut from the articles' texts).
    public func forEachFinding(matching query: FindingQuery, chunk: Int = 1000, sentences: Bool = true,
                               _ body: ([StoredFinding]) throws -> Void) throws {
        var q = query
        q.limit = Swift.max(1, chunk)
        var after: (articleId: Int64, id: Int64)? = nil
        while true {
            let key = after
            let found = try writer.read { db in try Self.keyedFindings(q, order: .stored(after: key), sentences: sentences, db) }
            guard !found.isEmpty else { return }
            try body(found.map(\.stored))
            after = found.last.map { ($0.articleId, $0.id) }
            if found.count < q.limit! { return }
        }
    }

    enum FindingOrder {
        /// The gravest first, then the newest article first (by date, then the latest ingested),
        /// then in the order found.
        case gravest
        /// In the order found (an article's findings, for `show`).
        case found
        /// By article id then finding id, after a key (for reading in chunks).
        case stored(after: (articleId: Int64, id: Int64)?)
    }

    /// The findings of `query` in `order`, with their figures and sentences.
    static func findings(_ query: FindingQuery, order: FindingOrder, _ db: Database) throws -> [StoredFinding] {
        try keyedFindings(query, order: order, db).map(\.stored)
    }

    /// The findings of `query` in `order`, with their article and finding ids (and their
    /// sentences when `sentences`).
    static func keyedFindings(_ query: FindingQuery, order: FindingOrder, sentences withSentences: Bool = true, _ db: Database) throws
        -> [(stored: StoredFinding, articleId: Int64, id: Int64)] {
        var conditions: [SQL] = []
        if let least = query.severity {
            let names = FindingQuery.severities(atLeast: least).map(\.rawValue)
            conditions.append("finding.severity IN \(names)")
        }
        if let kind = query.kind { conditions.append("finding.kind = \(kind.rawValue)") }
        if let name = query.article {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE name = ?", arguments: [name]) else { return [] }
            conditions.append("(finding.articleId = \(id) OR finding.id IN (SELECT findingId FROM findingFigure WHERE articleId = \(id)))")
        }
        if case .stored(let after?) = order {
            conditions.append("(finding.articleId, finding.id) > (\(after.articleId), \(after.id))")
        }
        var sql: SQL = "SELECT finding.*, article.name AS articleName FROM finding JOIN article ON article.id = finding.articleId"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        switch order {
        case .gravest:
            let rank: SQL = "CASE finding.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 WHEN 'info' THEN 2 ELSE 3 END"
            sql += " ORDER BY \(rank), article.date DESC, finding.articleId DESC, finding.id"
        case .found: sql += " ORDER BY finding.id"
        case .stored: sql += " ORDER BY finding.articleId, finding.id"
        }
        if let limit = query.limit { sql += " LIMIT \(Swift.max(0, limit))" }
        let rows = try SQLRequest<Row>(literal: sql).fetchAll(db)
        let records = try rows.map { (record: try FindingRecord(row: $0), article: $0["articleName"] as String) }

        // their figures, with their articles' names and sentences
        struct Named { var ref: Finding.FigureRef; var sentence: FindingSentence }
        var figures: [Int64: [Named]] = [:]
        let ids = records.compactMap(\.record.id)
        var i = 0
        while i < ids.count {
            let chunk = Array(ids[i..<Swift.min(i + 500, ids.count)])
            i += 500
            let rows = try Row.fetchCursor(db, sql: """
                SELECT ff.findingId, article.name, figure.ordinal, ff.text, ff.start, ff."end", figure.sentenceStart,
                       \(withSentences ? "substr(article.text, figure.sentenceStart + 1, figure.sentenceEnd - figure.sentenceStart)" : "''")
                FROM findingFigure AS ff
                JOIN figure ON figure.id = ff.figureId
                JOIN article ON article.id = ff.articleId
                WHERE ff.findingId IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                ORDER BY ff.findingId, ff.position
                """, arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                let article: String = row[1]
                figures[row[0], default: []].append(Named(
                    ref: Finding.FigureRef(text: row[3], start: row[4], end: row[5], id: row[2], article: article),
                    sentence: FindingSentence(article: article, start: row[6], text: row[7])))
            }
        }
        return try records.map { r in
            let id = r.record.id ?? 0
            let own = figures[id] ?? []
            var sentences: [FindingSentence] = []
            for f in own where withSentences && !sentences.contains(f.sentence) { sentences.append(f.sentence) }
            // a figure names its article only when it is not the finding's (as the checker writes them)
            let refs = own.map { f in
                var ref = f.ref
                if ref.article == r.article { ref.article = nil }
                return ref
            }
            return (StoredFinding(finding: try r.record.finding(articleName: r.article, figures: refs), sentences: sentences),
                    r.record.articleId, id)
        }
    }
}
