import CrossCheck
import Figures
import Foundation
import GRDB
import SoLieu

/// What one `ingest` did.
public struct IngestSummary: Sendable, Equatable, CustomStringConvertible {
    /// Articles new to the store.
    public var inserted = 0
    /// Articles whose content or extractor version changed: their figures and index entries too.
    public var replaced = 0
    /// Articles stored with the same content hash and a current extractor version: untouched.
    public var unchanged = 0
    /// Figures written.
    public var figures = 0

    public init(inserted: Int = 0, replaced: Int = 0, unchanged: Int = 0, figures: Int = 0) {
        self.inserted = inserted
        self.replaced = replaced
        self.unchanged = unchanged
        self.figures = figures
    }

    public var description: String { "\(inserted) inserted, \(replaced) replaced, \(unchanged) unchanged, \(figures) figures" }
}

extension FigureStore {
    /// Stores a batch of analyses in one transaction (all or nothing; a failed write throws).
    ///
    /// `contentHash[i]` is the hash of `batch[i]`'s content. An article whose name is stored with
    /// the same hash and an extractor version at least as new is left as it is; one stored with
    /// another hash or an older extractor version is replaced, with its figures and index entries;
    /// others are inserted. The findings of the in-article checker over each article written
    /// are stored in the same transaction: `findings[i]` when given (checked by the caller, on
    /// its worker threads), else `CrossChecker.check` runs here.
    public func ingest(_ batch: [ArticleAnalysis], contentHash: [String], findings: [[Finding]]? = nil) throws -> IngestSummary {
        guard batch.count == contentHash.count else {
            throw FigureStoreError.hashCountMismatch(articles: batch.count, hashes: contentHash.count)
        }
        if let findings, findings.count != batch.count {
            throw FigureStoreError.corrupt("ingest: \(batch.count) articles but \(findings.count) lists of findings")
        }
        return try writer.write { db in
            var summary = IngestSummary()
            for (i, (analysis, hash)) in zip(batch, contentHash).enumerated() {
                let stored = try ArticleRecord
                    .select(ArticleRecord.Columns.id, ArticleRecord.Columns.contentHash, ArticleRecord.Columns.extractorVersion)
                    .filter(ArticleRecord.Columns.name == analysis.article.name)
                    .asRequest(of: StoredVersion.self)
                    .fetchOne(db)
                if let stored {
                    if stored.contentHash == hash && stored.extractorVersion >= analysis.extractorVersion {
                        summary.unchanged += 1
                        continue
                    }
                    // the trigger takes its passages out of the indexes; figures and passages cascade
                    _ = try ArticleRecord.deleteOne(db, key: stored.id)
                    summary.replaced += 1
                } else {
                    summary.inserted += 1
                }
                summary.figures += try insert(analysis, contentHash: hash, findings: findings?[i], db)
            }
            if summary.inserted + summary.replaced > 0 { try Schema.refreshStatistics(db) }
            return summary
        }
    }

    /// The stored content hash of each of `names` that is stored (so a caller skips analysing
    /// what did not change).
    public func storedHashes(names: [String]) throws -> [String: String] {
        try writer.read { db in
            var result: [String: String] = [:]
            var i = 0
            while i < names.count {
                let chunk = Array(names[i..<min(i + 500, names.count)])
                i += 500
                let rows = try ArticleRecord
                    .select(ArticleRecord.Columns.name, ArticleRecord.Columns.contentHash)
                    .filter(chunk.contains(ArticleRecord.Columns.name))
                    .asRequest(of: Row.self)
                    .fetchAll(db)
                for row in rows { result[row[0]] = row[1] }
            }
            return result
        }
    }

