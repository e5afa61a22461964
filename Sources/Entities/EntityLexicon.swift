import Foundation
import VietText

/// The language data of the entity rules, loaded once from `Resources/data` (one list per
/// meaning, `#` comments, tab-separated columns): the gazetteer, the grammar of organisation
/// names, titles and forms of address, abbreviations, document heads and codes, and the generic
/// groups that are never entities. Immutable and `Sendable`: shared by every task.
public struct EntityLexicon: Sendable {
    /// A provincial-level unit, current or former.
    public struct Province: Sendable, Equatable {
        public enum Status: String, Sendable { case current, former, merged2025 = "2025" }
        public var name: String
        public var level: String
        public var otherNames: [String]
        public var region: String
        public var status: Status
    }

    /// A district-level unit and its province.
    public struct District: Sendable, Equatable {
        public var name: String
        public var level: String
        public var province: String
    }

    /// A head word of organisation names (`Ban`, `Sở`, `Công ty Cổ phần`) and what follows it.
    public struct OrganizationHead: Sendable, Equatable {
        public var head: String
        public var classes: [String]
        public var complements: [String]
    }

    public struct Abbreviation: Sendable, Equatable {
        public var abbreviation: String
        public var expansion: String
        public var kind: String
    }

    public var provinces: [Province]
    public var districts: [District]
    /// Countries and blocs: name -> other names.
    public var countries: [String: [String]]
    public var regions: [String: [String]]
    /// Rivers, lakes, mountains, seas, islands, bays: name -> kind.
    public var features: [String: String]
    /// Administrative level words and their rank (1 province ... 4 village).
    public var levels: [String: Int]
    public var infrastructureHeads: [String]
    public var organizationHeads: [OrganizationHead]
    public var standaloneOrganizations: Set<String>
    public var nameComplements: [String]
    public var personTitles: [String]
    public var formsOfAddress: Set<String>
    public var abbreviations: [String: Abbreviation]
    /// Document heads (`Nghị quyết`) and whether they take a number: yes, no, both.
    public var documentHeads: [String: String]
    public var documentCodes: Set<String>
    public var genericGroups: Set<String>
    /// Words that make a level word after them generic (`các tỉnh`).
    public var pluralMarkers: Set<String>
    /// Phrases that name the whole unit as a figure's subject (`toàn tỉnh`) and its level word.
    public var subjectPhrases: [(phrase: String, level: String?)]
    /// Province names (current and other names) and district names, without level words.
    public var provinceNames: Set<String>
    public var districtNames: Set<String>

    /// The province a name (with or without its level word) names, current or former.
    public func province(named text: String) -> Province? {
        var name = text
        for level in ["tỉnh ", "Tỉnh ", "thành phố ", "Thành phố ", "TP. ", "TP.", "TP "] where name.hasPrefix(level) {
            name = String(name.dropFirst(level.count))
            break
        }
        return provincesByName[name] ?? provincesByName[text]
    }
    var provincesByName: [String: Province]
    /// District names by their province's name.
    var districtsByProvince: [String: [String]]
    /// The province of each district name that only one province has.
    var provinceOfDistrict: [String: String]
    /// Words that end a name extended over lower-case words (`name-stops.txt`).
    public var nameStops: Set<String>
    public var surnames: Set<String>
    /// Well-known bodies written alone (`organization-names.txt`).
    public var organizationNames: [String]
    public var tickerCues: [String]
    public var notTickers: Set<String>

    /// The built-in data.
    public static func builtin() throws -> EntityLexicon {
        guard let dir = Bundle.module.url(forResource: "data", withExtension: nil) else {
            throw LanguageDataError(file: "data", line: 0, message: "missing from the Entities resources")
        }
        return try EntityLexicon(directory: dir)
    }

