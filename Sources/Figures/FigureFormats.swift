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
    public static let columns = ["article", "text", "value", "valueMax", "unit", "qualifier", "rate", "time", "start", "end", "sentence", "schemaVersion"]
    public static var header: String { columns.joined(separator: ",") }

    public static func row(_ f: Figure) -> String {
        let fields: [String] = [
            f.article ?? "", f.text, "\(f.value)", f.valueMax.map { "\($0)" } ?? "", f.unit, f.qualifier.rawValue,
            f.rate ?? "", f.time ?? "", "\(f.start)", "\(f.end)", f.sentence, "\(f.schemaVersion)",
        ]
        return fields.map(quote).joined(separator: ",")
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
