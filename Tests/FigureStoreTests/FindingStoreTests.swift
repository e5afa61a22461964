import CrossCheck
@testable import FigureStore
import Figures
import Foundation
import GRDB
import SoLieu
import TestSupport
import Testing

/// Analyses `text` as an article named `name` (no blocks, as the fixture does).
func analysed(_ name: String, _ text: String) throws -> ArticleAnalysis {
    let article = Article(name: name, source: name, format: .text, text: text, blocks: [])
    return try onLargeStack { try ArticleAnalyzer.builtin().makeWorker().analyze(article) }
}

/// The checker's findings of `analysis`, as the store gives them back.
func checked(_ analysis: ArticleAnalysis) -> [Finding] {
    CrossChecker().check(analysis).map { var f = $0; f.article = analysis.article.name; return f }
}

/// The findings of the cross-checker stored by ingest and by `check`, their figures, and
/// conflicts across articles.
@Suite struct FindingStoreTests {
    static let seed = "Từ năm 2015 đến hết năm 2018, Đảng bộ tỉnh kết nạp 9.711 đảng viên, bình quân mỗi năm kết nạp trên 2.500 đảng viên."

    /// Every article of the corpus has the checker's findings, in order, with its figures.
    @Test func ingestStoresTheCheckersFindings() throws {
        let fixture = try Fixture.shared.get()
        var total = 0
        for analysis in fixture.analyses {
            let stored = try #require(try fixture.store.storedArticle(named: analysis.article.name))
            #expect(stored.findings.map(\.finding) == checked(analysis), "\(analysis.article.name)")
            // each finding's sentences hold its figures
            for s in stored.findings {
                for ref in s.finding.figures {
                    #expect(s.sentences.contains { $0.start <= ref.start && ref.end <= $0.start + $0.text.unicodeScalars.count })
                }
            }
            total += stored.findings.count
        }
        #expect(total > 0, "the corpus has findings")
        #expect(try fixture.store.findings(matching: FindingQuery()).count == total)
        let errors = try fixture.store.findings(matching: FindingQuery(severity: .warning))
        #expect(errors.allSatisfy { $0.finding.severity == .error || $0.finding.severity == .warning })
        #expect(errors.count == fixture.analyses.flatMap(checked).filter { $0.severity == .error || $0.severity == .warning }.count)
        // the gravest first
        let ranks = try fixture.store.findings(matching: FindingQuery()).map { FindingQuery.rank($0.finding.severity) }
        #expect(ranks == ranks.sorted())
    }

    /// A changed article's findings are those of its new figures; check --all finds the same again.
    @Test func replacedWithTheirArticle() throws {
        let store = try FigureStore.inMemory()
        let wrong = try analysed("seed.txt", Self.seed)
        _ = try store.ingest([wrong], contentHash: ["1"])
        #expect(try store.storedArticle(named: "seed.txt")?.findings.map(\.finding.verdict) == [.fails])
        let right = try analysed("seed.txt", Self.seed.replacingOccurrences(of: "2.500", with: "2.400"))
        _ = try store.ingest([right], contentHash: ["2"])
        #expect(try store.storedArticle(named: "seed.txt")?.findings.map(\.finding) == checked(right))
        #expect(try store.findings(matching: FindingQuery()).map(\.finding.verdict) == [.holds])
        let again = try store.checkArticles(all: true, workers: 2)
        #expect(again.articles == 1 && again.findings == 1)
        #expect(try store.findings(matching: FindingQuery()).map(\.finding) == checked(right))
        #expect(try store.checkArticles(all: false, workers: 2).articles == 0)
        #expect(try store.integrityCheck() == [])
    }

