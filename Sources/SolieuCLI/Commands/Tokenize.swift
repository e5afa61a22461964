import ArgumentParser
import Foundation
import VietText

extension Solieu {
    struct Tokenize: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        static let configuration = CommandConfiguration(
            abstract: "List the sentences, tokens and words of text files, with kinds and offsets.",
            discussion: "Offsets are Unicode-scalar offsets into the original text, end exclusive."
        )

        @Argument(help: "Text files (UTF-8); '-' for standard input.")
        var files: [String]

        @Option(name: .long, help: "Output format: text or json.")
        var format: Format = .text

        @OptionGroup var options: AnalysisOptions

        func run() throws {
            let analyzer = try options.makeAnalyzer()
            var console = Console()
            var failed = false
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            for path in files {
                do {
                    let text = try Input.read(path).text()
                    let report = TextReport(analyzer.analyze(text), source: path)
                    switch format {
                    case .json: console.write(Array(try encoder.encode(report)) + [0x0A])
                    case .text: console.write(render(report))
                    }
                } catch {
                    console.flush()
                    Console.report(error)
                    failed = true
                }
            }
            console.flush()
            if failed { throw ExitCode.failure }
        }

        private func render(_ report: TextReport) -> String {
            var out = "# \(report.source ?? "")\n"
            for (n, s) in report.sentences.enumerated() {
                out += "sentence \(n + 1) [\(s.start)..<\(s.end)]: \(s.text)\n"
                for t in s.tokens {
                    let normalized = t.normalized.map { " -> \($0)" } ?? ""
                    out += "  \(t.start)..<\(t.end)\t\(t.kind)\t\(t.text)\(normalized)\n"
                }
                out += "  words: " + s.words.map { $0.text.replacingOccurrences(of: " ", with: "_") }.joined(separator: " ") + "\n"
            }
            return out
        }
    }
}
