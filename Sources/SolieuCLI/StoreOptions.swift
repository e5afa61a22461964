import ArgumentParser
import FigureStore
import Foundation

/// The database every store subcommand uses.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (created when missing).", valueName: "path"))
    var db: String = "solieu.sqlite"

    /// Opens (or creates) the store; an error names the file.
    func open() throws -> FigureStore {
        do {
            return try FigureStore(path: db)
        } catch {
            throw ValidationError("cannot open database '\(db)': \(error)")
        }
    }

    /// Opens an existing store: a missing file is an error, not a new empty database;
    /// `readOnly` for the subcommands that only read (nothing is migrated or locked).
    func openExisting(readOnly: Bool = false) throws -> FigureStore {
        guard FileManager.default.fileExists(atPath: db) else {
            throw ValidationError("no database at '\(db)': run 'solieu ingest PATH... --db \(db)' first")
        }
        do {
            return try FigureStore(path: db, readOnly: readOnly)
        } catch {
            throw ValidationError("cannot open database '\(db)': \(error)")
        }
    }
}
