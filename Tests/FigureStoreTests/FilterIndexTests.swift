@testable import FigureStore
import Foundation
import GRDB
import Testing

/// A first ingest leaves the figure filter indexes out and builds them at its end; a store left
/// without them (an ingest stopped before its end) gets them back from the next writer.
@Suite struct FilterIndexTests {
    let fixture: Fixture

    init() throws { fixture = try Fixture.shared.get() }

    func filterIndexes(_ store: FigureStore) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figure' ORDER BY name")
        }.filter { name in Schema.figureFilterIndexes.contains { $0.name == name } }
    }

    @Test func deferredOnceAndBuiltAgain() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("figurestore-indexes-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let all = ["figure_on_day", "figure_on_qualifier", "figure_on_time", "figure_on_unit", "figure_on_value", "figure_on_year"]
        let sample = Array(fixture.analyses.prefix(10)), hashes = Array(fixture.hashes.prefix(10))
        let query = FigureQuery(unit: sample[0].figures[0].unit)
        do {
            let store = try FigureStore(path: path)
            #expect(try filterIndexes(store) == all)
            #expect(try store.deferringFilterIndexes())
            #expect(try filterIndexes(store) == [])
            _ = try store.ingest(sample, contentHash: hashes)
            // answered without them, the same
            #expect(try !store.figures(matching: query).isEmpty)
            // a store with figures keeps its indexes
            #expect(try !store.deferringFilterIndexes())
            // stopped here, before building them
        }
        let reopened = try FigureStore(path: path)
        #expect(try filterIndexes(reopened) == all)
        #expect(try reopened.integrityCheck() == [])
        #expect(try !reopened.deferringFilterIndexes())
        #expect(try filterIndexes(reopened) == all)
        let plan = try reopened.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM figure WHERE unitKey = 'x' ORDER BY articleDay DESC, articleId DESC, ordinal LIMIT 5")
                .map { $0["detail"] as String? ?? "" }
        }
        #expect(plan.joined().contains("figure_on_unit"), "\(plan)")
    }
}
