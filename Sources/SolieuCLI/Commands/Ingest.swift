import ArgumentParser
import FigureStore
import Foundation
import SoLieu

extension Solieu {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read articles into the database: their structure, text and figures.",
            discussion: """
            PATH: a text (.txt), HTML (.html, .htm) or JSON Lines (.jsonl: {"url", "title", "date", "text" or \
            "html"} a line) file, a directory (searched recursively for those), or '-' for standard input. An \
            article is named by its file name (JSON Lines: its id or url); one already stored with the same \
            content is skipped, a changed one replaced. Articles are analysed on all cores and written in one \
            transaction per batch: an interrupted ingest keeps every finished batch, and running it again \
            completes the rest. A file that cannot be read is reported with its path and reason; the others \
            are still ingested and the exit status is 1.
            """
        )

        @Argument(help: "Files, directories, or '-' for standard input.")
        var paths: [String]

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Articles analysed in parallel (default: the number of active processors).")
        var jobs: Int?

        @Option(name: .long, help: "Articles written per transaction.")
        var batch: Int = 200

        @Flag(name: .long, inversion: .prefixedNo, help: "Show a progress line on a terminal.")
        var progress: Bool = true

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs) is not a positive number") }
            if batch < 1 { throw ValidationError("--batch \(batch) is not a positive number") }
        }

        func run() throws {
            let started = Date()
            let figureStore = try store.open()
            let analyzer = try ArticleAnalyzer.builtin()
            let source = ArticleSource()
            let (units, problems) = source.units(paths)
            var failed = false
            for problem in problems { Console.report(problem); failed = true }

            let bar = Progress(total: units.count, enabled: progress && Terminal.isTerminal(2))
            var batcher = IngestBatcher(store: figureStore, size: batch)
            var skipped = 0, failures = 0, done = 0, figures = 0
            try ArticlePipeline.run(units: units, source: source, analyzer: analyzer,
                                    workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount, window: 2 * batch,
                                    skip: { name, hash in (try? figureStore.storedHashes(names: [name]))?[name] == hash }) { _, outcome in
                switch outcome {
                case .analyzed(let analysis, let hash):
                    figures += analysis.figures.count
                    try batcher.add(analysis, contentHash: hash)
                case .skipped:
                    skipped += 1
                case .failed(let error):
                    bar.interrupt()
                    Console.report(error)
                    failures += 1
                    failed = true
                }
                done += 1
                bar.update(done: done, figures: figures)
            }
            let totals = try batcher.finish()
            try figureStore.checkpoint()
            bar.finish()
            let seconds = Date().timeIntervalSince(started)
            Console.write("""
                solieu: ingested \(units.count - failures) of \(units.count) articles into \(store.db): \
                \(totals.inserted) new, \(totals.replaced) replaced, \(skipped + totals.unchanged) unchanged, \(failures) failed; \
                \(totals.figures) figures; \(String(format: "%.1f", seconds)) s\n
                """)
            if failed { throw ExitCode.failure }
        }
    }
}
