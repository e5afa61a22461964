import ArgumentParser

/// `solieu`: reads Vietnamese news text and turns it into structured records.
public struct Solieu: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "solieu",
        abstract: "Read Vietnamese news and bulletin text: sentences, tokens, words, figures.",
        version: "0.1.0",
        subcommands: [Segment.self, Tokenize.self, Extract.self]
    )

    public init() {}
}
