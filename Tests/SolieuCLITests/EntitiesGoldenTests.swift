import Entities
import Figures
import Foundation
import SoLieu
import TestSupport
import Testing

/// Golden tests over `corpus/`: each article `NAME.txt` has its distinct entities beside it in
/// `NAME.entities.json` (kind, text, titles, name, start, end: Unicode-scalar offsets into the
/// file, as `solieu extract` and `solieu entities` give them), compared exactly with what the
/// analyzer finds. Regenerate on purpose with
/// `SOLIEU_UPDATE_GOLDEN=1 swift test --filter EntitiesGoldenTests`, then review the diff before
/// committing. The same switch writes the `NAME.figures.json` of an article that has none (a new
/// article) from the extractor's figures, to be checked by hand; it never rewrites one.
@Suite struct EntitiesGoldenTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    static var articles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["SOLIEU_UPDATE_GOLDEN"] == "1" }

    /// One analyzer for every article (the language data loads once).
    static let analyzer = Result { try ArticleAnalyzer.builtin() }

    /// The golden text: one entity a line, keys in a fixed order.
    static func render(_ entities: [Entity], article: String) -> String {
        func string(_ s: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
        let lines = entities.map { e in
            #" {"kind": \#(string(e.kind.rawValue)), "text": \#(string(e.text)), "titles": [\#(e.titles.map(string).joined(separator: ", "))], "name": \#(string(e.name)), "start": \#(e.start), "end": \#(e.end)}"#
        }
        return "{\"article\": \(string(article)), \"entities\": [\n" + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "]}\n"
    }

    /// Expected figures in the hand-annotated format of `NAME.figures.json` (`ScoringTests`).
    static func renderFigures(_ figures: [Figure], article: String) -> String {
        func string(_ s: String?) -> String {
            guard let s else { return "null" }
            return String(decoding: try! JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
        }
        let lines = figures.map { f in
            var line = #" {"text": \#(string(f.text)), "value": \#(f.value)"#
            if let max = f.valueMax { line += #", "valueMax": \#(max)"# }
            line += #", "unit": \#(string(f.unit)), "qualifier": \#(string(f.qualifier.rawValue)), "rate": \#(string(f.rate)), "time": \#(string(f.time?.description))}"#
            return line
        }
        return "{\"article\": \(string(article)), \"figures\": [\n" + lines.joined(separator: ",\n") + "\n]}\n"
    }

    @Test func corpusHasArticles() {
        #expect(Self.articles.count >= 3)
    }

    @Test(arguments: articles)
    func entities(article: String) throws {
        let url = Self.corpus.appendingPathComponent(article)
        let text = try String(contentsOf: url, encoding: .utf8)
        var figures: [Figure] = []
        let worker = try Self.analyzer.get().makeWorker()
        let found = try onLargeStack { worker.analyze(utf16: Array(text.utf16), article: article, referenceYear: nil) { figures += $0 } }
        let output = Self.render(found, article: article)
        let golden = Self.corpus.appendingPathComponent(article.replacingOccurrences(of: ".txt", with: ".entities.json"))
        if Self.updating {
            try output.write(to: golden, atomically: true, encoding: .utf8)
            let expectedFigures = Self.corpus.appendingPathComponent(article.replacingOccurrences(of: ".txt", with: ".figures.json"))
            if !FileManager.default.fileExists(atPath: expectedFigures.path) {
                try Self.renderFigures(figures, article: article).write(to: expectedFigures, atomically: true, encoding: .utf8)
            }
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let e = expected.split(separator: "\n"), o = output.split(separator: "\n")
        for line in e where !o.contains(line) { Issue.record("\(article): expected, not found:\n  \(line)") }
        for line in o where !e.contains(line) { Issue.record("\(article): found, not expected:\n  \(line)") }
        #expect(expected == output)
    }
}
