import Foundation
import GRDB

/// A user's search text made safe for FTS5: its words (runs of letters, marks and digits, NFC),
/// each quoted, all required. Punctuation never reaches FTS5's query syntax, so no input
/// produces a syntax error.
struct TextSearch: Sendable, Equatable {
    /// The words as typed (NFC).
    let words: [String]
    /// The words of the unit the figures must count, if any: a prefilter in the folded index
    /// (`units` column); the exact unit condition still applies to the figures.
    let unitWords: [String]

    init(_ text: String, unit: String? = nil) {
        words = Self.words(of: text)
        unitWords = unit.map(Self.words(of:)) ?? []
    }

    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for s in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let p = s.properties
            if p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark {
                current.append(s)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Whether there is anything to search for.
    var isEmpty: Bool { words.isEmpty }

    static func quoted(_ word: String) -> String { "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// For the exact index: `"w1" "w2"`, each word a quoted string (FTS5: implicit AND).
    var pattern: String { words.map(Self.quoted).joined(separator: " ") }

    /// For the folded index: `body : "w1" body : "w2"`, and `units : "uw1 uw2"` (a phrase)
    /// when the unit has words.
    var foldedPattern: String {
        var terms = words.map { "body : " + Self.quoted(Folding.foldingD($0)) }
        if !unitWords.isEmpty { terms.append("units : " + Self.quoted(Self.unitTokens(words: unitWords))) }
        return terms.joined(separator: " ")
    }

    /// A unit as the folded index's `units` column holds it: its words, each prefixed with `u`
    /// so that unit tokens have doclists of their own (bm25 scans the doclist of every query
    /// term; `người` as a unit is far rarer than as a word).
    static func unitTokens(_ unit: String) -> String { unitTokens(words: words(of: unit)) }

    static func unitTokens(words: [String]) -> String { words.map { "u" + Folding.foldingD($0) }.joined(separator: " ") }

    /// bm25 over the passage's words only (the units column weighs nothing).
    static let score = "bm25(\(Schema.foldedIndex), 1.0, 0.0)"

    /// The hits of both indexes in `window`, as a common table expression
    /// `hit(passageId, exact, score)`: the passages from the window's lowest on whose folded
    /// words hold the query's folded words; `exact` is 1 when its words as written hold the words
    /// as typed; `score` is bm25 (lower is better).
    ///
    /// The `LIMIT` (the window's match count, or none) keeps SQLite from flattening it into the
    /// outer join, which would run the full-text query once per figure row, and tells the planner
    /// how many rows it gives, so that the hits drive the join rather than a figure index.
    func hits(in window: SearchWindow) -> CommonTableExpression<PassageHit> {
        CommonTableExpression<PassageHit>(
            named: "hit",
            sql: """
                SELECT rowid AS passageId, \(Self.score) AS score,
                       rowid IN (SELECT rowid FROM \(Schema.exactIndex)
                                 WHERE \(Schema.exactIndex) MATCH ? AND rowid >= ?) AS exact
                FROM \(Schema.foldedIndex) WHERE \(Schema.foldedIndex) MATCH ? AND rowid >= ?
                LIMIT ?
                """,
            arguments: [pattern, window.lowestPassage, foldedPattern, window.lowestPassage, window.matches ?? -1])
    }

    /// The window of the newest `size` matching passages (all of them when `size` is nil); with
    /// `figures`, only passages that are the sentence of a figure meeting those conditions count.
    func window(size: Int?, figures conditions: [SQLExpression]?, _ db: Database) throws -> SearchWindow {
        let all = SearchWindow(lowestPassage: 0, matches: nil, complete: true)
        guard let size else { return all }
        let index = SQL(sql: Schema.foldedIndex)
        let literal: SQL
        if let conditions {
            // the full-text scan drives (newest first, no ranking), each match probing its figures
            let condition = conditions.isEmpty ? true.sqlExpression : conditions.joined(operator: .and)
            literal = """
                SELECT count(*), min(p) FROM (
                  SELECT scan.rowid AS p FROM \(index) AS scan
                  WHERE scan.\(index) MATCH \(foldedPattern)
                    AND EXISTS (SELECT 1 FROM figure WHERE figure.passageId = scan.rowid AND \(condition))
                  ORDER BY scan.rowid DESC LIMIT \(size))
                """
        } else {
            literal = """
                SELECT count(*), min(p) FROM (
                  SELECT rowid AS p FROM \(index) WHERE \(index) MATCH \(foldedPattern) ORDER BY rowid DESC LIMIT \(size))
                """
        }
        let row = try SQLRequest<Row>(literal: literal).fetchOne(db)
        let count: Int = row?[0] ?? 0
        guard count >= size, let lowest: Int64 = row?[1] else { return all }
        let matches = try Int.fetchOne(db, SQLRequest<Int>(literal: """
            SELECT count(*) FROM \(index) WHERE \(index) MATCH \(foldedPattern) AND rowid >= \(lowest)
            """)) ?? 0
        return SearchWindow(lowestPassage: lowest, matches: matches, complete: false)
    }
}

/// Which matching passages a ranked search considers: those from `lowestPassage` on.
///
/// Ranking (diacritics as typed first, then bm25) scores every candidate, and FTS5 has no top-k
/// shortcut: a word in 30,000 passages costs some 60 ms of bm25. So a search with a limit ranks
/// the newest matching passages (by passage id: the latest ingested), `size(limit:)` of them
/// that can give a result (a figure query counts only sentences of figures that meet its other
/// conditions). When all matches fit (`complete`) the ranking is exact over all of them; a
/// search without a limit ranks all.
struct SearchWindow: Equatable {
    /// The lowest passage id in the window.
    var lowestPassage: Int64
    /// How many passages from `lowestPassage` on match (nil: not counted, all of them).
    var matches: Int?
    /// Whether the window holds every match.
    var complete: Bool

    /// How many candidate passages a search that wants `limit` results ranks (nil: all).
    static func size(limit: Int?) -> Int? { limit.map { Swift.max(160, $0 * 8) } }

    /// The next window size after a window of `size` yielded `found` of `wanted` results: grown
    /// by the shortfall (with a margin); 16 times when nothing was found.
    static func widened(_ size: Int?, found: Int, wanted: Int) -> Int? {
        guard let size else { return nil }
        let factor = found == 0 ? 16 : Swift.max(2, (3 * wanted + 2 * found - 1) / (2 * found))
        return size.multipliedReportingOverflow(by: factor).overflow ? Int.max : size * factor
    }
}

/// A row of the `hit` expression.
struct PassageHit: Codable, FetchableRecord, TableRecord, Sendable {
    var passageId: Int64
    var exact: Bool
    var score: Double

    enum Columns {
        static let passageId = Column(CodingKeys.passageId)
        static let exact = Column(CodingKeys.exact)
        static let score = Column(CodingKeys.score)
    }
}
