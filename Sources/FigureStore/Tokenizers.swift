/// How the folded index folds: SQLite's own `unicode61 remove_diacritics 2` (lowercase, tone
/// marks and other diacritics removed, in C) over text whose `đ`/`Đ` were first replaced by
/// `d`/`D`, which unicode61 keeps (`đ` is a letter of its own, not `d` with a mark). `Đồng Nai`,
/// `đồng nai` and `Dong Nai` all give the tokens `dong`, `nai`.
///
/// The replacement is done in SQL when passages are indexed (and removed: the same words), and
/// in Swift on the words of a query. (A Swift FTS5 tokenizer wrapping unicode61 did the same
/// token by token, and took an eighth of the writer's time.)
enum Folding {
    /// The folded index's tokenizer.
    static let tokenizer = "unicode61 remove_diacritics 2"

    /// The SQL of `expression` with `đ` and `Đ` replaced by `d`.
    static func sql(_ expression: String) -> String { "replace(replace(\(expression), 'đ', 'd'), 'Đ', 'd')" }

    /// `token` with `đ` and `Đ` replaced by `d`.
    static func foldingD(_ token: String) -> String {
        guard token.utf8.contains(0xC4) else { return token }
        var scalars = String.UnicodeScalarView()
        for s in token.unicodeScalars {
            scalars.append(s == "đ" || s == "Đ" ? "d" : s)
        }
        return String(scalars)
    }
}

extension Folding {
    /// The folded words of `text`: lowercase, diacritics removed (the combining marks of its
    /// canonical decomposition), `đ`/`Đ` as `d`; words are runs of letters and digits:
    /// `Tỉnh Vĩnh Phúc` -> `tinh`, `vinh`, `phuc`. The words the entity, place and subject
    /// queries look for; the indexes get the names with `đ` replaced and fold the rest
    /// themselves (unicode61), to the same tokens.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for s in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if s.isASCII {
                let v = s.value
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) { current.append(s) }
                else if (0x41...0x5A).contains(v) { current.append(Unicode.Scalar(v + 0x20)!) }
                else { flush() }
                continue
            }
            if (0x300...0x36F).contains(s.value) { continue }
            if s == "đ" || s == "Đ" { current.append("d"); continue }
            let p = s.properties
            if p.isAlphabetic || p.numericType != nil {
                current.append(contentsOf: p.lowercaseMapping.unicodeScalars)
            } else if p.generalCategory == .nonspacingMark {
                continue
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// An FTS5 query requiring every folded word of `text` (each a quoted token; implicit AND);
    /// nil when `text` has no word.
    static func allWordsPattern(_ text: String) -> String? {
        let w = words(text)
        return w.isEmpty ? nil : w.map(TextSearch.quoted).joined(separator: " ")
    }
}
