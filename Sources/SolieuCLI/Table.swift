import Foundation

/// A text table aligned by display width: Vietnamese combining marks take no column, wide
/// (East Asian) characters two. Cells longer than their column's limit are cut with `…`.
struct Table {
    var header: [String]
    var rows: [[String]] = []
    /// The widest a column may be (in display columns); nil for no limit.
    var limits: [Int?]

    init(header: [String], limits: [Int?]? = nil) {
        self.header = header
        self.limits = limits ?? Array(repeating: nil, count: header.count)
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The display width of `s`: 0 for combining marks and format characters, 2 for wide ones.
    static func width(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars { w += width(u) }
        return w
    }

    static func width(_ u: Unicode.Scalar) -> Int {
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// `s` cut to at most `limit` columns (with `…` when cut), new lines and tabs as spaces.
    static func fit(_ s: String, _ limit: Int?) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        guard let limit, width(flat) > limit else { return flat }
        var out = String.UnicodeScalarView()
        var w = 0
        for u in flat.unicodeScalars {
            let uw = width(u)
            if w + uw > limit - 1 { break }
            out.append(u)
            w += uw
        }
        // keep the combining marks of the last kept letter
        return String(out) + "…"
    }

    /// The table as lines: the header, a rule, the rows; columns separated by two spaces,
    /// numbers (cells that start with a digit or a sign) aligned right.
    func render() -> String {
        let cells = ([header] + rows).map { row in row.enumerated().map { Self.fit($0.element, limits[$0.offset]) } }
        var widths = Array(repeating: 0, count: header.count)
        for row in cells { for (i, c) in row.enumerated() { widths[i] = max(widths[i], Self.width(c)) } }
        var out = ""
        for (n, row) in cells.enumerated() {
            var line = ""
            for (i, c) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - Self.width(c))
                let numeric = n > 0 && (c.first.map { $0.isNumber || $0 == "-" } ?? false) && rightAligned.contains(i)
                let cell = numeric ? pad + c : (i == row.count - 1 ? c : c + pad)
                line += (i == 0 ? "" : "  ") + cell
            }
            out += line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
            if n == 0 { out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    /// Columns whose numbers are aligned right.
    var rightAligned: Set<Int> = []
}

/// Whether a file descriptor is a terminal.
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}
