import Foundation
import Testing
import VietText

/// Golden tests over `corpus/`: each article `NAME.txt` has its expected segmentation beside it
/// in `NAME.segmented`. Regenerate on purpose with `SOLIEU_UPDATE_GOLDEN=1 swift test`, then
/// review the diff before committing.
@Suite struct CorpusGoldenTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    static var articles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test func corpusHasArticles() {
        #expect(Self.articles.count >= 3)
    }

    @Test(arguments: articles)
    func segmentation(article: String) throws {
        let text = try String(contentsOf: Self.corpus.appendingPathComponent(article), encoding: .utf8)
        let output = try withAnalyzer { analyzer in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                var out: [UInt8] = []
                analyzer.appendSegmented(Array(line.utf16), to: &out)
                return String(decoding: out, as: UTF8.self)
            }.joined(separator: "\n")
        }
        let golden = Self.corpus.appendingPathComponent(article.replacingOccurrences(of: ".txt", with: ".segmented"))
        if ProcessInfo.processInfo.environment["SOLIEU_UPDATE_GOLDEN"] == "1" {
            try output.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let pairs = zip(expected.split(separator: "\n", omittingEmptySubsequences: false),
                        output.split(separator: "\n", omittingEmptySubsequences: false))
        for (n, (e, o)) in pairs.enumerated() where e != o {
            Issue.record("\(article):\(n + 1): expected\n  \(e)\ngot\n  \(o)")
        }
        #expect(expected == output)
    }
}
