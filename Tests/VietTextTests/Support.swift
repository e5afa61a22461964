import Foundation
import Testing
import VietText

/// One analyzer for the whole test run: loading the lexicon is the slow part.
/// Tests use it from one thread at a time through `withAnalyzer`.
final class SharedAnalyzer: @unchecked Sendable {
    static let shared = SharedAnalyzer()
    private let lock = NSLock()
    private var analyzer: TextAnalyzer?

    func with<T>(_ body: (TextAnalyzer) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if analyzer == nil { analyzer = try TextAnalyzer() }
        return try body(analyzer!)
    }
}

func withAnalyzer<T>(_ body: (TextAnalyzer) throws -> T) throws -> T {
    try SharedAnalyzer.shared.with(body)
}

/// The words of `text` in the VLSP convention: `Thanh bắt_chuyện với Hùng .`
func segmented(_ text: String) throws -> String {
    try withAnalyzer { analyzer in
        let a = analyzer.analyze(text)
        return a.words.map { a.original($0, separator: "_") }.joined(separator: " ")
    }
}

/// `../shared`, next to the package; nil (and the test skipped) when it is absent, except on CI
/// (`CI=true`), where its absence is a failure.
func sharedDirectory(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    let url = root.appendingPathComponent(relative)
    if FileManager.default.fileExists(atPath: url.path) { return url }
    if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("\(url.path) is missing: CI needs ../shared", sourceLocation: sourceLocation)
    }
    return nil
}

/// Whether the tests that read ../shared can run (used as a test trait condition).
func hasShared(_ relative: String) -> Bool {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
        || ProcessInfo.processInfo.environment["CI"] == "true"
}
