import ArgumentParser
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
            var batch: [ArticleAnalysis] = []
            var hashes: [String] = []
            var figures = 0
            try OrderedParallelMap<ArticleAnalysis>(count: articles.count, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
                .run(makeWork: {
                    let worker = try analyzer.makeWorker()
                    return { worker.analyze(articles[$0]) }
                }, consume: { _, analysis in
                    figures += analysis.figures.count
                    batch.append(analysis)
                    hashes.append(ContentHash.of(analysis.article))
                    if batch.count >= 200 {
                        _ = try figureStore.ingest(batch, contentHash: hashes)
                        batch.removeAll()
                        hashes.removeAll()
                    }
                })
            if !batch.isEmpty { _ = try figureStore.ingest(batch, contentHash: hashes) }
            try figureStore.checkpoint()
            Console.write("solieu: re-extracted \(articles.count) articles (extractor version \(ArticleAnalyzer.version)): \(figures) figures\n")
        }
    }
}
