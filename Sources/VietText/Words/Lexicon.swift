import Foundation

/// Multi-syllable words, keyed by the ids of their lowercased syllables.
///
/// Built from data files: one word a line, syllables separated by spaces (or `_`), optionally
/// followed by a tab and a frequency weight (`đảng viên\t120`). `#` starts a comment.
/// Entries are normalized like the text (NFC, tone placement), so `hoà bình` and `hòa bình` are one.
public final class Lexicon: Sendable {
    public static let maxSyllables = 4

    let syllables: SyllableTable
    let words: WordTable
    /// Capitalised entries (`Hà Nội`, `Hồ Chí Minh`): proper names.
    private let proper: Set<UInt64>
    /// Per first-syllable id, the most syllables of a word that starts with it.
    let longestFrom: [UInt8]

    /// Number of words.
    public var count: Int { words.count }

    private init(syllables: SyllableTable, words: [UInt64: Float], proper: Set<UInt64>) {
        var longest = [UInt8](repeating: 0, count: syllables.count + 1)
        self.words = WordTable(words)
        for key in words.keys {
            let first = Int(key & 0xFFFF)
            longest[first] = max(longest[first], UInt8(Self.length(key)))
        }
        self.syllables = syllables
        self.proper = proper
        self.longestFrom = longest
    }

    /// A lexicon of the given words (syllables separated by spaces), all with weight 1.
    public convenience init(words list: [String], normalizer: TextNormalizer) {
        var builder = Builder(normalizer: normalizer)
        for w in list { builder.add(w, weight: 1) }
        self.init(syllables: builder.table, words: builder.words, proper: builder.proper)
    }

    /// Loads lexicon files; later files add to earlier ones. `conventions` drop the entries of
    /// the first `conventionalFiles` files that the segmentation convention writes as two words.
    public static func load(_ files: [URL], normalizer: TextNormalizer,
                            conventions: SegmentationConventions? = nil, conventionalFiles: Int = 0) throws -> Lexicon {
        var builder = Builder(normalizer: normalizer)
        for (index, file) in files.enumerated() {
            builder.conventions = index < conventionalFiles ? conventions : nil
            for (number, line) in try LanguageData.lines(of: file) {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: true)
                var weight: Float = 1
                if fields.count > 1 {
                    guard let w = Float(fields[1].trimmingCharacters(in: .whitespaces)), w >= 0 else {
                        throw LanguageDataError(file: file.path, line: number, message: "weight '\(fields[1])' is not a non-negative number")
                    }
                    weight = w
                }
                builder.add(String(fields[0]), weight: weight)
            }
        }
        return Lexicon(syllables: builder.table, words: builder.words, proper: builder.proper)
    }

    /// The built-in lexicon (`Resources/lexicon/*.txt`) plus any user files.
    public static func builtin(adding userFiles: [URL] = [], normalizer: TextNormalizer) throws -> Lexicon {
        guard let dir = LanguageData.lexiconDirectory else {
            throw LanguageDataError(file: "lexicon", line: 0, message: "missing from the VietText resources")
        }
        let files = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let conventions = try SegmentationConventions.builtin(normalizer: normalizer)
        return try load(files + userFiles, normalizer: normalizer, conventions: conventions, conventionalFiles: files.count)
    }

    // MARK: lookups

    @inline(__always) static func length(_ key: UInt64) -> Int {
        (key >> 48) != 0 ? 4 : (key >> 32) != 0 ? 3 : (key >> 16) != 0 ? 2 : 1
    }

    @inline(__always) static func key<C: Collection>(_ ids: C) -> UInt64 where C.Element == Int32 {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for id in ids {
            key |= UInt64(UInt16(truncatingIfNeeded: id)) << shift
            shift += 16
        }
        return key
    }

    @inline(__always) func longestWord(from id: Int32) -> Int {
        id > 0 && Int(id) < longestFrom.count ? Int(longestFrom[Int(id)]) : 0
    }

    /// The weight of the word with these syllable ids, nil when it is not a word.
    @inline(__always) func weight(_ key: UInt64) -> Float? { words.weight(key) }

    @inline(__always) func isProper(_ key: UInt64) -> Bool { proper.contains(key) }

    /// Whether `word` (syllables separated by spaces) is in the lexicon.
    public func contains(_ word: String, normalizer: TextNormalizer) -> Bool {
        guard let key = Builder.ids(of: word, normalizer: normalizer, table: syllables) else { return false }
        return words.weight(key) != nil
    }

    struct Builder {
        let normalizer: TextNormalizer
        var table = SyllableTable()
        var words: [UInt64: Float] = [:]
        var proper = Set<UInt64>()
        var conventions: SegmentationConventions?

        init(normalizer: TextNormalizer) { self.normalizer = normalizer }

        static func split(_ word: String, normalizer: TextNormalizer) -> [[UInt16]]? {
            let units = normalizer.normalize(word).normalized
            let parts = units.split(whereSeparator: { $0 == 0x20 || $0 == 0x5F }).map(Array.init)
            guard (2...Lexicon.maxSyllables).contains(parts.count),
                  parts.allSatisfy({ $0.allSatisfy(CharTable.shared.isLetter) }) else { return nil }
            return parts
        }

        static func ids(of word: String, normalizer: TextNormalizer, table: SyllableTable) -> UInt64? {
            guard let parts = split(word, normalizer: normalizer) else { return nil }
            let ids = parts.map { p in p.withUnsafeBufferPointer { table.id($0, 0..<$0.count) } }
            return ids.contains(0) ? nil : Lexicon.key(ids)
        }

        /// Whether `parts` (normalized syllables) is already an entry.
        func isWord(_ parts: [[UInt16]]) -> Bool {
            let ids = parts.map { p in p.withUnsafeBufferPointer { table.id($0, 0..<$0.count) } }
            return !ids.contains(0) && words[Lexicon.key(ids)] != nil
        }

        mutating func add(_ word: String, weight: Float) {
            guard let parts = Self.split(word, normalizer: normalizer) else { return }
            if let conventions, conventions.splits(parts, isWord: { isWord($0) }) { return }
            let ids = parts.map { table.intern($0) }
            guard ids.allSatisfy({ $0 <= 0xFFFF }) else { return }
            let key = Lexicon.key(ids)
            words[key] = max(words[key] ?? 0, weight)
            if parts.allSatisfy({ CharTable.shared.isUpper($0[0]) }) { proper.insert(key) }
        }
    }
}

/// Open-addressing map from packed syllable ids to word weights: a multiplicative hash of the
/// 64-bit key, linear probing, no per-lookup hashing of a seeded Hasher.
struct WordTable: Sendable {
    private let keys: [UInt64]      // 0 = empty slot
    private let weights: [Float]
    private let mask: Int
    let count: Int

    init(_ words: [UInt64: Float]) {
        var size = 16
        while size < words.count * 2 { size <<= 1 }  // load factor at most 1/2
        var keys = [UInt64](repeating: 0, count: size)
        var weights = [Float](repeating: 0, count: size)
        for (key, weight) in words {
            var slot = Self.slot(key, size - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            weights[slot] = weight
        }
        self.keys = keys
        self.weights = weights
        self.mask = size - 1
        self.count = words.count
    }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E3779B97F4A7C15) >> 40) & mask
    }

    @inline(__always) func weight(_ key: UInt64) -> Float? {
        var slot = Self.slot(key, mask)
        while true {
            let k = keys[slot]
            if k == key { return weights[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
