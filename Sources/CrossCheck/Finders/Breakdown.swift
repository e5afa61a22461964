import Figures
import Foundation

extension CrossChecker {
    /// `breakdown`: percentages of one whole that should make 100%. Not written yet: finds nothing.
    func breakdowns(_ page: Page, article: String?) -> [Finding] {
        []
    }
}
