import Foundation

/// The word segmentation convention (VLSP) as rules over lexicon entries: which dictionary
/// entries are written as two words (`Resources/data/conventions.txt`).
public struct SegmentationConventions: Sendable {
    private var last = Set<[UInt16]>()
    private var first = Set<[UInt16]>()
    private var prefix = Set<[UInt16]>()
    private var keep = Set<[[UInt16]]>()
    private var split = Set<[[UInt16]]>()

    /// Parses the sections `[last]`, `[first]`, `[prefix]` (syllables separated by spaces) and
    /// `[keep]`, `[split]` (words separated by commas).
    public init(lines: [(line: Int, text: String)], file: String, normalizer: TextNormalizer) throws {
        var section = ""
        for (number, text) in lines {
            if text.hasPrefix("[") {
                section = String(text.dropFirst().dropLast())
                guard ["last", "first", "prefix", "keep", "split"].contains(section) else {
                    throw LanguageDataError(file: file, line: number, message: "unknown section \(text)")
                }
                continue
            }
            let syllables = text.split(separator: " ").map { normalizer.normalize(String($0)).normalized.map(CharTable.shared.lowercased) }
            switch section {
            case "last": last.formUnion(syllables)
            case "first": first.formUnion(syllables)
            case "prefix": prefix.formUnion(syllables)
            case "keep", "split":
                for word in text.split(separator: ",") {
                    let parts = word.split(separator: " ").map { normalizer.normalize(String($0)).normalized.map(CharTable.shared.lowercased) }
                    guard !parts.isEmpty else { continue }
                    if section == "keep" { keep.insert(parts) } else { split.insert(parts) }
                }
            default:
                throw LanguageDataError(file: file, line: number, message: "an item outside any section")
            }
        }
    }

    public static func builtin(normalizer: TextNormalizer) throws -> SegmentationConventions {
        guard let url = LanguageData.dataFile("conventions.txt") else {
            throw LanguageDataError(file: "conventions.txt", line: 0, message: "missing from the VietText resources")
        }
        return try SegmentationConventions(lines: try LanguageData.lines(of: url), file: url.path, normalizer: normalizer)
    }

    /// Whether the entry with these normalized syllables is two words by convention.
    /// `isWord` tells whether a syllable sequence is itself a lexicon entry.
    func splits(_ parts: [[UInt16]], isWord: ([[UInt16]]) -> Bool) -> Bool {
        let lower = parts.map { $0.map(CharTable.shared.lowercased) }
        if keep.contains(lower) { return false }
        if split.contains(lower) { return true }
        switch lower.count {
        case 2: return last.contains(lower[1]) || first.contains(lower[0])
        case 3: return prefix.contains(lower[0]) && isWord(Array(parts[1...]))
        default: return false
        }
    }
}
