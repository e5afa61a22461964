/// Cuts the body element into text blocks in reading order: paragraphs (`p`, headings, list
/// items, text between block elements), captions, and the lead, date line or byline when marked.
///
/// Chrome (as `TextMeasures` marks it) is skipped whole; in figures only the caption is kept; `<br>` makes a line break and
/// other white space is collapsed. The walk uses an explicit stack.
struct BlockCollector {
    /// A block of text and what the markup said about it.
    struct Piece: Equatable {
        var role: Block.Role
        var text: String
        /// Right-aligned (`text-align: right`, `align=right`).
        var rightAligned = false
        /// All of its text is bold (`strong`, `b`).
        var bold = false
        /// Inside an element whose class or id says author.
        var authorMarked = false
    }

    let document: HTMLDocument
    /// Which elements are chrome.
    let measures: TextMeasures
    /// Roles forced on elements (the lead, the date line found by `BodyLocator`).
    var roles: [Int: Block.Role] = [:]

    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tbody", "thead", "tr", "td", "th", "figure", "figcaption", "hr",
        "center", "address", "caption", "details", "summary",
    ]
    static let figureTypes: Set<String> = ["photo", "image", "video", "videostream", "gallery", "album"]
    static let authorWords: Set<Substring> = ["author", "byline", "tacgia", "tac-gia", "writer"]

    /// The context an element sets for the text inside it.
    private struct Context {
        var role: Block.Role = .paragraph
        var inFigure = false
        var dropText = false
        var inLink = false
        var bold = false
        var rightAligned = false
        var authorMarked = false
    }

    /// The text being gathered for the next piece.
    private struct Buffer {
        var text = ""
        var role: Block.Role = .paragraph
        var visible = 0, linked = 0, bolded = 0
        var rightAligned = false
        var authorMarked = false
    }

    private enum Step { case enter(Int), exit(Int) }

    func collect(_ body: Int) -> [Piece] {
        var pieces: [Piece] = []
        var buffer = Buffer()
        var contexts = [Context()]
        var steps: [Step] = [.enter(body)]

        func flush() {
            defer { buffer = Buffer() }
            let lines = buffer.text.split(separator: "\n").map { HTMLText.collapse(String($0)) }.filter { !$0.isEmpty }
            guard !lines.isEmpty, lines.contains(where: { $0.contains { $0.isLetter || $0.isNumber } }) else { return }
            if buffer.role == .paragraph, buffer.visible > 0, Double(buffer.linked) / Double(buffer.visible) > 0.5 { return }
            pieces.append(Piece(role: buffer.role, text: lines.joined(separator: "\n"), rightAligned: buffer.rightAligned,
                                bold: buffer.visible > 0 && buffer.bolded == buffer.visible, authorMarked: buffer.authorMarked))
        }

        while let step = steps.popLast() {
            switch step {
            case .exit(let i):
                if Self.blockTags.contains(document[i].tag) || roles[i] != nil { flush() }
                contexts.removeLast()
            case .enter(let i):
                let node = document[i]
                let context = contexts[contexts.count - 1]
                if node.isText {
                    append(node.text, context, to: &buffer, flush: flush)
                    continue
                }
                if i != body, measures.chrome[i] { continue }
                if node.tag == "br" {
                    if !context.dropText { buffer.text += "\n" }
                    continue
                }
                if node.tag == "img" { continue }
                if Self.blockTags.contains(node.tag) || roles[i] != nil { flush() }
                contexts.append(self.context(for: i, inside: context))
                steps.append(.exit(i))
                for child in node.children.reversed() { steps.append(.enter(child)) }
            }
        }
        flush()
        return pieces
    }

    private func append(_ text: String, _ context: Context, to buffer: inout Buffer, flush: () -> Void) {
        guard !context.dropText else { return }
        let visible = text.unicodeScalars.reduce(0) { $0 + (HTMLText.isSpace($1) ? 0 : 1) }
        if visible > 0, buffer.visible > 0, buffer.role != context.role { flush() }
        if visible > 0 {
            if buffer.visible == 0 { buffer.role = context.role }
            buffer.visible += visible
            if context.inLink { buffer.linked += visible }
            if context.bold { buffer.bolded += visible }
            buffer.rightAligned = buffer.rightAligned || context.rightAligned
            buffer.authorMarked = buffer.authorMarked || context.authorMarked
        }
        buffer.text += String(String.UnicodeScalarView(text.unicodeScalars.map { HTMLText.isSpace($0) ? " " : $0 }))
    }

    private func context(for i: Int, inside outer: Context) -> Context {
        var context = outer
        let node = document[i]
        let words = ChromeFilter.words(of: [document.attribute("class", of: i), document.attribute("id", of: i)]
            .compactMap { $0 }.joined(separator: " "))
        switch node.tag {
        case "a": context.inLink = true
        case "strong", "b": context.bold = true
        case "figure": context.inFigure = true
        case "table" where document.elements("img", in: i).count > 0: context.inFigure = true
        default: break
        }
        if let type = document.attribute("type", of: i)?.lowercased(), Self.figureTypes.contains(type) {
            context.inFigure = true
        }
        if let style = document.attribute("style", of: i)?.lowercased().filter({ !$0.isWhitespace }) {
            if style.contains("text-align:right") { context.rightAligned = true }
            if style.contains("font-weight:bold") || style.contains("font-weight:700") { context.bold = true }
        }
        if document.attribute("align", of: i)?.lowercased() == "right" { context.rightAligned = true }
        if words.contains(where: { Self.authorWords.contains($0) }) { context.authorMarked = true }

        let captionMarked = node.tag == "figcaption" || words.contains { $0.contains("caption") }
            || (context.inFigure && words.contains { $0.hasPrefix("desc") })
        if captionMarked {
            context.role = .caption
        } else if let role = roles[i] {
            context.role = role
        } else if context.inFigure, node.tag == "table" {
            context.role = .caption // a picture table: its text cells are the caption
        }
        context.dropText = context.inFigure && context.role != .caption
        return context
    }
}
