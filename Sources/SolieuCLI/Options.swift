import ArgumentParser
import Foundation
import VietText

/// Options every text-reading subcommand shares.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A lexicon file that adds to the built-in one (one word a line, syllables separated by spaces; optional tab and weight). Repeatable.", valueName: "file"))
    var lexicon: [String] = []

    @Option(name: .long, help: "Tone mark placement in oa/oe/uy syllables: hoa (hòa, thủy, the default) or hoa2 (hoà, thuỷ).")
    var tone: TonePlacement = .firstVowel

    func validate() throws {
        for path in lexicon where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("cannot read lexicon file '\(path)'")
        }
    }

    /// The normalizer and lexicon (built-in plus `--lexicon` files): immutable, loaded once and
    /// shared by the analyzers of several threads (`TextAnalyzer(lexicon:normalizer:)`).
    func makeLanguageData() throws -> (TextNormalizer, Lexicon) {
        do {
            let normalizer = try TextNormalizer(tonePlacement: tone)
            return (normalizer, try Lexicon.builtin(adding: lexicon.map { URL(fileURLWithPath: $0) }, normalizer: normalizer))
        } catch let error as LanguageDataError {
            throw ValidationError(error.description)
        }
    }

    func makeAnalyzer() throws -> TextAnalyzer {
        do {
            return try TextAnalyzer(options: AnalyzerOptions(
                tonePlacement: tone, userLexicons: lexicon.map { URL(fileURLWithPath: $0) }))
        } catch let error as LanguageDataError {
            throw ValidationError(error.description)
        }
    }
}

extension TonePlacement: ExpressibleByArgument {}
