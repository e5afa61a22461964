import ArgumentParser
import Foundation

/// `solieu`: reads Vietnamese news text and turns it into structured records.
public struct Solieu: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "solieu",
        abstract: "Read Vietnamese news and bulletin text: sentences, tokens, words, figures, entities.",
        version: "0.1.0",
        subcommands: [Segment.self, Tokenize.self, Extract.self, Entities.self, Ingest.self, Query.self, Show.self, Reindex.self, Check.self]
    )

    public init() {}

    /// ArgumentParser's `main`, except that what it prints on standard output (help, version)
    /// goes through the checked writer: `solieu --help > /dev/full` is an error too.
    public static func main() {
        let status: Int32
        do {
            var command = try parseAsRoot()
            try command.run()
            status = 0
        } catch {
            status = finish(error)
        }
        Foundation.exit(status)
    }

    /// Prints the message of `error` (help and version on standard output, the rest on
    /// standard error) and returns the exit status.
    static func finish(_ error: any Error) -> Int32 {
        let message = fullMessage(for: error)
        let code = exitCode(for: error)
        guard !message.isEmpty else { return code.rawValue }
        if code == .success {
            let output = Output()
            do {
                try output.write(message + "\n")
                try output.flush()
            } catch {
                Console.report(error)
                return ExitCode.failure.rawValue
            }
            return 0
        }
        Console.write(message + "\n")
        return code.rawValue
    }
}
