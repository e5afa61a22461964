import Foundation
import VietText

/// The language data of the figure rules (`Resources/data/*.txt`), loaded once.
public struct FigureRules: Sendable {
    /// Qualifier phrases (lowercased syllables) -> qualifier; longest first.
    let qualifiers: [([UInt64], Qualifier)]
    /// Currency words as written -> unit.
    let currencies: [String: String]
    /// The units money is given in (`đồng`, `USD`).
    let currencyUnits: Set<String>
    /// Multi-word currency phrases (lowercased syllables) -> unit, longest first.
    let currencyPhrases: [([UInt64], String)]
    /// Multi-word units (lowercased syllables), longest first.
    let units: [[UInt64]]
    let notUnits: KeySet
    /// Verbs, conjunctions and adverbs (`verbs.txt`): never a unit, and where a unit's noun phrase stops.
    let verbs: KeySet
    /// Classifiers and measure nouns (`classifiers.txt`) that take the noun after them into the unit.
    let classifiers: KeySet
    /// Length units that take a lost superscript (`km 2`: `powered-units.txt`).
    let poweredUnits: KeySet
    /// Amount nouns a fraction takes a part of (`portion-nouns.txt`: `3/4 diện tích`).
    let portionNouns: KeySet

    public static func builtin() throws -> FigureRules {
        func lines(_ name: String) throws -> [String] {
            guard let dir = Bundle.module.url(forResource: "data", withExtension: nil) else {
                throw LanguageDataError(file: name, line: 0, message: "missing from the Figures resources")
            }
            return try LanguageData.lines(of: dir.appendingPathComponent(name)).map(\.text)
        }
        func pairs(_ name: String) throws -> [(String, String)] {
            try lines(name).map { line in
                let f = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
                guard f.count == 2 else { throw LanguageDataError(file: name, line: 0, message: "'\(line)' is not 'phrase<TAB>value'") }
                return (f[0], f[1])
            }
        }
        var qualifiers: [([UInt64], Qualifier)] = []
        for (phrase, name) in try pairs("qualifiers.txt") {
            guard let q = Qualifier(rawValue: name) else {
                throw LanguageDataError(file: "qualifiers.txt", line: 0, message: "unknown qualifier '\(name)'")
            }
            qualifiers.append((phrase.split(separator: " ").map { TextKey.of(String($0)) }, q))
        }
        var currencies: [String: String] = [:]
        var phrases: [([UInt64], String)] = []
        for (written, unit) in try pairs("currencies.txt") {
            let parts = written.split(separator: " ").map(String.init)
            if parts.count == 1 { currencies[written] = unit } else { phrases.append((parts.map(TextKey.of), unit)) }
        }
        return FigureRules(
            qualifiers: qualifiers.sorted { $0.0.count > $1.0.count },
            currencies: currencies,
            currencyUnits: Set(currencies.values).union(phrases.map(\.1)).union(["đồng"]),
            currencyPhrases: phrases.sorted { $0.0.count > $1.0.count },
            units: try lines("units.txt").map { $0.split(separator: " ").map { TextKey.of(String($0)) } }.sorted { $0.count > $1.count },
            notUnits: KeySet(keys: Set(try lines("not-units.txt").map(TextKey.of))),
            verbs: KeySet(keys: Set(try lines("verbs.txt").map(TextKey.ofLowercase))),
            classifiers: KeySet(keys: Set(try lines("classifiers.txt").map(TextKey.ofLowercase))),
            poweredUnits: KeySet(keys: Set(try lines("powered-units.txt").map(TextKey.ofLowercase))),
            portionNouns: KeySet(keys: Set(try lines("portion-nouns.txt").map(TextKey.ofLowercase))))
    }
}
