import Foundation

/// The figures of one article, as `solieu extract --format json` writes them (and as the
/// scorer reads them).
public struct ArticleFigures: Codable, Sendable, Equatable {
    public var article: String
    public var figures: [Figure]
    public init(article: String, figures: [Figure]) {
        self.article = article
        self.figures = figures
    }
}

/// CSV (RFC 4180) rendering of figures, one row each.
public enum FigureCSV {
    public static let columns = ["article", "id", "text", "value", "valueMax", "unit", "qualifier", "rate", "time", "start", "end",
                                 "sentenceIndex", "sentence", "precision", "schemaVersion"]
    public static var header: String { columns.joined(separator: ",") }

    public static func row(_ f: Figure) -> String {
        let fields: [String] = [
            f.article ?? "", "\(f.id)", f.text, "\(f.value)", f.valueMax.map { "\($0)" } ?? "", f.unit, f.qualifier.rawValue,
            f.rate ?? "", f.time?.description ?? "", "\(f.start)", "\(f.end)", "\(f.sentenceIndex)", f.sentence, "\(f.precision)",
            "\(f.schemaVersion)",
        ]
        return fields.map(quote).joined(separator: ",")
    }

    static func quote(_ s: String) -> String {
        // by scalar: `\r\n` is one Character, equal to neither `\r` nor `\n`
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
