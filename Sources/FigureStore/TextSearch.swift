import Foundation
import GRDB

/// A user's search text made safe for FTS5: its words (runs of letters, marks and digits, NFC),
/// each quoted, all required. Punctuation never reaches FTS5's query syntax, so no input
/// produces a syntax error.
struct TextSearch: Sendable, Equatable {
    /// The words as typed (NFC).
    let words: [String]

    init(_ text: String) {
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
        self.words = words
    }

    /// Whether there is anything to search for.
    var isEmpty: Bool { words.isEmpty }

    /// `"w1" "w2"`: each word a quoted string (FTS5: implicit AND).
    var pattern: String {
        words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " ")
    }

    /// The hits of both indexes, as a common table expression `hit(passageId, exact, score)`:
    /// every passage whose folded words hold the query's folded words; `exact` is 1 when its
    /// words as written hold the words as typed; `score` is bm25 (lower is better).
    var hits: CommonTableExpression<PassageHit> {
        CommonTableExpression<PassageHit>(
            named: "hit",
            sql: """
                SELECT rowid AS passageId,
                       rowid IN (SELECT rowid FROM \(Schema.exactIndex) WHERE \(Schema.exactIndex) MATCH ?) AS exact,
                       rank AS score
                FROM \(Schema.foldedIndex) WHERE \(Schema.foldedIndex) MATCH ?
                """,
            arguments: [pattern, pattern])
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
