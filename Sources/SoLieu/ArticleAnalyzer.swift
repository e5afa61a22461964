import Entities
import Figures
import Foundation
import VietText

/// Analyses articles: the figure rules and the entity rules over the same analysis of an article's
/// text (its date the reference for relative times), then the subject and place of each figure.
///
/// The language data (normalizer, lexicon, rules) is immutable and shared; the extractors that
/// hold per-article state are made per task with `makeWorker()`. `ArticleAnalyzer` itself is
/// `Sendable`: one per process, shared by every task.
public struct ArticleAnalyzer: Sendable {
    /// Bumped whenever a change to the analysis changes its records: a store re-extracts the
    /// articles analysed by an older version (`solieu reindex`).
    public static let version = 2

    public let normalizer: TextNormalizer
    public let lexicon: Lexicon
    public let rules: FigureRules
    public let entities: EntityExtractor

    public init(normalizer: TextNormalizer, lexicon: Lexicon, rules: FigureRules, entities: EntityExtractor) {
        self.normalizer = normalizer
        self.lexicon = lexicon
        self.rules = rules
        self.entities = entities
    }

    /// The built-in language data.
    public static func builtin() throws -> ArticleAnalyzer {
        try builtin {
            let normalizer = try TextNormalizer()
            return (normalizer, try Lexicon.builtin(normalizer: normalizer))
        }
    }

    /// The built-in rules with the lexicon `languageData` makes; the entity data loads on another
    /// thread meanwhile (start-up is a tenth of a 20 MB `extract`).
    public static func builtin(languageData: () throws -> (TextNormalizer, Lexicon)) throws -> ArticleAnalyzer {
        final class Loading: @unchecked Sendable { var entities: Result<EntityExtractor, Error>? }
        let loading = Loading()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            loading.entities = Result { try EntityExtractor.builtin() }
            done.signal()
        }
        let data = Result { try languageData() }
        let rules = Result { try FigureRules.builtin() }
        done.wait()
        let (normalizer, lexicon) = try data.get()
        return ArticleAnalyzer(normalizer: normalizer, lexicon: lexicon, rules: try rules.get(), entities: try loading.entities!.get())
    }

    /// A worker for one task (not thread-safe; make one per task).
    public func makeWorker() throws -> Worker {
        Worker(extractor: FigureExtractor(analyzer: try TextAnalyzer(lexicon: lexicon, normalizer: normalizer), rules: rules), entities: entities)
    }

    public struct Worker {
        public let extractor: FigureExtractor
        public let entities: EntityExtractor

        /// The article's figures and entities, with its date's year as the reference year (when it has one).
        public func analyze(_ article: Article) -> ArticleAnalysis {
            var warnings: [FigureWarning] = []
            var figures: [Figure] = []
            let found = analyze(utf16: Array(article.text.utf16), article: article.name, referenceYear: article.date?.year,
                                authors: article.authors, warn: { warnings.append($0) }) { figures += $0 }
            return ArticleAnalysis(article: article, figures: figures, entities: found, warnings: warnings)
        }

        /// Streams the figures of a text piece by piece to `body` (each with its subject and place)
        /// and returns the text's distinct entities.
        public func analyze(utf16 units: [UInt16], article: String?, referenceYear: Int?, authors: [String] = [],
                            warn: (FigureWarning) -> Void = { _ in },
                            _ body: ([Figure]) throws -> Void) rethrows -> [Entity] {
            var collected = ArticleEntities(article: article)
            var home: ArticleHome? = nil
            try extractor.extractChunks(utf16: units, article: article, referenceYear: referenceYear, warn: warn) { chunk in
                let found = entities.analyze(chunk.analyzed, authors: authors)
                if home == nil { home = entities.home(of: found.mentions) }
                let ids = collected.add(found.mentions, offset: chunk.articleOffset)
                let links = entities.links(figures: chunk.ranges, found: found, in: chunk.analyzed, home: home!)
                func context(_ link: FigureLink) -> FigureContext {
                    FigureContext(text: link.text, entity: link.mention.map { ids[$0] },
                                  start: link.range.map { chunk.articleOffset($0.lowerBound) }, end: link.range.map { chunk.articleOffset($0.upperBound) },
                                  within: link.within)
                }
                for (k, link) in links.enumerated() {
                    chunk.figures[k].subject = link.subject.map(context)
                    chunk.figures[k].place = link.place.map(context)
                }
                try body(chunk.figures)
            }
            return collected.entities
        }
    }
}
