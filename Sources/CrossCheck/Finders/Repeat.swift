import Figures
import Foundation

extension CrossChecker {
    /// `repeat`: the same fact printed twice (title and body, lead and body). Not written yet: finds nothing.
    func repeats(_ page: Page, article: String?) -> [Finding] {
        []
    }
}
