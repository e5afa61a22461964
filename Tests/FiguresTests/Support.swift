import Foundation
import Testing
import TestSupport
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

extension Decimal {
    init(_ string: String) { self = Decimal(string: string, locale: Locale(identifier: "en_US_POSIX"))! }
}
