import ArgumentParser
import Entities
import Figures
import Foundation
import SoLieu

extension Solieu {
    struct Entities: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl, json }

        static let configuration = CommandConfiguration(
            abstract: "List the people, organisations, places and documents that articles name.",
            discussion: """
            FILE or DIR arguments as for extract: a directory stands for its *.txt, *.html and *.jsonl \
            files, '-' for standard input. Each article's distinct entities are listed once, in order of \
            first mention, with the text as first written in full. text writes a table per article (kind, \
            text, titles); jsonl one entity a line with 'article' set to the article's name (the file's \
            name, or the record's id or url) as ../shared/tools/score-entities reads it; json one object \
            {"article", "entities"} per article. Offsets (start, end, mentions) are Unicode-scalar offsets \
            into the article. A file that cannot be read or is not UTF-8 is reported with its position; \
            the others are still read and the exit status is 1.
            """
        )

        @Argument(help: "Article files (UTF-8) or directories of them; '-' for standard input.")
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
            let pipeline = OrderedPipeline(count: paths.count, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            try Console.run { output, failed in
                if format == .json { try output.write("[\n") }
                for problem in problems { Console.report(problem); failed = true }
                try pipeline.write(to: output, jsonArray: format == .json, failed: &failed, makeWork: {
                    let worker = try analyzer.makeWorker()
                    let records = RecordEncoder()
                    return { index, emit in
                        struct Stopped: Error {}
                        var out: [UInt8] = []
                        var articles = 0
                        let errors = Self.forEachArticle(paths[index]) { name, units, year in
                            let entities = worker.analyze(utf16: units, article: name, referenceYear: year) { _ in }
                            if format == .json && articles > 0 { out += ",\n".utf8 }
                            try Self.append(entities, article: name, format: format, records: records, to: &out)
                            articles += 1
                            if out.count >= 1 << 16 {
                                guard emit(out) else { throw Stopped() }
                                out.removeAll(keepingCapacity: true)
                            }
                        }
                        if !out.isEmpty { _ = emit(out) }
                        return errors.filter { !($0 is Stopped) }
                    }
                })
                if format == .json { try output.write("\n]\n") }
            }
        }

        /// Calls `body` with each article of an input (its name, text and the year of its date):
        /// a file is read by `ArticleSource` (a text file: the file's own prefix without its page
        /// chrome; a page or JSON Lines record: the article's text, as `extract` gives them);
        /// standard input is one article. Returns the errors, each naming its file and position.
        static func forEachArticle(_ path: String, _ body: (String, [UInt16], Int?) throws -> Void) -> [any Error] {
            // a text file is read as an article too: its page chrome (`Email`, `Ý kiến`) is cut
            // and its byline known; its text stays the file's prefix, so offsets are the file's
            if path != "-" {
                let source = ArticleSource()
                let (units, problems) = source.units([path])
                var errors: [any Error] = problems
                for unit in units {
                    switch source.read(unit) {
                    case .failure(let error):
                        errors.append(error)
                    case .success(let article):
                        do { try body(article.name, Array(article.text.utf16), article.date?.year) } catch { errors.append(error) }
                    }
                }
                return errors
            }
            do {
                let units = try Input.read(path).utf16()
                try body(path == "-" ? "stdin" : URL(fileURLWithPath: path).lastPathComponent, units, nil)
                return []
            } catch {
                return [error]
            }
        }

        /// One article's entities in `format` (json: the article's object).
        static func append(_ entities: [Entity], article: String, format: Format, records: RecordEncoder, to out: inout [UInt8]) throws {
            switch format {
            case .jsonl:
                for var e in entities {
                    e.article = article
                    try records.appendJSON(e, to: &out)
                    out.append(0x0A)
                }
            case .json:
                out += #"{"article":"#.utf8
                RecordEncoder.appendJSONString(article, to: &out)
                out += #","entities":["#.utf8
                for (n, var e) in entities.enumerated() {
                    e.article = article
                    out += (n == 0 ? "\n" : ",\n").utf8
                    try records.appendJSON(e, to: &out)
                }
                out += (entities.isEmpty ? "]}" : "\n]}").utf8
            case .text:
                out += "# \(article)\n".utf8
                if entities.isEmpty {
                    out += "(no entities)\n\n".utf8
                    return
                }
                var table = Table(header: ["kind", "text", "titles"], limits: [12, 60, nil])
                for e in entities { table.append([e.kind.rawValue, e.text, e.titles.joined(separator: "; ")]) }
                out += table.render().utf8
                out.append(0x0A)
            }
        }
    }
}
