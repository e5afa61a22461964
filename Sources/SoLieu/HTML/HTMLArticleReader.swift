/// Reads a news page (HTML, in any charset it declares or a legacy Vietnamese one) into an
/// `Article`: its metadata (title, publication time, authors, section) from generic markup, and
/// its text, chrome removed, as blocks in reading order: title, date line, lead, then paragraphs
/// and captions, and a byline at the end.
public enum HTMLArticleReader {
    /// The article a page holds.
    /// - Parameters:
    ///   - bytes: the page as served.
    ///   - name: the article's name (its file name or URL).
    ///   - source: where it was read from.
    /// - Throws: `ArticleReadError` when the bytes cannot be decoded (naming the byte offset) or
    ///   the page has no article text ("no article body found").
    public static func read(bytes: [UInt8], name: String, source: String) throws(ArticleReadError) -> Article {
        let text: String
        do {
            text = try Charset.decode(bytes).text
        } catch {
            throw ArticleReadError(file: source, message: "cannot decode the page as \(error.charset): invalid bytes at byte offset \(error.offset)")
        }
        return try read(html: text, name: name, source: source)
    }

    /// The article in a page already decoded to text.
    public static func read(html: String, name: String, source: String) throws(ArticleReadError) -> Article {
        let document = HTMLDocument(html: html)
        let filter = ChromeFilter.builtin
        let measures = TextMeasures(document: document, filter: filter)
        let locator = BodyLocator(document: document, measures: measures)
        guard let body = locator.body() else {
            throw ArticleReadError(file: source, message: "no article body found")
        }
        let metadata = PageMetadata(document: document)

        var collector = BlockCollector(document: document, measures: measures)
        var before: [BlockCollector.Piece] = []
        if let dateLine = locator.dateLine(body: body) {
            collector.roles[dateLine] = .dateLine
            if !document.isInside(dateLine, body) {
                before += BlockCollector(document: document, measures: measures, roles: [dateLine: .dateLine]).collect(dateLine)
            }
        }
        if let lead = locator.lead(body: body) {
            collector.roles[lead] = .lead
            if !document.isInside(lead, body) {
                before += BlockCollector(document: document, measures: measures, roles: [lead: .lead]).collect(lead)
            }
        }
        let pieces = ArticleLayout.arrange(title: metadata.title.map(HTMLText.nfc), before: before, body: collector.collect(body))
        guard pieces.contains(where: { $0.role == .paragraph }) else {
            throw ArticleReadError(file: source, message: "no article body found")
        }
        return ArticleLayout.article(name: name, source: source, metadata: metadata, pieces: pieces)
    }
}

/// Puts the pieces of a page in their final order and roles, and builds the `Article`.
enum ArticleLayout {
    /// The longest byline, in characters and in words.
    static let bylineLength = 60, bylineWords = 8
    /// The shortest bold first paragraph that is taken for a lead.
    static let boldLeadLength = 40

    /// Title, date line, lead, then the body's pieces; duplicates of the title or lead dropped,
    /// a bold first paragraph made the lead when there is none, a short marked last paragraph
    /// made the byline.
    static func arrange(title: String?, before: [BlockCollector.Piece], body: [BlockCollector.Piece]) -> [BlockCollector.Piece] {
        var pieces: [BlockCollector.Piece] = []
        let body = body.filter { !($0.role == .paragraph && isChromeLine($0.text)) }
        if let title, !title.isEmpty { pieces.append(.init(role: .title, text: title)) }
        let outside = before.filter { $0.role == .dateLine } + before.filter { $0.role == .lead }
        var seen = Set(pieces.map(\.text))
        for piece in outside + body where !(piece.role != .caption && seen.contains(piece.text)) {
            seen.insert(piece.text)
            pieces.append(piece)
        }
        // Date lines and leads are only wanted once, before the paragraphs.
        var roles: Set<Block.Role> = []
        pieces = pieces.filter { piece in
            guard piece.role == .dateLine || piece.role == .lead else { return true }
            return roles.insert(piece.role).inserted
        }
        if !pieces.contains(where: { $0.role == .lead }),
           let first = pieces.firstIndex(where: { $0.role == .paragraph }),
           pieces[first].bold, pieces[first].text.count >= boldLeadLength {
            pieces[first].role = .lead
        }
        for i in pieces.indices where pieces[i].role == .paragraph && pieces[i].authorMarked && isShort(pieces[i].text) {
            pieces[i].role = .byline
        }
        if let last = pieces.lastIndex(where: { $0.role != .caption }), pieces[last].role == .paragraph,
           pieces[last].rightAligned || pieces[last].bold, isShort(pieces[last].text) {
            pieces[last].role = .byline
        }
        return pieces
    }

    /// The phrases that open a line of page chrome (`Tin liên quan`, `Xem thêm`...): those of the
    /// plain-text reader (`Resources/data/chrome-lines.txt`) and `html-chrome-lines.txt`.
    static let chromeLines: [String] = (ChromeFilter.loadList("chrome-lines") + ChromeFilter.loadList("html-chrome-lines"))
        .map { $0.lowercased() }
    /// The longest paragraph that can be a chrome line.
    static let chromeLineLength = 40

    /// A short paragraph that is a chrome line (`Tham khảo thêm`).
    static func isChromeLine(_ text: String) -> Bool {
        guard text.count <= chromeLineLength else { return false }
        let lower = text.lowercased()
        return chromeLines.contains { lower.hasPrefix($0) }
    }

    static func isShort(_ text: String) -> Bool {
        text.count <= bylineLength && text.split(separator: " ").count <= bylineWords
    }

    static func article(name: String, source: String, metadata: PageMetadata, pieces: [BlockCollector.Piece]) -> Article {
        let pieces = pieces.map { BlockCollector.Piece(role: $0.role, text: HTMLText.nfc($0.text)) }
        var metadata = metadata
        metadata.title = metadata.title.map(HTMLText.nfc)
        metadata.section = metadata.section.map(HTMLText.nfc)
        metadata.authors = metadata.authors.map(HTMLText.nfc)
        var text = ""
        var offset = 0
        var blocks: [Block] = []
        for piece in pieces {
            if !blocks.isEmpty { text += "\n\n"; offset += 2 }
            let length = piece.text.unicodeScalars.count
            blocks.append(Block(piece.role, start: offset, end: offset + length))
            text += piece.text
            offset += length
        }
        var authors = metadata.authors
        for byline in pieces where byline.role == .byline && looksLikeName(byline.text) {
            if !authors.contains(where: { $0.lowercased() == byline.text.lowercased() }) { authors.append(byline.text) }
        }
        let dateLineDay = pieces.first { $0.role == .dateLine }.flatMap { PageMetadata.day(fromLine: $0.text) }
        return Article(name: name, source: source, format: .html, title: metadata.title, section: metadata.section,
                       date: metadata.date ?? dateLineDay, published: metadata.published, authors: authors,
                       text: text, blocks: blocks)
    }

    private static func looksLikeName(_ text: String) -> Bool {
        !text.contains { $0.isNumber || $0 == "\n" } && text.split(separator: " ").count <= 6
    }
}
