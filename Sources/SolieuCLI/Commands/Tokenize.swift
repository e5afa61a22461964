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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try Console.run { output, failed in
                for path in files {
                    let units: [UInt16]
                    do { units = try Input.read(path).utf16() } catch {
                        try output.flush()
                        Console.report(error)
                        failed = true
                        continue
                    }
                    try write(units, source: path, analyzer: analyzer, encoder: encoder, to: output)
                }
            }
        }

        /// The report of one text, streamed: the text is analyzed in bounded pieces (cut at
        /// line breaks, sentence ends or spaces) and each piece's sentences are written with
        /// offsets into the whole text, so that a 30 MB line needs no more memory than a piece.
        /// The output is the same as one `TextReport` of the whole text.
        private func write(_ units: [UInt16], source: String, analyzer: TextAnalyzer, encoder: JSONEncoder, to output: Output) throws {
            var number = 0
            switch format {
            case .text: try output.write("# \(source)\n")
            case .json: try output.write("{\n  \"schemaVersion\" : \(TextReport.schemaVersion),\n  \"sentences\" : [\n")
            }
            try Chunks.forEach(units) { piece, base in
                var report = TextReport(analyzer.analyze(analyzer.normalizer.normalize(piece)), source: source)
                if base > 0 { report.shift(by: base) }
                switch format {
                case .text:
                    try output.write(render(report, from: number))
                case .json:
                    var out: [UInt8] = []
                    for sentence in report.sentences {
                        if number > 0 || !out.isEmpty { out += Array(",\n".utf8) }
                        // the record at the depth of the array's elements: 4 spaces
                        out += [0x20, 0x20, 0x20, 0x20]
                        for byte in try encoder.encode(sentence) {
                            out.append(byte)
                            if byte == 0x0A { out += [0x20, 0x20, 0x20, 0x20] }
                        }
                    }
                    try output.write(out)
                }
                number += report.sentences.count
            }
            if format == .json {
                let name = String(decoding: try encoder.encode(source), as: UTF8.self)
                try output.write("\n  ],\n  \"source\" : \(name)\n}\n")
            }
        }

        /// The text lines of a piece's sentences, numbered from `first` + 1.
        private func render(_ report: TextReport, from first: Int) -> String {
            var out = ""
            for (n, s) in report.sentences.enumerated() {
                out += "sentence \(first + n + 1) [\(s.start)..<\(s.end)]: \(s.text)\n"
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

extension TextReport {
    /// Moves every offset by `delta` scalars (a piece's report into the whole text's).
    mutating func shift(by delta: Int) {
        for s in sentences.indices {
            sentences[s].start += delta
            sentences[s].end += delta
            for t in sentences[s].tokens.indices {
                sentences[s].tokens[t].start += delta
                sentences[s].tokens[t].end += delta
            }
            for w in sentences[s].words.indices {
                sentences[s].words[w].start += delta
                sentences[s].words[w].end += delta
            }
        }
    }
}