    /// The data in `directory` (the layout of `Resources/data`).
    public init(directory dir: URL) throws {
        func rows(_ name: String, columns: Int) throws -> [[String]] {
            let url = dir.appendingPathComponent(name)
            return try LanguageData.lines(of: url).map { line in
                // NFC only where a combining mark says it is needed (Foundation's is slow at start-up)
                let text = line.text.unicodeScalars.contains { (0x300...0x36F).contains($0.value) }
                    ? line.text.precomposedStringWithCanonicalMapping : line.text
                var cells = text.split(separator: "\t", omittingEmptySubsequences: false).map { cell -> String in
                    let trimmed = cell.drop { $0 == " " }.reversed().drop { $0 == " " }
                    return String(trimmed.reversed())
                }
                guard cells.count <= columns else {
                    throw LanguageDataError(file: url.path, line: line.line, message: "\(cells.count) columns, expected at most \(columns)")
                }
                while cells.count < columns { cells.append("") }
                return cells
            }
        }
        func list(_ name: String) throws -> [String] { try rows(name, columns: 1).map { $0[0] } }
        func split(_ s: String, _ separator: Character) -> [String] {
            s.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        provinces = try rows("gazetteer/provinces.tsv", columns: 5).map { r in
            guard let status = Province.Status(rawValue: r[4]) else {
                throw LanguageDataError(file: "gazetteer/provinces.tsv", line: 0, message: "unknown status '\(r[4])' of \(r[0])")
            }
            return Province(name: r[0], level: r[1], otherNames: split(r[2], ";"), region: r[3], status: status)
        }
        districts = try rows("gazetteer/districts.tsv", columns: 3).map { District(name: $0[0], level: $0[1], province: $0[2]) }
        countries = Dictionary(try rows("gazetteer/countries.tsv", columns: 3).map { ($0[0], split($0[1], ";")) }, uniquingKeysWith: { a, _ in a })
        regions = Dictionary(try rows("gazetteer/regions.tsv", columns: 2).map { ($0[0], split($0[1], ";")) }, uniquingKeysWith: { a, _ in a })
        features = Dictionary(try rows("gazetteer/rivers-and-features.tsv", columns: 3).map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        levels = Dictionary(try rows("gazetteer/place-levels.txt", columns: 2).map { ($0[0], Int($0[1]) ?? 0) }, uniquingKeysWith: { a, _ in a })
        infrastructureHeads = try list("gazetteer/infrastructure-heads.txt")
        organizationHeads = try rows("organization-heads.tsv", columns: 3).map {
            OrganizationHead(head: $0[0], classes: split($0[1], "|"), complements: split($0[2], "|"))
        }
        standaloneOrganizations = Set(try list("organization-standalone.txt"))
        nameComplements = try list("name-complements.txt")
        personTitles = try list("person-titles.txt")
        formsOfAddress = Set(try list("forms-of-address.txt"))
        abbreviations = Dictionary(try rows("abbreviations.tsv", columns: 3).map { ($0[0], Abbreviation(abbreviation: $0[0], expansion: $0[1], kind: $0[2])) },
                                   uniquingKeysWith: { a, _ in a })
        documentHeads = Dictionary(try rows("document-heads.tsv", columns: 2).map { ($0[0], $0[1]) }, uniquingKeysWith: { a, _ in a })
        documentCodes = Set(try list("document-codes.txt"))
        genericGroups = Set(try list("generic-groups.txt"))
        pluralMarkers = Set(try list("plural-markers.txt"))
        nameStops = Set(try list("name-stops.txt"))
        surnames = Set(try list("surnames.txt"))
        organizationNames = try list("organization-names.txt")
        tickerCues = try list("ticker-cues.txt")
        notTickers = Set(try list("not-tickers.txt"))
        subjectPhrases = try rows("subject-phrases.txt", columns: 2).map { ($0[0], $0[1].isEmpty ? nil : $0[1]) }
        var byName: [String: Province] = [:]
        for p in provinces {
            if byName[p.name] == nil || p.status == .current { byName[p.name] = p }
            for other in p.otherNames where byName[other] == nil { byName[other] = p }
        }
        provincesByName = byName
        districtsByProvince = Dictionary(grouping: districts, by: \.province).mapValues { $0.map(\.name) }
        provinceOfDistrict = Dictionary(grouping: districts, by: \.name).compactMapValues { Set($0.map(\.province)).count == 1 ? $0[0].province : nil }
        provinceNames = Set(byName.keys)
        districtNames = Set(districts.map(\.name))
    }
}
