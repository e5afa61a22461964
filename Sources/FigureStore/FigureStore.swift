import Foundation
import GRDB

/// The SQLite store of articles and their figures, with full-text search.
///
/// Wraps a `DatabaseWriter`: a `DatabasePool` (WAL mode) for a file, a `DatabaseQueue` in memory
/// for tests. Every connection gets foreign keys; the schema is
/// migrated on open. No SQL leaves this target: callers use the typed API (`ingest`,
/// `figures(matching:)`, `searchArticles`, ...).
public struct FigureStore: Sendable {
    let writer: any DatabaseWriter

    /// Opens (creating and migrating it when needed) the store at `path` (e.g. `solieu.sqlite`).
    /// With `readOnly`, opens an existing store for queries only: nothing is created or
    /// migrated (a store another process is writing is read as of its last commit).
    public init(path: String, readOnly: Bool = false) throws {
        var config = Self.configuration()
        if readOnly {
            // one read-only connection: a query opens no writer and migrates nothing; it maps
            // the file, so that a new process reads the pages the system has cached without a
            // system call and a copy each (a writer does not: the mapped pages would count in
            // its memory)
            config.readonly = true
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 4294967296") }
            let queue = try DatabaseQueue(path: path, configuration: config)
            guard try queue.read({ db in try Schema.migrator.hasCompletedMigrations(db) && !(try Schema.migrator.hasBeenSuperseded(db)) }) else {
                throw FigureStoreError.schemaNotCurrent
            }
            self.init(opened: queue)
        } else {
            try self.init(writer: DatabasePool(path: path, configuration: config))
        }
    }

    /// An empty store in memory.
    public static func inMemory() throws -> FigureStore {
        try FigureStore(writer: DatabaseQueue(configuration: configuration()))
    }

    init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Schema.migrator.migrate(writer)
        // an ingest stopped before its end leaves its store without them: built again here
        try buildFilterIndexes()
    }

    /// Drops the figure filter indexes when the store has no figure yet, so that a first
    /// ingest builds them once at its end (`buildFilterIndexes`) instead of row by row: about
    /// half the pages, and fewer writes. True when they were dropped. (Queries stay correct
    /// without them; a writer opening the store builds them.)
    public func deferringFilterIndexes() throws -> Bool {
        try writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM figure)") == false else { return false }
            for index in Schema.figureFilterIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
            return true
        }
    }

    /// Builds the figure filter indexes that are missing (none, unless deferred).
    public func buildFilterIndexes() throws {
        try writer.write { db in
            for index in Schema.figureFilterIndexes { try db.execute(sql: index.sql) }
        }
    }

    /// A store over a database already checked to have this version's schema.
    private init(opened writer: any DatabaseWriter) {
        self.writer = writer
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // another process writing (a second ingest, a migration): wait for it rather than fail
        config.busyMode = .timeout(60)
        config.prepareDatabase { db in
            // queries read a few pages of big indexes: keep them cached (no memory map: its pages
            // would count in the process's memory, up to the whole file)
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        return config
    }

    /// Copies the write-ahead log into the database and empties it: done at the end of an
    /// ingest, so that a query (a new process, a read-only connection) does not read a long log
    /// first (57 MB of log made every query read 7,800 pages).
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in
            _ = try db.checkpoint(.truncate)
        }
    }

    /// How many articles and figures the store holds.
    public func counts() throws -> (articles: Int, figures: Int) {
        try writer.read { db in (try ArticleRecord.fetchCount(db), try FigureRecord.fetchCount(db)) }
    }

    /// The bytes the database's pages take (its file size once the WAL is checkpointed).
    public func storageSize() throws -> Int {
        try writer.read { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return (pages - free) * size
        }
    }

    /// SQLite's `integrity_check` and `foreign_key_check`: what is wrong (empty when fine).
    public func integrityCheck() throws -> [String] {
        // the full-text check is an INSERT command: it needs the writer
        try writer.write { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += violations.map { row in
                "foreign key: \(row["table"] as String? ?? "?") row \(row["rowid"] as Int64? ?? 0) -> \(row["parent"] as String? ?? "?")"
            }
            for index in Schema.fullTextIndexes {
                do {
                    try db.execute(sql: "INSERT INTO \(index)(\(index), rank) VALUES ('integrity-check', 0)")
                } catch {
                    problems.append("\(index): \(error)")
                }
            }
            return problems
        }
    }
}
