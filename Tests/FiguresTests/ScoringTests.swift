import Foundation
import Testing
import TestSupport
@testable import Figures

/// The spec's scoring (`../shared/spec/figures.md`): a figure matches a gold figure of the same
/// article when the values (and upper ends) are equal and the units agree, leniently (one unit's
/// syllables begin the other's) or exactly; each gold figure matches at most one.
struct Score {
    var gold = 0, system = 0, lenient = 0, exact = 0
    var qualifierAgree = 0, rateAgree = 0, timeAgree = 0
    var misses: [String] = []

    var lenientF1: Double { f1(lenient) }
    var exactF1: Double { f1(exact) }
    func f1(_ matched: Int) -> Double {
        guard matched > 0 else { return 0 }
        let p = Double(matched) / Double(system), r = Double(matched) / Double(gold)
        return 2 * p * r / (p + r)
    }
    var qualifier: Double { Double(qualifierAgree) / Double(max(lenient, 1)) }
    var rate: Double { Double(rateAgree) / Double(max(lenient, 1)) }
    var time: Double { Double(timeAgree) / Double(max(lenient, 1)) }

    struct GoldFigure: Decodable {
        var text: String
        var value: Decimal
        var valueMax: Decimal?
        var unit: String
        var qualifier: String
        var rate: String?
        var time: String?
    }
    struct GoldArticle: Decodable { var article: String; var figures: [GoldFigure] }

    static func units(_ a: String, _ b: String, exact: Bool) -> Bool {
        let x = a.precomposedStringWithCanonicalMapping.lowercased().split(separator: " ")
        let y = b.precomposedStringWithCanonicalMapping.lowercased().split(separator: " ")
        if exact || x.isEmpty || y.isEmpty { return x == y }
        let n = min(x.count, y.count)
        return Array(x.prefix(n)) == Array(y.prefix(n))
    }

    mutating func add(gold: [GoldFigure], system: [Figure], article: String) {
        self.gold += gold.count
        self.system += system.count
        for exactUnits in [false, true] {
            var used = [Bool](repeating: false, count: system.count)
            for g in gold {
                guard let k = system.indices.first(where: { !used[$0] && system[$0].value == g.value && system[$0].valueMax == g.valueMax
                    && Self.units(g.unit, system[$0].unit, exact: exactUnits) }) else {
                    if !exactUnits { misses.append("\(article): \(g.text)") }
                    continue
                }
                used[k] = true
                if exactUnits { exact += 1; continue }
                lenient += 1
                let s = system[k]
                if s.qualifier.rawValue == g.qualifier { qualifierAgree += 1 }
                if s.rate == g.rate { rateAgree += 1 }
                if s.time?.description == g.time { timeAgree += 1 }
            }
        }
    }
}

@Suite struct ScoringTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    /// Every corpus article has its hand-annotated figures beside it, and the extractor finds them.
    @Test func corpusArticlesAgainstTheirExpectedFigures() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count >= 12)
        var score = Score()
        for name in names {
            let expectedURL = Self.corpus.appendingPathComponent(name.replacingOccurrences(of: ".txt", with: ".figures.json"))
            let expected = try JSONDecoder().decode(Score.GoldArticle.self, from: Data(contentsOf: expectedURL))
            #expect(expected.article == name)
            let text = try String(contentsOf: Self.corpus.appendingPathComponent(name), encoding: .utf8)
            score.add(gold: expected.figures, system: try figures(text), article: name)
        }
        #expect(score.gold >= 300)
        #expect(score.lenientF1 >= 0.98, "lenient F1 \(score.lenientF1); misses: \(score.misses)")
        #expect(score.exactF1 >= 0.94, "exact-unit F1 \(score.exactF1)")
        #expect(score.qualifier >= 0.98, "qualifier agreement \(score.qualifier)")
        #expect(score.rate >= 0.98, "rate agreement \(score.rate)")
        #expect(score.time >= 0.85, "time agreement \(score.time)")
    }

    static func scoreShared(gold dir: URL, news: URL) throws -> Score {
        var score = Score()
        for file in try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil) where file.pathExtension == "json" {
            let gold = try JSONDecoder().decode(Score.GoldArticle.self, from: Data(contentsOf: file))
            let text = try String(contentsOf: news.appendingPathComponent(gold.article), encoding: .utf8)
            score.add(gold: gold.figures, system: try figures(text), article: gold.article)
        }
        return score
    }

    @Test(.enabled(if: hasShared("data/gold-seed"), "needs ../shared/data/gold-seed"))
    func seedArticleIsExact() throws {
        guard let gold = sharedPath("data/gold-seed"), let seed = sharedPath("data/seed") else { return }
        let score = try Self.scoreShared(gold: gold, news: seed)
        #expect(score.gold == 8)
        #expect(score.system == 8)
        #expect(score.exact == 8)
        #expect(score.qualifierAgree == 8 && score.rateAgree == 8 && score.timeAgree == 8)
    }

    /// Second-round bars on gold-dev: lenient F1 >= 0.97, exact-unit F1 >= 0.94, qualifier and
    /// rate agreement >= 0.98, time agreement >= 0.90.
    @Test(.enabled(if: hasShared("data/gold-dev"), "needs ../shared/data/gold-dev"))
    func goldDevBars() throws {
        guard let gold = sharedPath("data/gold-dev"), let news = sharedPath("data/news") else { return }
        let score = try Self.scoreShared(gold: gold, news: news)
        #expect(score.gold == 603)
        #expect(score.lenientF1 >= 0.97, "lenient F1 \(score.lenientF1)")
        #expect(score.exactF1 >= 0.94, "exact-unit F1 \(score.exactF1)")
        #expect(score.qualifier >= 0.98, "qualifier \(score.qualifier)")
        #expect(score.rate >= 0.98, "rate \(score.rate)")
        #expect(score.time >= 0.90, "time \(score.time)")
    }
}
