import ArgumentParser
import CrossCheck
import FigureStore
import Foundation
import SoLieu

extension Solieu {
    struct Reindex: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract again the stored articles that an older extractor version analysed.",
            discussion: "Articles whose stored extractor version is older than this solieu's; one transaction per batch, as ingest."
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Articles analysed in parallel (default: the number of active processors).")
        var jobs: Int?

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs) is not a positive number") }
        }

        func run() throws {
            let figureStore = try store.openExisting()
            let articles = try figureStore.articles(olderThan: ArticleAnalyzer.version)
            let analyzer = try ArticleAnalyzer.builtin()
            let batchSize = 200
            var batcher = IngestBatcher(store: figureStore, size: batchSize)
            var figures = 0
            // hashed and checked (the in-article findings) on the workers; the window lets them
            // run a batch ahead of the writer
            let checker = CrossChecker()
            try OrderedParallelMap<(ArticleAnalysis, String, [Finding])>(count: articles.count, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                                                         window: 2 * batchSize)
                .run(makeWork: {
                    let worker = try analyzer.makeWorker()
                    return { i in
                        let analysis = worker.analyze(articles[i])
                        return (analysis, ContentHash.of(articles[i]), checker.check(analysis))
                    }
                }, consume: { _, done in
                    figures += done.0.figures.count
                    try batcher.add(done.0, contentHash: done.1, findings: done.2)
                })
            try batcher.finish()
            try figureStore.checkpoint()
            Console.write("solieu: re-extracted \(articles.count) articles (extractor version \(ArticleAnalyzer.version)): \(figures) figures\n")
        }
    }
}
