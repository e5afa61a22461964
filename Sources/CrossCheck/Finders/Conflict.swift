import Figures
import Foundation

/// The figures of one article, for checking across articles.
public struct ArticleFigures: Sendable {
    public var article: String
    public var figures: [Figure]

    public init(article: String, figures: [Figure]) {
        self.article = article
        self.figures = figures
    }
}

extension CrossChecker {
    /// Conflicts across articles: figures with the same unit, the same subject or place and the
    /// same time whose intervals do not overlap. Each finding's `article` is the first figure's
    /// article; every figure names its own. Not written yet: finds nothing.
    public func conflicts(_ articles: [ArticleFigures]) -> [Finding] {
        []
    }
}
