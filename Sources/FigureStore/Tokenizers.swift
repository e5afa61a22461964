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
