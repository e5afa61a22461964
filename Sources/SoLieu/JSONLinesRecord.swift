import Figures
import Foundation
import VietText

/// One JSON Lines record: `{"url", "title", "date", "text"}` (or `html` instead of `text`), with
/// `id`, `section` and `author` optional. The record's fields win over what the text or page says.
struct JSONLinesRecord: Decodable {
    var id: String?
    var url: String?
    var title: String?
    var date: String?
    var section: String?
    var author: String?
    var text: String?
    var html: String?

    /// The article of one line of `file`; the error names the file and line.
    static func article(bytes: ArraySlice<UInt8>, file: String, line: Int, source: ArticleSource) throws(ArticleReadError) -> Article {
        let position = InputPosition(line: line, column: 1, byteOffset: 0)
        let record: JSONLinesRecord
        do {
            record = try JSONDecoder().decode(JSONLinesRecord.self, from: Data(bytes))
        } catch {
            throw ArticleReadError(file: file, position: position, message: "not a JSON object with a text or html field (\(describe(error)))")
        }
        let name = record.id ?? record.url ?? "\(ArticleSource.fileName(file))#\(line)"
        let where_ = record.url ?? "\(file):\(line)"
        var article: Article
        if let html = record.html {
            do {
                article = try HTMLArticleReader.read(bytes: Array(html.utf8), name: name, source: where_)
            } catch {
                throw ArticleReadError(file: file, position: position, message: error.message)
            }
        } else if let text = record.text {
            article = source.plainText.parse(text, name: name, source: where_, format: .jsonl)
            if let title = record.title, !title.isEmpty { article = Self.prepend(title: title, to: article) }
        } else {
            throw ArticleReadError(file: file, position: position, message: "the record has neither a text nor an html field")
        }
        article.format = .jsonl
        if let title = record.title, !title.isEmpty { article.title = title }
        if let section = record.section, !section.isEmpty { article.section = section }
        if let author = record.author, !author.isEmpty { article.authors = [author] }
        if let date = record.date, !date.isEmpty {
            guard let day = CalendarDay(iso: date) ?? PlainTextArticle.firstDate(in: date) else {
                throw ArticleReadError(file: file, position: position, message: "date \"\(date)\" is neither YYYY-MM-DD nor DD/MM/YYYY")
            }
            article.date = day
            article.published = date
        }
        return article
    }

    /// `article` with `title` as its first block, unless its text already opens with it; a title
    /// the text parser took from the body's first line becomes the lead.
    static func prepend(title: String, to article: Article) -> Article {
        var out = article
        if let first = article.blocks.first, first.role == .title, article.text(of: first) == title { return out }
        let shift = title.unicodeScalars.count + 2
        out.text = title + "\n\n" + article.text
        out.blocks = [Block(.title, start: 0, end: title.unicodeScalars.count)] + article.blocks.map { block in
            Block(block.role == .title ? .lead : block.role, start: block.start + shift, end: block.end + shift)
        }
        if article.blocks.contains(where: { $0.role == .title }) {
            // the body's first line is not a second title: the first paragraph after it is no lead
            var leads = 0
            for i in out.blocks.indices where out.blocks[i].role == .lead {
                leads += 1
                if leads > 1 { out.blocks[i].role = .paragraph }
            }
        }
        return out
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let c): c.underlyingError.map { "\($0.localizedDescription)" } ?? c.debugDescription
        case DecodingError.typeMismatch(_, let c): "\(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
        default: "\(error)"
        }
    }
}
