import ArgumentParser
import CrossCheck
import Foundation
import SoLieu

extension Solieu {
    struct Check: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl, json }

        static let configuration = CommandConfiguration(
            abstract: "Cross-check the figures of articles: totals, shares, averages, changes, ratios, targets, repeats.",
            discussion: """
            FILE or DIR arguments as for extract. Each finding names its kind, verdict (holds, fails, \
            undecided), severity (consistent, info, warning, error), its figures with Unicode-scalar \
            offsets, and the arithmetic in Vietnamese and English. jsonl writes one finding a line as \
            ../shared/tools/score-relations reads it; json one object {"article", "findings"} per article.
            """
        )

        @Argument(help: "Article files (UTF-8) or directories of them.")
        var inputs: [String]

        @Option(name: .long, help: "Output format: text, jsonl or json.")
        var format: Format = .text

        @Option(name: .long, help: "Articles analyzed in parallel (default: the number of active processors).")
        var jobs: Int?

        @OptionGroup var options: AnalysisOptions

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs) is not a positive number") }
        }

        func run() throws {
            let analyzer = try Extract.makeAnalyzer(options)
            let (paths, problems) = Extract.expand(inputs)
            let format = format
            let checker = CrossChecker()
            let pipeline = OrderedPipeline(count: paths.count, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            try Console.run { output, failed in
                if format == .json { try output.write("[\n") }
                for problem in problems { Console.report(problem); failed = true }
                try pipeline.write(to: output, jsonArray: format == .json, failed: &failed, makeWork: {
                    let worker = try analyzer.makeWorker()
                    return { index, emit in
                        let source = ArticleSource()
                        let (units, errors) = source.units([paths[index]])
                        var all: [any Error] = errors
                        var out = ""
                        for unit in units {
                            switch source.read(unit) {
                            case .failure(let error): all.append(error)
                            case .success(let article):
                                let analysis = worker.analyze(article)
                                let findings = checker.check(analysis)
                                switch format {
                                case .jsonl: out += (try? Finding.jsonLines(findings)) ?? ""
                                case .json:
                                    out += (out.isEmpty ? "" : ",\n") + "{\"article\":\(Self.quoted(article.name)),\"findings\":["
                                    out += findings.compactMap { try? $0.jsonLine() }.joined(separator: ",\n")
                                    out += "]}"
                                case .text:
                                    out += FindingText.render(findings, article: analysis.article)
                                }
                            }
                        }
                        if !out.isEmpty { _ = emit(Array(out.utf8)) }
                        return all
                    }
                })
                if format == .json { try output.write("\n]\n") }
            }
        }

        static func quoted(_ s: String) -> String {
            String(decoding: (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
        }
    }
}

/// Findings as text for a terminal: each with its sentence and arithmetic.
enum FindingText {
    static func render(_ findings: [Finding], article: Article) -> String {
        var out = ""
        let scalars = Array(article.text.unicodeScalars)
        for f in findings {
            out += "\(article.name): \(f.severity.rawValue): \(f.kind.rawValue) \(f.verdict.rawValue)\n"
            let from = f.figures.map(\.start).min() ?? 0, to = f.figures.map(\.end).max() ?? 0
            var s = from, e = to
            while s > 0, scalars[s - 1] != "\n", !(s >= 2 && scalars[s - 2] == "." && scalars[s - 1] == " ") { s -= 1 }
            while e < scalars.count, scalars[e] != "\n", scalars[e] != "." || (e + 1 < scalars.count && scalars[e + 1] != " " && scalars[e + 1] != "\n") { e += 1 }
            var line = ""
            for (k, c) in scalars[s..<min(e + 1, scalars.count)].enumerated() {
                let at = s + k
                if f.figures.contains(where: { $0.start == at }) { line += "[" }
                line.unicodeScalars.append(c)
                if f.figures.contains(where: { $0.end == at + 1 }) { line += "]" }
            }
            out += "  \(line)\n  \(f.computation)\n  \(f.computationEnglish)\n"
        }
        return out
    }
}