    /// Inserts one article, its passages (and their index entries), entities and figures (with
    /// their subjects and places, and their index entries), and the findings of the in-article
    /// checker (`CrossChecker.check`) over them; the figure count.
    private func insert(_ analysis: ArticleAnalysis, contentHash: String, findings: [Finding]?, _ db: Database) throws -> Int {
        var article = ArticleRecord(analysis, contentHash: contentHash)
        try article.insert(db)
        guard let articleId = article.id else { throw FigureStoreError.corrupt("article \(article.name) got no id") }

        let scalars = ArticleScalars(analysis.article.text)
        let layout = PassageLayout(article: analysis.article, figures: analysis.figures, scalars: scalars)
        var unitsOfSentence: [Int: [String]] = [:]
        for f in analysis.figures { unitsOfSentence[f.sentenceIndex, default: []].append(TextSearch.unitTokens(f.unit)) }
        var passageOfSentence: [Int: Int64] = [:]
        for p in layout.passages {
            let row = PassageRecord(articleId: articleId, role: p.role.rawValue, sentenceIndex: p.sentenceIndex,
                                    start: p.range?.lowerBound, end: p.range?.upperBound,
                                    unitTokens: p.sentenceIndex.flatMap { unitsOfSentence[$0] }?.joined(separator: " ; "))
            let id = try row.insertRow(db)
            if let s = p.sentenceIndex { passageOfSentence[s] = id }
            let body = p.range.map(scalars.slice) ?? analysis.article.title ?? ""
            try Schema.index(passage: id, body: body, units: row.unitTokens, in: db)
        }

        for e in analysis.entities {
            try EntityRecord(e, articleId: articleId).insertRow(db)
        }

        let day = analysis.article.date.map { $0.year * 10000 + $0.month * 100 + $0.day }
        var figureIds: [Int: Int64] = [:]
        for f in analysis.figures {
            let sentence = layout.sentences[f.sentenceIndex] ?? f.start..<f.end
            let row = FigureRecord(f, articleId: articleId, articleDay: day, sentence: sentence,
                                   passageId: passageOfSentence[f.sentenceIndex])
            figureIds[f.id] = try row.insertRow(db)
        }
        // the in-article checks, stored with the figures they name
        try Self.insertFindings(findings ?? CrossChecker().check(analysis), articleId: articleId, figureIds: figureIds, db)
        return analysis.figures.count
    }
}

/// What `ingest` compares: a stored article's hash and extractor version.
private struct StoredVersion: Decodable, FetchableRecord {
    var id: Int64
    var contentHash: String
    var extractorVersion: Int
}

extension IngestSummary {
    public static func += (a: inout IngestSummary, b: IngestSummary) {
        a.inserted += b.inserted
        a.replaced += b.replaced
        a.unchanged += b.unchanged
        a.figures += b.figures
    }
}

/// Analyses written in batches of `size`, one transaction each (`FigureStore.ingest`), for a
/// caller that produces them one by one; `finish()` writes the rest and gives the totals.
public struct IngestBatcher {
    public let store: FigureStore
    public let size: Int
    public private(set) var totals = IngestSummary()
    private var pending: [ArticleAnalysis] = []
    private var hashes: [String] = []
    /// The findings of `pending` when every one came with them.
    private var findings: [[Finding]]? = []

    public init(store: FigureStore, size: Int) {
        self.store = store
        self.size = Swift.max(1, size)
    }

    /// Adds one analysis, with its in-article findings when the caller checked it (else the
    /// store checks it); writes the batch when it is full (a failed write throws).
    public mutating func add(_ analysis: ArticleAnalysis, contentHash: String, findings found: [Finding]? = nil) throws {
        pending.append(analysis)
        hashes.append(contentHash)
        if let found { findings?.append(found) } else { findings = nil }
        if pending.count >= size { try flush() }
    }

    /// Writes what is pending; the totals of everything written.
    @discardableResult
    public mutating func finish() throws -> IngestSummary {
        try flush()
        return totals
    }

    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        totals += try store.ingest(pending, contentHash: hashes, findings: findings)
        pending.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        findings = []
    }
}
