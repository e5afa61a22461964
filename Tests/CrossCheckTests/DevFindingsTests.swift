import CrossCheck
import Foundation
import SoLieu
import TestSupport
import Testing

/// Writes the findings on every article with gold relations (`../shared/data/gold-dev-relations`,
/// texts from `data/news` or `data/seed`) to `$CROSSCHECK_OUT` as JSON Lines, for
/// `tools/score-relations data/gold-dev-relations $CROSSCHECK_OUT`. Runs only when that is set.
@Suite struct DevFindings {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CROSSCHECK_OUT"] != nil && hasShared("data/gold-dev-relations")))
    func write() throws {
        guard let out = ProcessInfo.processInfo.environment["CROSSCHECK_OUT"], let gold = sharedPath("data/gold-dev-relations") else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: gold.path).filter { $0.hasSuffix(".txt.json") }.sorted()
        let analyzer = try ArticleAnalyzer.builtin()
        var lines = ""
        for name in names {
            let text = String(name.dropLast(".json".count))
            guard let url = ["data/news/", "data/seed/"].lazy.compactMap({ hasShared($0 + text) ? sharedPath($0 + text) : nil }).first else { continue }
            let article = try ArticleSource().read(.file(path: url.path)).get()
            let analysis = try onLargeStack { try analyzer.makeWorker().analyze(article) }
            lines += try Finding.jsonLines(CrossChecker().check(analysis))
        }
        try lines.write(toFile: out, atomically: true, encoding: .utf8)
    }
}
