import Figures
import Foundation
import VietText

/// Analyses articles: the figure rules (and, next, the entity rules) over an article's text with
/// its date as the reference for relative times.
///
/// The language data (normalizer, lexicon, rules) is immutable and shared; the extractors that
/// hold per-article state are made per task with `makeWorker()`. `ArticleAnalyzer` itself is
/// `Sendable`: one per process, shared by every task.
public struct ArticleAnalyzer: Sendable {
    /// Bumped whenever a change to the analysis changes its records: a store re-extracts the
    /// articles analysed by an older version (`solieu reindex`).
    public static let version = 1

    public let normalizer: TextNormalizer
    public let lexicon: Lexicon
    public let rules: FigureRules

    public init(normalizer: TextNormalizer, lexicon: Lexicon, rules: FigureRules) {
        self.normalizer = normalizer
        self.lexicon = lexicon
        self.rules = rules
    }

    /// The built-in language data.
    public static func builtin() throws -> ArticleAnalyzer {
        let normalizer = try TextNormalizer()
        return ArticleAnalyzer(normalizer: normalizer, lexicon: try Lexicon.builtin(normalizer: normalizer), rules: try FigureRules.builtin())
    }

    /// A worker for one task (not thread-safe; make one per task).
    public func makeWorker() throws -> Worker {
        Worker(extractor: FigureExtractor(analyzer: try TextAnalyzer(lexicon: lexicon, normalizer: normalizer), rules: rules))
    }

    public struct Worker {
        let extractor: FigureExtractor

        /// The article's figures, with its date's year as the reference year (when it has one).
        public func analyze(_ article: Article) -> ArticleAnalysis {
            var warnings: [FigureWarning] = []
            var figures: [Figure] = []
            extractor.extract(utf16: Array(article.text.utf16), article: article.name, referenceYear: article.date?.year,
                              warn: { warnings.append($0) }) { figures += $0 }
            return ArticleAnalysis(article: article, figures: figures, warnings: warnings)
        }
    }
}
