import Foundation
import VietText

/// The built-in data files of this target (`Resources/data`), one phrase a line, `#` comments.
enum SoLieuData {
    /// The non-comment lines of `name`, NFC.
    static func lines(_ name: String) -> [String] {
        guard let dir = Bundle.module.url(forResource: "data", withExtension: nil) else {
            fatalError("SoLieu resources: the data folder is missing (\(name))")
        }
        do {
            return try LanguageData.lines(of: dir.appendingPathComponent(name)).map { $0.text.precomposedStringWithCanonicalMapping }
        } catch {
            fatalError("SoLieu resources: \(error)")
        }
    }
}
