import CrossCheck
import Foundation
import SoLieu
import TestSupport
import Testing

/// The survey of the closing note, on demand: with `CROSSCHECK_SURVEY=DIR`, writes the findings
/// on all articles of `../shared/data/news` to `DIR/articles.jsonl` (every verdict, conflicts
/// excluded) and the conflicts between the two articles of each pair of
/// `data/news/CROSSCHECK_PAIRS.tsv` to `DIR/pairs.jsonl`, and asserts what holds of any output:
/// every finding's figures lie in their article's text, in the order the kind lists them.
@Suite struct Survey {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CROSSCHECK_SURVEY"] != nil && hasShared("data/news/CROSSCHECK_PAIRS.tsv")))
    func write() throws {
        guard let out = ProcessInfo.processInfo.environment["CROSSCHECK_SURVEY"], let news = sharedPath("data/news") else { return }
        let analyzer = try ArticleAnalyzer.builtin()
        let names = try FileManager.default.contentsOfDirectory(atPath: news.path).filter { $0.hasSuffix(".txt") }.sorted()
        var analyses: [String: ArticleAnalysis] = [:]
        var lines = ""
        try onLargeStack {
            let worker = try analyzer.makeWorker()
            for name in names {
                let article = try ArticleSource().read(.file(path: news.appendingPathComponent(name).path)).get()
                let analysis = worker.analyze(article)
                analyses[name] = analysis
                let findings = CrossChecker().check(analysis)
                let scalars = Array(article.text.unicodeScalars)
                for f in findings {
                    for r in f.figures {
                        #expect(r.start >= 0 && r.start < r.end && r.end <= scalars.count, "\(name): \(r)")
                    }
                }
                lines += try Finding.jsonLines(findings, undecided: true)
            }
        }
        try lines.write(toFile: out + "/articles.jsonl", atomically: true, encoding: .utf8)

        let tsv = try String(contentsOf: news.appendingPathComponent("CROSSCHECK_PAIRS.tsv"), encoding: .utf8)
        var pairs = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for row in tsv.split(separator: "\n").dropFirst() {
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count >= 3, let a = analyses[cells[1]], let b = analyses[cells[2]] else { continue }
            let conflicts = CrossChecker().conflicts([ArticleFigures(article: cells[1], figures: a.figures),
                                                      ArticleFigures(article: cells[2], figures: b.figures)])
            for c in conflicts {
                #expect(c.kind == .conflict && c.verdict == .fails && c.figures.count == 2 && c.figures[0].article != c.figures[1].article)
                pairs += String(decoding: try encoder.encode(c), as: UTF8.self) + "\n"
            }
        }
        try pairs.write(toFile: out + "/pairs.jsonl", atomically: true, encoding: .utf8)
    }
}
