import CrossCheck
import Foundation
import SoLieu
import TestSupport
import Testing

/// The findings on every article with gold relations (`../shared/data/gold-dev-relations`, texts
/// from `data/news` or `data/seed`), scored by `tools/score-relations`: the bars of issue 9
/// (lenient recall and precision >= 0.80, verdict agreement >= 0.95, at least 11 of the 13
/// inconsistencies caught). With `CROSSCHECK_OUT` set, the findings are also written there.
@Suite struct DevFindings {
    @Test(.enabled(if: hasShared("data/gold-dev-relations") && hasShared("tools/score-relations")))
    func scoredOnTheDevGold() throws {
        guard let gold = sharedPath("data/gold-dev-relations"), let scorer = sharedPath("tools/score-relations") else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: gold.path).filter { $0.hasSuffix(".txt.json") }.sorted()
        let analyzer = try ArticleAnalyzer.builtin()
        var lines = ""
        var found = 0
        try onLargeStack {
            let worker = try analyzer.makeWorker()
            for name in names {
                let text = String(name.dropLast(".json".count))
                // the text is in data/news or data/seed (probed without `hasShared`, which reports a miss under CI)
                let data = gold.deletingLastPathComponent()
                guard let url = ["news", "seed"].map({ data.appendingPathComponent($0).appendingPathComponent(text) })
                    .first(where: { FileManager.default.fileExists(atPath: $0.path) }) else { continue }
                let article = try ArticleSource().read(.file(path: url.path)).get()
                lines += try Finding.jsonLines(CrossChecker().check(worker.analyze(article)))
                found += 1
            }
        }
        #expect(found == 22)
        let out = ProcessInfo.processInfo.environment["CROSSCHECK_OUT"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-dev-\(UUID().uuidString).jsonl")
        try lines.write(to: out, atomically: true, encoding: .utf8)
        let (status, scored) = try scoreRelations(scorer: scorer, gold: gold, predictions: out)
        #expect(status == 0)
        let score = try #require(scored)
        let lenient = try #require(score["lenient"] as? [String: Any])
        let caught = try #require((score["inconsistencies"] as? [String: Any])?["caught"] as? Int)
        #expect(try #require(lenient["recall"] as? Double) >= 0.80, "\(score)")
        #expect(try #require(lenient["precision"] as? Double) >= 0.80, "\(score)")
        #expect(try #require(score["verdictAgreement"] as? Double) >= 0.95, "\(score)")
        #expect(caught >= 11, "\(score)")
    }
}

/// `../shared/tools/score-relations --json` over `predictions` against `gold` (extra arguments
/// after them): its exit status and the scores it prints.
func scoreRelations(scorer: URL, gold: URL, predictions: URL, _ extra: [String] = []) throws -> (status: Int32, score: [String: Any]?) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", scorer.path, gold.path, predictions.path, "--json"] + extra
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, try? JSONSerialization.jsonObject(with: data) as? [String: Any])
}
