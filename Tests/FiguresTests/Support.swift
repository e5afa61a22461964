import Foundation
import Testing
import VietText
@testable import Figures

/// One extractor for the test run (loading the lexicon is the slow part), used under a lock.
final class Shared: @unchecked Sendable {
    static let shared = Shared()
    private let lock = NSLock()
    private var extractor: FigureExtractor?

    func with<T>(_ body: (FigureExtractor) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if extractor == nil { extractor = try FigureExtractor() }
        return try body(extractor!)
    }
}

func figures(_ text: String, referenceYear: Int? = nil) throws -> [Figure] {
    try Shared.shared.with { $0.extract(text, referenceYear: referenceYear) }
}

func amount(_ text: String) throws -> Amount? {
    try Shared.shared.with { AmountReader(analyzer: $0.analyzer, rules: $0.rules).read(text) }
}

/// `../shared/<relative>`; nil (test skipped) when absent, a failure when CI=true.
func sharedPath(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
    if FileManager.default.fileExists(atPath: url.path) { return url }
    if ProcessInfo.processInfo.environment["CI"] == "true" {
        Issue.record("\(url.path) is missing: CI needs ../shared", sourceLocation: sourceLocation)
    }
    return nil
}

func hasShared(_ relative: String) -> Bool {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relative)
    return FileManager.default.fileExists(atPath: url.path) || ProcessInfo.processInfo.environment["CI"] == "true"
}

extension Decimal {
    init(_ string: String) { self = Decimal(string: string, locale: Locale(identifier: "en_US_POSIX"))! }
}
