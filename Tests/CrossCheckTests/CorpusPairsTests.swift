import CrossCheck
import Foundation
import SoLieu
import TestSupport
import Testing

/// The pairs of `corpus/crosscheck/`: bulletins written for the cross-checker, each with a twin
/// that carries one planted error (README.md there). The planted error is found, with its kind;
/// the consistent twin gives no warning or error.
@Suite struct CorpusPairsTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus/crosscheck")

    static var pairs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix("-sai.txt") }.map { String($0.dropLast("-sai.txt".count)) }.sorted()
    }

    struct Gold: Decodable {
        struct Relation: Decodable { let kind: String; let figures: [String]; let holds: Bool }
        let relations: [Relation]
    }

    static func check(_ name: String) throws -> (ArticleAnalysis, [Finding]) {
        let article = try ArticleSource().read(.file(path: directory.appendingPathComponent(name).path)).get()
        let analysis = try onLargeStack { try ArticleAnalyzer.builtin().makeWorker().analyze(article) }
        return (analysis, CrossChecker().check(analysis))
    }

    /// Where label `X` or `X#k` sits in `text`, as `../shared/spec/relations.md` locates gold labels.
    static func locate(_ label: String, in text: String) throws -> Range<Int> {
        var parts = label.components(separatedBy: "#")
        var k = 1
        if parts.count > 1, let n = Int(parts.last!) { k = n; parts.removeLast() }
        let needle = Array(parts.joined(separator: "#").unicodeScalars), hay = Array(text.unicodeScalars)
        var seen = 0
        for s in 0...(hay.count - needle.count) where Array(hay[s..<s + needle.count]) == needle {
            let before = s > 0 ? hay[s - 1] : " ", after = s + needle.count < hay.count ? hay[s + needle.count] : " "
            if before.properties.isAlphabetic || before.properties.numericType != nil || before == "." || before == "," { continue }
            if after.properties.numericType != nil { continue }
            seen += 1
            if seen == k { return s..<s + needle.count }
        }
        throw CocoaError(.formatting, userInfo: [NSLocalizedDescriptionKey: "label \(label) not found"])
    }

    @Test(arguments: pairs) func plantedErrorFound(pair: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(pair + "-sai.relations.json"))
        let planted = try #require(try JSONDecoder().decode(Gold.self, from: data).relations.first { !$0.holds })
        let (analysis, findings) = try Self.check(pair + "-sai.txt")
        let spans = try planted.figures.map { try Self.locate($0, in: analysis.article.text) }
        func covers(_ f: Finding, _ span: Range<Int>) -> Bool { f.figures.contains { $0.start < span.upperBound && span.lowerBound < $0.end } }
        // leniently: the relation's first figure and another of its figures, in a failing finding of its kind
        let hit = findings.first { f in
            f.kind.rawValue == planted.kind && f.verdict == .fails && covers(f, spans[0]) && spans.dropFirst().contains { covers(f, $0) }
        }
        #expect(hit != nil, "\(planted.kind) \(planted.figures) not found; findings: \(findings.map { "\($0.kind) \($0.verdict) \($0.figures.map(\.text))" })")
        #expect(hit.map { $0.severity == .warning || $0.severity == .error } ?? false)
    }

    @Test(arguments: pairs) func consistentTwinIsQuiet(pair: String) throws {
        let (_, findings) = try Self.check(pair + "-dung.txt")
        let loud = findings.filter { $0.severity == .warning || $0.severity == .error }
        #expect(loud.isEmpty, "\(loud.map { "\($0.kind) \($0.figures.map(\.text)): \($0.computation)" })")
    }
}
