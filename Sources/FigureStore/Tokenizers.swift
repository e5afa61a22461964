import GRDB

/// The FTS5 tokenizer of the folded index: `unicode61 remove_diacritics 2` (lowercase, tone
/// marks and other diacritics removed) that also folds `đ` to `d`, which unicode61 keeps (it is a
/// letter of its own, not `d` with a mark). `Đồng Nai`, `đồng nai` and `Dong Nai` all give the
/// tokens `dong`, `nai`.
///
/// Registered on every connection by ``FigureStore``; tables name it `vn_fold`.
final class VietnameseFoldingTokenizer: FTS5WrapperTokenizer {
    static let name = "vn_fold"
    let wrappedTokenizer: any FTS5Tokenizer

    init(db: Database, arguments: [String]) throws {
        wrappedTokenizer = try db.makeTokenizer(.unicode61(diacritics: .remove))
    }

    func accept(token: String, flags: FTS5TokenFlags, for tokenization: FTS5Tokenization,
                tokenCallback: FTS5WrapperTokenCallback) throws {
        // unicode61 has lowercased `Đ` (C4 90) to `đ` (C4 91)
        if token.utf8.contains(0xC4) {
            try tokenCallback(Self.foldingD(token), flags)
        } else {
            try tokenCallback(token, flags)
        }
    }

    /// `token` with `đ` and `Đ` replaced by `d`.
    static func foldingD(_ token: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in token.unicodeScalars {
            scalars.append(s == "đ" || s == "Đ" ? "d" : s)
        }
        return String(scalars)
    }
}