    /// A v2 database (no findings) migrates; `check` then checks its articles once.
    @Test func v2DatabaseMigratesAndIsChecked() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figurestore-v2-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let analysis = try analysed("old.txt", Self.seed)
        do {
            // the v2 schema, filled as v2 did: the article and its figures, no finding
            let queue = try DatabaseQueue(path: path, configuration: FigureStore.configuration())
            try Schema.migrator.migrate(queue, upTo: "v2")
            try queue.write { db in
                var article = ArticleRecord(analysis, contentHash: "h")
                try article.insert(db)
                let scalars = ArticleScalars(analysis.article.text)
                for f in analysis.figures {
                    try FigureRecord(f, articleId: article.id!, articleDay: nil, sentence: PassageLayout.locate(f, in: scalars), passageId: nil)
                        .insertRow(db)
                }
            }
            #expect(try queue.read { db in try db.tableExists("finding") } == false)
        }
        #expect(throws: FigureStoreError.schemaNotCurrent) { try FigureStore(path: path, readOnly: true) }
        let store = try FigureStore(path: path)
        #expect(try store.storedArticle(named: "old.txt")?.findings == [])
        var batches = 0
        let summary = try store.check(all: false, workers: 2, each: { _ in batches += 1 })
        #expect(summary.articles == 1 && summary.findings == 1 && summary.conflicts == 0)
        #expect(batches == 2, "the articles' batch, then the conflicts")
        #expect(try store.storedArticle(named: "old.txt")?.findings.map(\.finding) == checked(analysis))
        #expect(try store.check(all: false, workers: 2).articles == 0)
        #expect(try store.findings(matching: FindingQuery()).count == 1)
        #expect(try store.integrityCheck() == [])
        #expect(try FigureStore(path: path, readOnly: true).findings(matching: FindingQuery(kind: .average)).count == 1)
    }

    /// Conflicts (here from a finder of the test's own: the same unit and year, other values)
    /// are stored with figures of both articles, shown with each, replaced by the next check,
    /// and gone when one of their articles is replaced.
    @Test func conflictsAcrossArticles() throws {
        let store = try FigureStore.inMemory()
        let a = try analysed("a.txt", "Năm 2018, tỉnh Vĩnh Phúc kết nạp 2.338 đảng viên.")
        let b = try analysed("b.txt", "Báo cáo của tỉnh. Năm 2018, tỉnh Vĩnh Phúc kết nạp 2.500 đảng viên.")
        let c = try analysed("c.txt", "Xã có 12 hộ nghèo.")
        _ = try store.ingest([a, b, c], contentHash: ["a", "b", "c"])

        var given: [String] = []
        func finder(_ articles: [CrossCheck.ArticleFigures]) -> [Finding] {
            given = articles.flatMap { x in x.figures.map { "\(x.article)#\($0.id) \($0.text) \($0.sentence)" } }
            let figures = articles.flatMap { x in x.figures.map { (x.article, $0) } }
            guard figures.count == 2 else { return [] }
            let (first, second) = (figures[0], figures[1])
            return [Finding(article: first.0, kind: .conflict, verdict: .fails, severity: .error,
                            figures: [.init(first.1, article: first.0), .init(second.1, article: second.0)],
                            computation: "2.338 ≠ 2.500", computationEnglish: "2,338 ≠ 2,500")]
        }
        let (candidates, found) = try store.checkConflicts(finder: finder)
        // the figures with a time and a place, their sentences cut from their articles
        #expect(given == ["a.txt#1 2.338 đảng viên Năm 2018, tỉnh Vĩnh Phúc kết nạp 2.338 đảng viên.",
                          "b.txt#1 2.500 đảng viên Năm 2018, tỉnh Vĩnh Phúc kết nạp 2.500 đảng viên."])
        #expect(candidates == 2)
        #expect(found.count == 1)
        let sentences = [FindingSentence(article: "a.txt", start: 0, text: "Năm 2018, tỉnh Vĩnh Phúc kết nạp 2.338 đảng viên."),
                         FindingSentence(article: "b.txt", start: 18, text: "Năm 2018, tỉnh Vĩnh Phúc kết nạp 2.500 đảng viên.")]
        #expect(found.first?.sentences == sentences)

        // stored: each article shows it; the figure of the other article names it
        let conflict = Finding(article: "a.txt", kind: .conflict, verdict: .fails, severity: .error,
                               figures: [.init(text: "2.338 đảng viên", start: 33, end: 48, id: 1),
                                         .init(text: "2.500 đảng viên", start: 51, end: 66, id: 1, article: "b.txt")],
                               computation: "2.338 ≠ 2.500", computationEnglish: "2,338 ≠ 2,500")
        #expect(try store.storedArticle(named: "a.txt")?.findings == [StoredFinding(finding: conflict, sentences: sentences)])
        #expect(try store.storedArticle(named: "b.txt")?.findings.map(\.finding) == [conflict])
        #expect(try store.storedArticle(named: "c.txt")?.findings == [])
        #expect(try store.findings(matching: FindingQuery(kind: .conflict)).map(\.finding) == [conflict])
        var chunks: [[Finding]] = []
        try store.forEachFinding(matching: FindingQuery(), chunk: 1) { chunks.append($0.map(\.finding)) }
        #expect(chunks == [[conflict]])

        // the next check replaces them
        _ = try store.checkConflicts(finder: finder)
        #expect(try store.findings(matching: FindingQuery(kind: .conflict)).count == 1)
        // a finding that names a figure the finder was not given is left out, the others stored
        let slip = try store.checkConflicts { articles in
            var found = finder(articles)
            found.append(Finding(article: "a.txt", kind: .conflict, verdict: .fails, severity: .error,
                                 figures: [.init(text: "x", start: 0, end: 1, id: 99)], computation: "", computationEnglish: ""))
            return found
        }
        #expect(slip.findings.count == 1)
        #expect(try store.findings(matching: FindingQuery(kind: .conflict)).map(\.finding) == [conflict])
        // b changed: the conflict that named its figure is gone
        let b2 = try analysed("b.txt", "Năm 2018, tỉnh Vĩnh Phúc kết nạp 2.338 đảng viên mới.")
        _ = try store.ingest([b2], contentHash: ["b2"])
        #expect(try store.findings(matching: FindingQuery(kind: .conflict)).isEmpty)
        #expect(try store.integrityCheck() == [])
    }
}
