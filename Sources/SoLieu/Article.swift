import Entities
import Figures
import Foundation

/// An article as the rest of the pipeline sees it: its metadata and its text, cut into blocks
/// with roles, page chrome (`TAG:`, `Ý kiến của bạn`, menus, scripts) already removed.
///
/// `text` is what figure offsets refer to (Unicode-scalar offsets). For a plain-text article it
/// is the file's text up to the chrome (so offsets are the file's own); for an HTML page it is
/// the blocks joined by blank lines, in reading order: title, section, date line, lead,
/// paragraphs and captions.
public struct Article: Codable, Sendable, Equatable {
    /// The article's name: the file name (`baomoi_21469330.txt`), or a JSON Lines record's `id`
    /// or `url`, or `<source>#<line>`. Unique in a store: re-ingesting the same name replaces
    /// the article when its content changed and adds nothing when it did not.
    public var name: String
    /// Where it was read from: a path, `-`, or a URL.
    public var source: String
    public var format: SourceFormat
    public var title: String?
    /// The section (`Xây dựng Đảng`, `Kinh doanh`).
    public var section: String?
    /// The publication date: from the date line (`Thứ Sáu, 01/02/2019`) or the page's metadata.
    /// The reference for relative times (`năm nay`, `cùng kỳ năm trước`).
    public var date: CalendarDay?
    /// The publication time as printed by the page's metadata (ISO 8601), when there is one.
    public var published: String?
    /// The authors: the byline (`Ngô Tuấn Anh`) or the page's author metadata.
    public var authors: [String]
    public var text: String
    public var blocks: [Block]

    public init(name: String, source: String, format: SourceFormat, title: String? = nil, section: String? = nil,
                date: CalendarDay? = nil, published: String? = nil, authors: [String] = [], text: String, blocks: [Block]) {
        self.name = name
        self.source = source
        self.format = format
        self.title = title
        self.section = section
        self.date = date
        self.published = published
        self.authors = authors
        self.text = text
        self.blocks = blocks
    }

    /// The text of a block.
    public func text(of block: Block) -> String {
        let scalars = text.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: block.start)
        let to = scalars.index(from, offsetBy: block.end - block.start)
        return String(scalars[from..<to])
    }

    /// The blocks with `role`.
    public func blocks(_ role: Block.Role) -> [Block] { blocks.filter { $0.role == role } }
}

/// How an article reached us.
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    case text, html, jsonl
}

/// A run of the article's text with one role; `start`/`end` are Unicode-scalar offsets into
/// `Article.text`, blocks are in text order and do not overlap.
public struct Block: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable, CaseIterable {
        case title, section, dateLine, lead, paragraph, caption, byline
    }

    public var role: Role
    public var start: Int
    public var end: Int

    public init(_ role: Role, start: Int, end: Int) {
        self.role = role
        self.start = start
        self.end = end
    }
}

extension CalendarDay: Codable {
    /// `2019-02-01`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let day = CalendarDay(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date (YYYY-MM-DD): \(s)")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    /// Parses `YYYY-MM-DD` (a longer ISO 8601 time after it is ignored); nil when not a real day.
    public init?(iso: String) {
        let u = Array(iso.utf8)
        func number(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count else { return nil }
            var n = 0
            for b in u[r] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                n = n * 10 + Int(b - 0x30)
            }
            return n
        }
        guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D,
              let y = number(0..<4), let m = number(5..<7), let d = number(8..<10),
              let day = CalendarDay(checkedYear: y, month: m, day: d) else { return nil }
        self = day
    }

    /// A day that exists in the Gregorian calendar, else nil.
    public init?(checkedYear year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

/// An article and what was found in it.
public struct ArticleAnalysis: Sendable {
    public var article: Article
    public var figures: [Figure]
    /// The distinct entities, in order of first mention (figures' `subject`/`place` point at their ids).
    public var entities: [Entity]
    /// Numbers too long to read, with their offsets.
    public var warnings: [FigureWarning]
    /// The version of the analysis that produced this: a store re-extracts older articles.
    public var extractorVersion: Int

    public init(article: Article, figures: [Figure], entities: [Entity] = [], warnings: [FigureWarning] = [],
                extractorVersion: Int = ArticleAnalyzer.version) {
        self.article = article
        self.figures = figures
        self.entities = entities
        self.warnings = warnings
        self.extractorVersion = extractorVersion
    }
}
