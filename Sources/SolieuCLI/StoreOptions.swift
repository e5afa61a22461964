import ArgumentParser
import FigureStore
import Foundation

/// The database every store subcommand uses.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (created when missing).", valueName: "path"))
    var db: String = "solieu.sqlite"

    /// Opens (or creates) the store; a failure is reported naming the file (not a usage error:
    /// exit status 1).
    func open() throws -> FigureStore {
        try opening { try FigureStore(path: db) }
    }

    private func opening(_ body: () throws -> FigureStore) throws -> FigureStore {
        do {
            return try body()
        } catch {
            Console.write("solieu: \(db): error: cannot open database: \(error)\n")
            throw ExitCode.failure
        }
    }

    /// Opens an existing store: a missing file is an error, not a new empty database;
    /// `readOnly` for the subcommands that only read (nothing is migrated or locked).
    func openExisting(readOnly: Bool = false) throws -> FigureStore {
        guard FileManager.default.fileExists(atPath: db) else {
            throw ValidationError("no database at '\(db)': run 'solieu ingest PATH... --db \(db)' first")
        }
        return try opening { try FigureStore(path: db, readOnly: readOnly) }
    }
}
