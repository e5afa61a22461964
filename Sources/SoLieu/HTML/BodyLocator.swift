import Foundation

/// Finds the element that holds an article's text, and the lead and date line that pages often
/// print just before it.
///
/// The body is `<article>` or `[itemprop=articleBody]` when it holds the paragraph text, else the
/// element whose paragraph units score highest (a unit adds its text, discounted by its link
/// density, to its parent and half of it to its grandparent).
struct BodyLocator {
    let document: HTMLDocument
    let measures: TextMeasures

    /// Share of the best-scoring element's paragraph text that a semantic element must hold.
    static let semanticShare = 0.7
    /// How far above the body a lead or date line outside it may branch off.
    static let nearbyLevels = 4

    /// The body element; nil when the page has no paragraph text.
    func body() -> Int? {
        guard let best = bestScoring() else { return nil }
        let needed = measures.paragraphs[best] * Self.semanticShare
        let semantic = (0..<document.nodes.count).filter { i in
            !measures.excluded[i] && measures.paragraphs[i] >= needed
                && (document[i].tag == "article" || document.attribute("itemprop", of: i)?.lowercased() == "articlebody")
        }
        // The most specific one that still holds the text.
        return semantic.max { document[$0].depth < document[$1].depth } ?? best
    }

    private func bestScoring() -> Int? {
        var score = Array(repeating: 0.0, count: document.nodes.count)
        for i in 0..<document.nodes.count where measures.ownParagraph[i] > 0 {
            let parent = document[i].parent
            guard parent >= 0 else { continue }
            score[parent] += measures.ownParagraph[i]
            let grandparent = document[parent].parent
            if grandparent >= 0 { score[grandparent] += measures.ownParagraph[i] / 2 }
        }
        guard let best = score.indices.max(by: { score[$0] < score[$1] }), score[best] > 0 else { return nil }
        return best
    }

    /// The lead (`.sapo`, `.lead`, `.description`, `[itemprop=description]`) nearest the body;
    /// never a picture's description.
    func lead(body: Int) -> Int? {
        nearest(to: body) { i in
            let node = document[i]
            guard !node.isText, node.tag != "meta", node.tag != "figcaption", !ChromeFilter.droppedTags.contains(node.tag),
                  document.ancestor(of: i, tag: "figure") == nil else { return false }
            if document.attribute("itemprop", of: i)?.lowercased() == "description" { return true }
            guard classWords(i, withData: true).contains(where: { Self.leadWords.contains($0) }) else { return false }
            let length = HTMLText.collapse(document.text(of: i)).count
            return length >= 30 && length <= 1200
        }
    }

    static let leadWords: Set<Substring> = ["sapo", "lead", "description", "summary", "chapeau", "excerpt", "intro"]
    static let dateWords: Set<Substring> = ["date", "time", "datetime", "publish", "published", "pubdate", "ngay", "dateline"]

    /// The date line (an element with a date-ish class, or `<time>`, whose short text holds a date)
    /// nearest the body.
    func dateLine(body: Int) -> Int? {
        nearest(to: body) { i in
            let node = document[i]
            guard !node.isText, !ChromeFilter.droppedTags.contains(node.tag) else { return false }
            guard node.tag == "time" || classWords(i).contains(where: { Self.dateWords.contains($0) }) else { return false }
            let text = HTMLText.collapse(document.text(of: i))
            return text.count <= 100 && Self.holdsDate(text)
        }
    }

    /// Whether text holds a day as `d/m/yyyy`, `d-m-yyyy` or `yyyy-mm-dd`.
    static func holdsDate(_ text: String) -> Bool {
        let runs = text.split { !$0.isNumber }.map(String.init)
        for (i, run) in runs.enumerated() where run.count == 4 && i >= 2 {
            let d = Int(runs[i - 2]) ?? 0, m = Int(runs[i - 1]) ?? 0
            if (1...31).contains(d) && (1...12).contains(m) { return true }
        }
        return text.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) != nil
    }

    /// The first matching element inside the body, else the last one before it that branches off
    /// at most `nearbyLevels` above it.
    private func nearest(to body: Int, where matches: (Int) -> Bool) -> Int? {
        let end = document[body].end
        for i in body..<end where matches(i) { return i }
        var i = body - 1
        let lowest = document[body].depth - Self.nearbyLevels
        while i > 0 {
            if !document.isInside(body, i), matches(i) {
                return document[document.commonAncestor(i, body)].depth >= lowest ? i : nil
            }
            i -= 1
        }
        return nil
    }

    /// Attributes besides class and id that name an element's part in the page (`data-slot=sapo`).
    static let roleAttributes = ["data-slot", "data-role", "data-field", "data-type", "data-component"]

    private func classWords(_ i: Int, withData: Bool = false) -> [Substring] {
        let names = ([document.attribute("class", of: i), document.attribute("id", of: i)]
            + (withData ? Self.roleAttributes.map { document.attribute($0, of: i) } : [])).compactMap { $0 }
        return names.isEmpty ? [] : ChromeFilter.words(of: names.joined(separator: " "))
    }
}
