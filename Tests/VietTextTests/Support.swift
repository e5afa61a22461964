import Foundation
import Testing
import TestSupport
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

