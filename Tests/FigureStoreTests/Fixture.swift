import TestSupport
import FigureStore
import Figures
import Foundation
import SoLieu

/// The corpus of this repository (`corpus/*.txt`), analysed once and stored in memory.
struct Fixture: Sendable {
    let analyses: [ArticleAnalysis]
    let hashes: [String]
    let store: FigureStore

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    /// Built once for all tests (the analysis is the slow part).
    static let shared = Result { try Fixture() }

    init() throws {
        analyses = try Self.analyseCorpus()
        hashes = analyses.map { fnv1a64($0.article.text) }
        store = try FigureStore.inMemory()
        _ = try store.ingest(analyses, contentHash: hashes)
    }

    static func analyseCorpus() throws -> [ArticleAnalysis] {
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        let worker = try ArticleAnalyzer.builtin().makeWorker()
        return try onLargeStack {
            try files.map { name in
                let url = corpus.appendingPathComponent(name)
                let text = try String(contentsOf: url, encoding: .utf8)
                return worker.analyze(Article(name: name, source: url.path, format: .text, text: text, blocks: []))
            }
        }
    }
}

/// A stable content hash: FNV-1a 64 of the UTF-8 bytes, in hex.
func fnv1a64(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01b3
    }
    return String(h, radix: 16)
}

/// The test's own reading of a query, over the analyses in memory: what the store must return.
enum Reference {
    /// Lowercase words with diacritics removed and `đ` folded to `d`.
    static func foldedWords(_ text: String) -> [String] {
        words(text.decomposedStringWithCanonicalMapping).map { w in
            String(String.UnicodeScalarView(w.unicodeScalars.compactMap { s -> Unicode.Scalar? in
                if (0x300...0x36F).contains(s.value) { return nil }
                return s == "đ" || s == "Đ" ? "d" : s
            })).lowercased()
        }
    }

    /// Lowercase NFC words as written.
    static func exactWords(_ text: String) -> [String] {
        words(text.precomposedStringWithCanonicalMapping).map { $0.lowercased() }
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { c in !(c.isLetter || c.isNumber) }).map(String.init)
    }

    static func holds(_ sentence: String, _ query: String, folded: Bool) -> Bool {
        let have = Set(folded ? foldedWords(sentence) : exactWords(sentence))
        let want = folded ? foldedWords(query) : exactWords(query)
        return !want.isEmpty && want.allSatisfy(have.contains)
    }

    /// Every folded word of `query` is a word of `names` (together); none when `query` has no word.
    static func holdsAll(_ names: [String], _ query: String) -> Bool {
        let have = Set(names.flatMap(foldedWords))
        let want = foldedWords(query)
        return !want.isEmpty && want.allSatisfy(have.contains)
    }

    /// `figures(analyses, q)` in the store's default order (newest article first, undated last,
    /// the latest ingested first among equals; by ordinal within), `analyses` in ingest order.
    static func ordered(_ analyses: [ArticleAnalysis], _ q: FigureQuery) -> [Key] {
        let keys = figures(analyses, q)
        let index = Dictionary(uniqueKeysWithValues: analyses.enumerated().map { ($0.element.article.name, $0.offset) })
        let day = Dictionary(uniqueKeysWithValues: analyses.map { a in
            (a.article.name, a.article.date.map { $0.year * 10000 + $0.month * 100 + $0.day } ?? -1)
        })
        return keys.sorted { x, y in
            let a = (day[x.article]!, index[x.article]!), b = (day[y.article]!, index[y.article]!)
            return a != b ? a > b : x.ordinal < y.ordinal
        }
    }

    static func overlaps(_ time: Period?, from: CalendarDay, to: CalendarDay) -> Bool {
        guard let t = time else { return false }
        return t.start <= to && t.end >= from
    }

    /// The figures of `analyses` that `q` asks for (its limit and order aside).
    static func figures(_ analyses: [ArticleAnalysis], _ q: FigureQuery) -> [Key] {
        var result: [Key] = []
        for a in analyses where q.article == nil || a.article.name == q.article {
            for f in a.figures {
                if let u = q.unit, f.unit.precomposedStringWithCanonicalMapping.lowercased() != u.precomposedStringWithCanonicalMapping.lowercased() { continue }
                if let min = q.min, f.value < min { continue }
                if let max = q.max, (f.valueMax ?? f.value) > max { continue }
                if let y = q.year, !overlaps(f.time, from: CalendarDay(year: y, month: 1, day: 1), to: CalendarDay(year: y, month: 12, day: 31)) { continue }
                if let p = q.time, !overlaps(f.time, from: p.start, to: p.end) { continue }
                if let qualifier = q.qualifier, f.qualifier != qualifier { continue }
                if let text = q.text, !holds(f.sentence, text, folded: true) { continue }
                if let place = q.place, !holdsAll(f.place.map { [$0.text] + $0.within } ?? [], place) { continue }
                if let subject = q.subject, !holdsAll(f.subject.map { [$0.text] } ?? [], subject) { continue }
                if let person = q.person, !a.entities.contains(where: { $0.kind == .person && holdsAll([$0.name], person) }) { continue }
                result.append(Key(a.article.name, f))
            }
        }
        return result
    }
}

/// What the tests compare: a figure by article, ordinal, text and value.
struct Key: Hashable, CustomStringConvertible {
    var article: String
    var ordinal: Int
    var text: String
    var value: Decimal

    init(_ article: String, _ f: Figure) {
        self.article = article
        ordinal = f.id
        text = f.text
        value = f.value
    }

    init(_ s: StoredFigure) { self.init(s.articleName, s.figure) }

    var description: String { "\(article)#\(ordinal) \(text) = \(value)" }
}
