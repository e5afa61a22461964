import Figures
import Foundation

extension CrossChecker {
    /// `share`: a percentage of a whole (`chiếm 35,34%`, `X/Y (Z%)`). Not written yet: finds nothing.
    func shares(_ page: Page, article: String?) -> [Finding] {
        []
    }
}
