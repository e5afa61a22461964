import ArgumentParser
import Entities
import Figures
import SoLieu
import Foundation
import VietText

extension Solieu {
    struct Extract: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case json, jsonl, csv }

        static let configuration = CommandConfiguration(
            abstract: "Extract the figures (value, unit, qualifier, rate, time) of articles.",
            discussion: """
            FILE or DIR arguments: a directory stands for its *.txt, *.html and *.jsonl files (pages and \
            JSON Lines records are read as articles: their text without page chrome, named by the file or \
            the record's id or url). jsonl writes one figure a line \
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

        @Option(name: .long, help: "Articles analyzed in parallel (default: the number of active processors).")
        var jobs: Int?

        @OptionGroup var options: AnalysisOptions

        func validate() throws {
            if let y = referenceYear, !(1900...2100).contains(y) {
                throw ValidationError("--reference-year \(y) is not a year between 1900 and 2100")
            }
            if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs) is not a positive number") }
        }

        func run() throws {
            // the lexicon and rules are immutable: loaded once, shared by the workers
            let analyzer = try Self.makeAnalyzer(options)
            let (paths, problems) = Self.expand(inputs)
            let format = format, referenceYear = referenceYear
            let pipeline = OrderedPipeline(count: paths.count, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            try Console.run { output, failed in
                if format == .csv { try output.write(Self.csvColumns.joined(separator: ",") + "\n") }
                if format == .json { try output.write("[\n") }
                for problem in problems { Console.report(problem); failed = true }
                try pipeline.write(to: output, jsonArray: format == .json, failed: &failed, makeWork: {
                    let worker = try analyzer.makeWorker()
                    let records = RecordEncoder()
                    return { index, emit in
                        Self.extract(paths[index], worker: worker, records: records, format: format,
                                     referenceYear: referenceYear, emit: emit)
                    }
                })
                if format == .json { try output.write("\n]\n") }
            }
        }

        /// The analyzer (figure and entity rules) with the `--lexicon` and `--tone` options.
        static func makeAnalyzer(_ options: AnalysisOptions) throws -> ArticleAnalyzer {
            return try ArticleAnalyzer.builtin(languageData: options.makeLanguageData)
        }

        /// The CSV columns: the figure's, then the text of its subject and place.
        static let csvColumns = FigureCSV.columns + ["subject", "place"]

        /// The extensions of the files read as articles (`ArticleSource`: page structure, JSON
        /// Lines records) rather than as plain text streamed in pieces.
        static let articleExtensions: Set<String> = ["html", "htm", "jsonl"]

        static func pathExtension(_ path: String) -> String {
            URL(fileURLWithPath: path).pathExtension.lowercased()
        }

        /// Extracts one article on a worker, emitting its records in pieces of about 64 kB.
        static func extract(_ path: String, worker: ArticleAnalyzer.Worker, records: RecordEncoder, format: Format,
                            referenceYear: Int?, emit: OrderedPipeline.Emit) -> [any Error] {
            if path != "-" && articleExtensions.contains(pathExtension(path)) {
                return extractArticles(path, worker: worker, records: records, format: format, referenceYear: referenceYear, emit: emit)
            }
            struct Stopped: Error {}
            var out: [UInt8] = []
            var opened = false
            var figures = 0
            do {
                let units = try Input.read(path).utf16()
                let name = path == "-" ? "stdin" : URL(fileURLWithPath: path).lastPathComponent
                if format == .json {
                    out += #"{"article":"#.utf8
                    RecordEncoder.appendJSONString(name, to: &out)
                    out += #","figures":["#.utf8
                    opened = true
                }
                var warnings: [FigureWarning] = []
                defer {
                    // after the article's records; a warning does not fail the run
                    for w in warnings { Console.write("solieu: \(path == "-" ? "stdin" : path):\(Self.position(of: w.start, in: units)): warning: \(w.message)\n") }
                }
                _ = try worker.analyze(utf16: units, article: name, referenceYear: referenceYear, warn: { warnings.append($0) }) { found in
                    for f in found {
                        try append(f, first: figures == 0, format: format, records: records, to: &out)
                        figures += 1
                    }
                    if out.count >= 1 << 16 {
                        guard emit(out) else { throw Stopped() }
                        out.removeAll(keepingCapacity: true)
                    }
                }
                if opened { out += (figures == 0 ? "]}" : "\n]}").utf8 }
                if !out.isEmpty { _ = emit(out) }
                return []
            } catch is Stopped {
                return []
            } catch {
                // keep the json well formed around an article that failed half way
                if opened { out += (figures == 0 ? "]}" : "\n]}").utf8 }
                if !out.isEmpty { _ = emit(out) }
                return [error]
            }
        }

        /// Extracts the articles of an HTML page or a JSON Lines file (one article a record), each
        /// under its own name (the file's, or the record's id or url), from the article's text
        /// (its blocks joined by blank lines: offsets are into that text); the article's date is
        /// the reference year unless `--reference-year` is given. A record that cannot be read is
        /// an error of its own; the others are still extracted.
        static func extractArticles(_ path: String, worker: ArticleAnalyzer.Worker, records: RecordEncoder, format: Format,
                                    referenceYear: Int?, emit: OrderedPipeline.Emit) -> [any Error] {
            let source = ArticleSource()
            let (units, problems) = source.units([path])
            var errors: [any Error] = problems
            var out: [UInt8] = []
            var objects = 0
            for unit in units {
                let article: Article
                switch source.read(unit) {
                case .failure(let error):
                    errors.append(error)
                    continue
                case .success(let a):
                    article = a
                }
                if format == .json {
                    if objects > 0 { out += ",\n".utf8 }
                    out += #"{"article":"#.utf8
                    RecordEncoder.appendJSONString(article.name, to: &out)
                    out += #","figures":["#.utf8
                }
                var figures = 0
                var warnings: [FigureWarning] = []
                do {
                    _ = try worker.analyze(utf16: Array(article.text.utf16), article: article.name,
                                           referenceYear: referenceYear ?? article.date?.year, warn: { warnings.append($0) }) { found in
                        for f in found {
                            try append(f, first: figures == 0, format: format, records: records, to: &out)
                            figures += 1
                        }
                    }
                } catch {
                    errors.append(error)
                }
                for w in warnings { Console.write("solieu: \(unit.file): \(article.name): warning: \(w.message)\n") }
                if format == .json {
                    out += (figures == 0 ? "]}" : "\n]}").utf8
                    objects += 1
                }
                if out.count >= 1 << 16 {
                    guard emit(out) else { return errors }
                    out.removeAll(keepingCapacity: true)
                }
            }
            if !out.isEmpty { _ = emit(out) }
            return errors
        }

        /// One figure's record in `format` (in `json`, after `,` unless it is the article's first).
        static func append(_ f: Figure, first: Bool, format: Format, records: RecordEncoder, to out: inout [UInt8]) throws {
            switch format {
            case .jsonl:
                try records.appendJSON(f, to: &out)
                out.append(0x0A)
            case .json:
                out += (first ? "\n" : ",\n").utf8
                try records.appendJSON(f, to: &out)
            case .csv:
                // the subject and place as their text (the nested records would go through JSONEncoder)
                var plain = f
                plain.subject = nil
                plain.place = nil
                try records.appendCSV(plain, columns: FigureCSV.columns, to: &out)
                out.append(0x2C)
                RecordEncoder.appendCSVField(f.subject?.text ?? "", to: &out)
                out.append(0x2C)
                RecordEncoder.appendCSVField(f.place?.text ?? "", to: &out)
                out.append(0x0A)
            }
        }

        /// `line:column` (1-based, columns in Unicode scalars) of a scalar offset.
        static func position(of scalarOffset: Int, in units: [UInt16]) -> String {
            var line = 1, column = 1, scalars = 0
            for u in units where scalars < scalarOffset {
                if (u & 0xFC00) == 0xDC00 { continue }
                scalars += 1
                if u == 0x0A { line += 1; column = 1 } else { column += 1 }
            }
            return "\(line):\(column)"
        }

        /// Files, with directories replaced by their `.txt` files (sorted); a missing path is kept
        /// so that reading it reports the error. A directory that cannot be listed, or has no
        /// `.txt` file, is a problem of its own; the other inputs are still expanded.
        static func expand(_ inputs: [String], in fs: FileSystem = .real) -> ([String], [InputError]) {
            var out: [String] = []
            var problems: [InputError] = []
            for path in inputs {
                guard path != "-", fs.kind(path) == .directory else {
                    out.append(path)
                    continue
                }
                let names: [String]
                do { names = try fs.list(path).filter { $0.hasSuffix(".txt") || articleExtensions.contains(pathExtension($0)) }.sorted() } catch {
                    problems.append(error)
                    continue
                }
                if names.isEmpty { problems.append(InputError(file: path, position: nil, message: "is a directory with no .txt, .html or .jsonl files")) }
                out += names.map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
            }
            return (out, problems)
        }
    }
}
