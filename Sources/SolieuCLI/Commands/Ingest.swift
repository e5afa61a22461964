import ArgumentParser
import CrossCheck
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

            // a first ingest builds the figure filter indexes once, at its end
            let deferred = units.isEmpty ? false : try figureStore.deferringFilterIndexes()
            let bar = Progress(total: units.count, enabled: progress && Terminal.isTerminal(2))
            var batcher = IngestBatcher(store: figureStore, size: batch)
            var skipped = 0, failures = 0, done = 0, figures = 0
            // as ArticlePipeline.run, with the in-article checks on the workers too (not on the
            // one thread that writes)
            let checker = CrossChecker()
            do {
            try OrderedParallelMap<(ArticlePipeline.Outcome, [Finding])>(
                count: units.count, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount, window: 2 * batch
            ).run(makeWork: {
                let worker = try analyzer.makeWorker()
                return { index in
                    switch source.read(units[index]) {
                    case .failure(let error):
                        return (.failed(error), [])
                    case .success(let article):
                        let hash = ContentHash.of(article)
                        if (try? figureStore.storedHashes(names: [article.name]))?[article.name] == hash {
                            return (.skipped(name: article.name, contentHash: hash), [])
                        }
                        let analysis = worker.analyze(article)
                        return (.analyzed(analysis, contentHash: hash), checker.check(analysis))
                    }
                }
            }, consume: { _, item in
                switch item.0 {
                case .analyzed(let analysis, let hash):
                    figures += analysis.figures.count
                    try batcher.add(analysis, contentHash: hash, findings: item.1)
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
            })
            } catch {
                // what was written stays; so do the indexes, for the queries
                if deferred { try? figureStore.buildFilterIndexes() }
                throw error
            }
            let totals = try batcher.finish()
            if deferred { try figureStore.buildFilterIndexes() }
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
