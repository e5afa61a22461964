import Foundation
import Testing
@testable import SoLieu

@Suite struct HTMLDump {
    @Test func dump() throws {
        guard let dir = ProcessInfo.processInfo.environment["HTML_DUMP"] else { return }
        for file in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where file.hasSuffix(".html") {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + file)))
            let start = Date()
            do {
                let a = try HTMLArticleReader.read(bytes: bytes, name: file, source: file)
                print("=== \(file) \(Date().timeIntervalSince(start))s")
                print("title: \(a.title ?? "-") | pub: \(a.published ?? "-") | date: \(a.date.map { "\($0)" } ?? "-") | section: \(a.section ?? "-") | authors: \(a.authors)")
                for b in a.blocks { print("[\(b.role.rawValue)] \(a.text(of: b))") }
            } catch { print("=== \(file) ERROR \(error)") }
        }
    }
}
