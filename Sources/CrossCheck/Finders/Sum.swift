import Figures
import Foundation

extension CrossChecker {
    /// `sum`: a total and its parts (`trong đó`, `gồm`, a list after a total). Not written yet: finds nothing.
    func sums(_ page: Page, article: String?) -> [Finding] {
        []
    }
}
