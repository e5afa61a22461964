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
            var console = Console()
            var failed = false
            var out: [UInt8] = []
            for path in files.isEmpty ? ["-"] : files {
                let input: Input
                do { input = try Input.read(path) } catch {
                    Console.report(error)
                    failed = true
                    continue
                }
                input.forEachLine({ line, _ in
                    out.removeAll(keepingCapacity: true)
                    if sentences {
                        appendSentences(analyzer.analyze(analyzer.normalizer.normalize(line)), to: &out)
                    } else {
                        analyzer.appendSegmented(line, to: &out)
                        out.append(0x0A)
                    }
                    console.write(out)
                }, invalid: { error in
                    console.flush()
                    Console.report(error)
                    failed = true
                })
            }
            console.flush()
            if failed { throw ExitCode.failure }
        }

        private func appendSentences(_ analyzed: AnalyzedText, to out: inout [UInt8]) {
            for sentence in analyzed.sentences {
                let words = Array(analyzed.words[sentence.words])
                VLSP.append(words: words, tokens: analyzed.tokens, original: analyzed.text.original, to: &out)
                out.append(0x0A)
            }
        }
    }
}
