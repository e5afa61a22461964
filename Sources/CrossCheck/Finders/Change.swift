import Figures
import Foundation

extension CrossChecker {
    /// `change`: a change between two printed values (`tăng 12,5% so với cùng kỳ`, `tăng từ X lên Y`). Not written yet: finds nothing.
    func changes(_ page: Page, article: String?) -> [Finding] {
        []
    }
}
