import Figures
import Foundation

/// A relation found between figures of an article and whether it holds within the printed
/// precision (`../shared/spec/relations.md`).
public struct Finding: Codable, Sendable, Equatable {
    /// The kinds of relation, as the spec names them.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case sum, share, average, change, ratio, target, breakdown, `repeat`
        /// Across articles: the same unit, subject or place and time, with intervals that do
        /// not overlap (not a kind of `../shared/spec/relations.md`: never written for its scorer).
        case conflict
    }

    public enum Verdict: String, Codable, Sendable, CaseIterable {
        /// The intervals allow the relation.
        case holds
        /// They do not: the article's figures contradict each other (or the finder misread them).
        case fails
        /// They allow it and its opposite (a wide qualifier, `khoảng`, `gần`).
        case undecided
    }

    /// How much a reader should care.
    public enum Severity: String, Codable, Sendable, CaseIterable {
        case consistent, info, warning, error
    }

    /// A figure of the relation, by its text and `[start, end)` Unicode-scalar offsets.
    public struct FigureRef: Codable, Sendable, Equatable {
        public var text: String
        public var start: Int
        public var end: Int
        /// The figure's `id` in its article.
        public var id: Int
        /// The figure's article when it is not the finding's (a `conflict` across articles).
        public var article: String?

        public init(text: String, start: Int, end: Int, id: Int, article: String? = nil) {
            self.text = text
            self.start = start
            self.end = end
            self.id = id
            self.article = article
        }

        public init(_ f: Figure, article: String? = nil) { self.init(text: f.text, start: f.start, end: f.end, id: f.id, article: article) }
    }

    /// The article's file name.
    public var article: String?
    public var kind: Kind
    public var verdict: Verdict
    public var severity: Severity
    /// In the spec's order for the kind (average: average, total[, count]; target: target, result).
    public var figures: [FigureRef]
    /// The check written out: `9.711 / 4 năm = 2.427,75 > 2.400: khớp`.
    public var computation: String
    /// The same in English: `9,711 / 4 years = 2,427.75 > 2,400: consistent`.
    public var computationEnglish: String

    public init(article: String?, kind: Kind, verdict: Verdict, severity: Severity, figures: [FigureRef],
                computation: String, computationEnglish: String) {
        self.article = article
        self.kind = kind
        self.verdict = verdict
        self.severity = severity
        self.figures = figures
        self.computation = computation
        self.computationEnglish = computationEnglish
    }

    /// What the scorer reads: true when it holds, false when it fails, nil when undecided.
    public var holds: Bool? {
        switch verdict {
        case .holds: true
        case .fails: false
        case .undecided: nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case article, kind, holds, verdict, severity, figures, computation, computationEnglish
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        article = try c.decodeIfPresent(String.self, forKey: .article)
        kind = try c.decode(Kind.self, forKey: .kind)
        if let v = try c.decodeIfPresent(Verdict.self, forKey: .verdict) {
            verdict = v
        } else {
            verdict = try c.decodeIfPresent(Bool.self, forKey: .holds).map { $0 ? .holds : .fails } ?? .undecided
        }
        severity = try c.decodeIfPresent(Severity.self, forKey: .severity) ?? (verdict == .holds ? .consistent : .info)
        figures = try c.decode([FigureRef].self, forKey: .figures)
        computation = try c.decodeIfPresent(String.self, forKey: .computation) ?? ""
        computationEnglish = try c.decodeIfPresent(String.self, forKey: .computationEnglish) ?? ""
    }

    /// `holds` is written only when decided (the scorer takes true or false, nothing else).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(article, forKey: .article)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(holds, forKey: .holds)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(severity, forKey: .severity)
        try c.encode(figures, forKey: .figures)
        try c.encode(computation, forKey: .computation)
        try c.encode(computationEnglish, forKey: .computationEnglish)
    }

    /// One JSON object on one line (keys sorted, `/` unescaped), without the newline.
    public func jsonLine() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }

    /// JSON Lines for `tools/score-relations`: one finding a line, each ending in a newline;
    /// undecided findings are left out unless `undecided` (the scorer rejects a record without a
    /// verdict), and so are conflicts across articles (not a kind the scorer knows).
    public static func jsonLines(_ findings: [Finding], undecided: Bool = false) throws -> String {
        var out = ""
        for f in findings where (undecided || f.verdict != .undecided) && f.kind != .conflict {
            out += try f.jsonLine()
            out += "\n"
        }
        return out
    }
}
