import Foundation

/// Errors reading the language data files (lexicons, word lists).
public struct LanguageDataError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// The language data shipped with VietText: data files under `Resources/`, one item a line,
/// `#` starts a comment.
public enum LanguageData {
    /// The folder of built-in lexicon files.
    public static var lexiconDirectory: URL? {
        Bundle.module.url(forResource: "lexicon", withExtension: nil)
    }

    public static func dataFile(_ name: String) -> URL? {
        Bundle.module.url(forResource: "data", withExtension: nil)?.appendingPathComponent(name)
    }

    /// The non-empty, non-comment lines of a UTF-8 file, with their 1-based line numbers.
    public static func lines(of url: URL) throws -> [(line: Int, text: String)] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LanguageDataError(file: url.path, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LanguageDataError(file: url.path, line: 0, message: "not valid UTF-8")
        }
        var out: [(Int, String)] = []
        // by UTF-8 bytes: Foundation's trimming was a third of loading the lexicon
        var n = 0
        for raw in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            n += 1
            var end = raw.firstIndex(of: 0x23) ?? raw.endIndex
            var start = raw.startIndex
            while start < end, isBlank(raw[start]) { start = raw.index(after: start) }
            while end > start, isBlank(raw[raw.index(before: end)]) { end = raw.index(before: end) }
            if start < end { out.append((n, String(Substring(raw[start..<end])))) }
        }
        return out
    }

    /// Space, tab, CR (a file with CRLF line ends).
    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }

    /// A built-in data file's lines.
    static func builtinLines(_ name: String) throws -> [String] {
        guard let url = dataFile(name) else {
            throw LanguageDataError(file: name, line: 0, message: "missing from the VietText resources")
        }
        return try lines(of: url).map(\.text)
    }
}

/// Abbreviations written with a final dot (`TP.`, `Tp.`, `TS.`, `v.v.`): the dot neither ends a
/// sentence nor stands apart as punctuation. Compared in normalized form, case-sensitively.
///
/// A line may add `<tab>final` for an abbreviation that also ends sentences (`v.v.`).
public struct Abbreviations: Sendable {
    private let forms: Set<[UInt16]>
    private let final: Set<[UInt16]>
    public let maxLength: Int

    public init<S: Sequence>(_ lines: S, normalizer: TextNormalizer) where S.Element == String {
        var forms = Set<[UInt16]>(), final = Set<[UInt16]>()
        for line in lines {
            let fields = line.split(separator: "\t")
            guard let word = fields.first else { continue }
            let form = normalizer.normalize(String(word)).normalized
            forms.insert(form)
            if fields.dropFirst().contains(where: { $0.trimmingCharacters(in: .whitespaces) == "final" }) { final.insert(form) }
        }
        self.forms = forms
        self.final = final
        self.maxLength = forms.map(\.count).max() ?? 0
    }

    /// Whether the abbreviation may also be the last word of a sentence.
    public func mayEndSentence(_ units: [UInt16]) -> Bool { final.contains(units) }

    /// The built-in list, `Resources/data/abbreviations.txt`.
    public static func builtin(normalizer: TextNormalizer) throws -> Abbreviations {
        Abbreviations(try LanguageData.builtinLines("abbreviations.txt"), normalizer: normalizer)
    }

    public func contains(_ units: [UInt16]) -> Bool { forms.contains(units) }
}
