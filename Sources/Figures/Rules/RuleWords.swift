import Foundation
import VietText

/// Namespace of the word sets the rules compare tokens with (see the extensions in each rule file).
///
/// The word lists live in data files under `Resources/data/` (one word set per meaning, one
/// entry a line, `#` starts a comment, syllables separated by spaces); each set is loaded once,
/// on first use. A missing or malformed built-in file is a packaging error, not an input
/// error: it stops the program with the file's name.
enum RuleWords {
    /// The non-comment lines of a built-in data file (`name` with its extension).
    static func lines(_ name: String) -> [String] {
        guard let dir = Bundle.module.url(forResource: "data", withExtension: nil) else {
            fatalError("Figures resources: the data folder is missing (\(name))")
        }
        do {
            return try LanguageData.lines(of: dir.appendingPathComponent(name)).map { $0.text.precomposedStringWithCanonicalMapping }
        } catch {
            fatalError("Figures resources: \(error)")
        }
    }

    /// A set of single words (a line with several syllables is an error).
    static func words(_ name: String) -> KeySet {
        let all = lines(name)
        for w in all where w.contains(" ") { fatalError("\(name): '\(w)' is not one word (use a phrase set)") }
        return KeySet(all)
    }

    /// A set of phrases of one or more syllables.
    static func phrases(_ name: String) -> PhraseSet { PhraseSet(lines(name)) }

    /// `key<TAB>value` lines.
    static func table(_ name: String) -> [(String, String)] {
        lines(name).map { line in
            let f = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard f.count == 2 else { fatalError("\(name): '\(line)' is not 'word<TAB>value'") }
            return (f[0], f[1])
        }
    }

    /// `word<TAB>number` lines.
    static func numbers(_ name: String) -> [(String, Decimal)] {
        table(name).map { (word, value) in
            guard let d = Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")) else {
                fatalError("\(name): '\(value)' is not a number")
            }
            return (word, d)
        }
    }
}

/// A set of phrases (lowercased syllable keys), for rule words of more than one syllable
/// (`quyết định`, `kỷ niệm`, `ít nhất là`).
struct PhraseSet {
    /// Phrases by their last syllable's key, longest first.
    private let byLast: [UInt64: [[UInt64]]]
    let phrases: [[UInt64]]

    init<S: Sequence>(_ lines: S) where S.Element == String {
        let all = lines.map { $0.split(separator: " ").map { TextKey.of(String($0)) } }.filter { !$0.isEmpty }
        phrases = all.sorted { $0.count > $1.count }
        var byLast: [UInt64: [[UInt64]]] = [:]
        for p in phrases { byLast[p.last!, default: []].append(p) }
        self.byLast = byLast
    }

    /// The length of the longest phrase that ends with token `i` (0 when none).
    func lengthEnding(at i: Int, in v: SentenceView) -> Int {
        guard i >= 0, i < v.count, let candidates = byLast[v.keys[i]] else { return 0 }
        for p in candidates where v.matches(p, at: i - p.count + 1) { return p.count }
        return 0
    }

    /// Whether a phrase ends with token `i`.
    func endsAt(_ i: Int, in v: SentenceView) -> Bool { lengthEnding(at: i, in: v) > 0 }

    /// Whether a phrase ends within the `window` tokens before `i` (inside the clause: stops at
    /// `stops`).
    func occurs(before i: Int, window: Int, in v: SentenceView, stops: KeySet) -> Bool {
        var k = i - 1
        while k >= 0, k >= i - window {
            if v.isAny(k, stops) { return false }
            if endsAt(k, in: v) { return true }
            k -= 1
        }
        return false
    }
}
