import ICUCore

/// Small text helpers for page text: whitespace, composition, and the entities that JSON-LD
/// leaves encoded.
enum HTMLText {
    /// `text` in NFC. The page is composed before parsing, but character references
    /// (`e&#770;`) can still leave combining marks behind.
    static func nfc(_ text: String) -> String {
        (try? Normalizer(.nfc).normalize(text)) ?? text
    }

    /// Whether `c` counts as white space in page text (includes no-break and zero-width spaces).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || c == "\u{200B}" || c == "\u{FEFF}" || c == "\u{00A0}"
    }

    /// `text` with every run of white space (line breaks included) made one space, and trimmed.
    static func collapse(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in text.unicodeScalars {
            if isSpace(c) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(c)
            }
        }
        return String(out)
    }

    /// `text` with character references (`&#7852;`, `&#x1EA0;`, `&amp;`, `&quot;`...) decoded,
    /// repeatedly, for text that was encoded twice (`&amp;#7871;`). Gumbo decodes entities in
    /// text and attributes already; this is for strings inside `<script>` (JSON-LD).
    static func decodeEntities(_ text: String) -> String {
        var current = text
        for _ in 0..<3 {
            guard current.contains("&") else { return current }
            let next = decodeOnce(current)
            if next == current { return current }
            current = next
        }
        return current
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    ]

    private static func decodeOnce(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "&", let semicolon = scalars[(i + 1)...].prefix(12).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
                if let decoded = reference(name) {
                    out.append(contentsOf: decoded.unicodeScalars)
                    i = semicolon + 1
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    private static func reference(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
        return named[name.lowercased()]
    }
}
