import ArgumentParser
import Figures
import Foundation
import VietText

extension Solieu {
    struct Extract: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl, csv }

        static let configuration = CommandConfiguration(
            abstract: "Extract the figures (value, unit, qualifier, rate, time) of articles.",
            discussion: """
            FILE or DIR arguments: a directory stands for its *.txt files. jsonl writes one figure a line \
            with 'article' set to the file's name; json writes one object per article; csv one row per \
            figure. Offsets (start, end) are Unicode-scalar offsets into the article. A file that cannot \
            be read or is not UTF-8 is reported with its position; the others are still extracted and the \
            exit status is 1.
            """
        )

        @Argument(help: "Article files (UTF-8) or directories of them; '-' for standard input.")
        var inputs: [String]

        @Option(name: .long, help: "Output format: json, jsonl or csv.")
        var format: Format = .jsonl

        @Option(name: .long, help: "The year that completes dates without one (default: the article's date line).")
        var referenceYear: Int?

        @OptionGroup var options: AnalysisOptions

        func validate() throws {
            if let y = referenceYear, !(1900...2100).contains(y) {
                throw ValidationError("--reference-year \(y) is not a year between 1900 and 2100")
            }
        }

        func run() throws {
            let extractor = try FigureExtractor(analyzer: options.makeAnalyzer(), rules: FigureRules.builtin())
            var console = Console()
            var failed = false
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            if format == .csv { console.write(FigureCSV.header + "\n") }
            if format == .json { console.write("[\n") }
            var firstArticle = true
            let (paths, problems) = try Self.expand(inputs)
            for problem in problems { Console.report(problem); failed = true }
            for path in paths {
                do {
                    let units = try Input.read(path).utf16()
                    let name = path == "-" ? "stdin" : URL(fileURLWithPath: path).lastPathComponent
                    switch format {
                    case .jsonl:
                        try extractor.extract(utf16: units, article: name, referenceYear: referenceYear) { figures in
                            for f in figures { console.write(Array(try encoder.encode(f)) + [0x0A]) }
                        }
                    case .json:
                        let figures = extractor.extract(utf16: units, article: name, referenceYear: referenceYear)
                        let pretty = JSONEncoder()
                        pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                        let body = try pretty.encode(ArticleFigures(article: name, figures: figures))
                        console.write((firstArticle ? "" : ",\n") + String(decoding: body, as: UTF8.self))
                        firstArticle = false
                    case .csv:
                        extractor.extract(utf16: units, article: name, referenceYear: referenceYear) { figures in
                            for f in figures { console.write(FigureCSV.row(f) + "\n") }
                        }
                    }
                } catch {
                    console.flush()
                    Console.report(error)
                    failed = true
                }
            }
            if format == .json { console.write("\n]\n") }
            console.flush()
            if failed { throw ExitCode.failure }
        }

        /// Files, with directories replaced by their `.txt` files (sorted); a missing path is kept
        /// so that reading it reports the error.
        static func expand(_ inputs: [String]) throws -> ([String], [InputError]) {
            var out: [String] = []
            var problems: [InputError] = []
            for path in inputs {
                var isDirectory: ObjCBool = false
                if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".txt") }.sorted()
                    if names.isEmpty { problems.append(InputError(file: path, position: nil, message: "is a directory with no .txt files")) }
                    out += names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
                } else {
                    out.append(path)
                }
            }
            return (out, problems)
        }
    }
}
