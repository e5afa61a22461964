import Figures
import Foundation

extension CrossChecker {
    /// `ratio`: `gấp N lần` between two printed values. Not written yet: finds nothing.
    func ratios(_ page: Page, article: String?) -> [Finding] {
        []
    }
}
