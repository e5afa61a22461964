import ArgumentParser
import VietText

extension Solieu {
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split text into words (VLSP format: syllables of a word joined by '_').",
            discussion: """
            Writes one line per input line, words separated by spaces: \
            'Thanh bắt_chuyện với Hùng .'. With --sentences, one sentence per line instead. \
            Reads standard input when no file is given. A file that cannot be read or a line \
            that is not UTF-8 is reported with its position and skipped; the exit status is 1 then.
            """
        )

        @Argument(help: "Text files (UTF-8). Standard input when none.")
        var files: [String] = []

        @Flag(name: .long, help: "Write one sentence per line instead of one line per input line.")
        var sentences = false

        @OptionGroup var options: AnalysisOptions

        func run() throws {
            let analyzer = try options.makeAnalyzer()
            try Console.run { output, failed in
                var out: [UInt8] = []
                for path in files.isEmpty ? ["-"] : files {
                    let input: Input
                    do { input = try Input.read(path) } catch {
                        try output.flush()
                        Console.report(error)
                        failed = true
                        continue
                    }
                    var writeError: (any Error)?
                    input.forEachLine({ line, _ in
                        guard writeError == nil else { return }
                        do { try segment(line, analyzer: analyzer, out: &out, output: output) } catch { writeError = error }
                    }, invalid: { error in
                        guard writeError == nil else { return }
                        do { try output.flush() } catch { writeError = error; return }
                        Console.report(error)
                        failed = true
                    })
                    if let writeError { throw writeError }
                }
            }
        }

        /// One input line; a long one is cut into pieces (at sentence ends or spaces) whose
        /// output is joined as the whole line's would be, and written piece by piece.
        private func segment(_ line: [UInt16], analyzer: TextAnalyzer, out: inout [UInt8], output: Output) throws {
            var empty = true
            try Chunks.forEach(line) { piece, _ in
                if sentences {
                    appendSentences(analyzer.analyze(analyzer.normalizer.normalize(piece)), to: &out)
                } else {
                    let mark = out.count
                    if !empty { out.append(0x20) }
                    let start = out.count
                    analyzer.appendSegmented(piece, to: &out)
                    if out.count == start { out.removeSubrange(mark...) } else { empty = false }
                }
                if out.count >= 1 << 16 {
                    try output.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            if !sentences { out.append(0x0A) }
            try output.write(out)
            out.removeAll(keepingCapacity: true)
        }

        private func appendSentences(_ analyzed: AnalyzedText, to out: inout [UInt8]) {
            for sentence in analyzed.sentences {
                // the sentence's own tokens (VLSP.append sizes its buffer from the tokens given:
                // all of a long text's tokens for each sentence was quadratic)
                let base = sentence.tokens.lowerBound
                let words = analyzed.words[sentence.words].map { Word(tokens: ($0.tokens.lowerBound - base)..<($0.tokens.upperBound - base)) }
                VLSP.append(words: words, tokens: Array(analyzed.tokens[sentence.tokens]), original: analyzed.text.original, to: &out)
                out.append(0x0A)
            }
        }
    }
}
