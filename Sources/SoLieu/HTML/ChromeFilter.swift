import Foundation

/// Decides which elements are page chrome rather than article: by tag (scripts, navigation,
/// forms...), by inline style (`display:none`), and by the words of the class and id
/// (`menu`, `related`, `box-tin`...; lists in `Resources/data/html-chrome-classes.txt` and
/// `html-content-classes.txt`).
struct ChromeFilter: Sendable {
    /// Tags never part of an article's text.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "iframe", "button", "select", "option", "textarea", "input",
        "label", "svg", "canvas", "video", "audio", "object", "embed", "map", "head", "title", "meta", "link", "dialog",
    ]
    /// Tags of page structure that hold chrome, unless they wrap the article itself (an ASP.NET
    /// page wraps everything in a `<form>`).
    static let structuralTags: Set<String> = ["form", "nav", "header", "footer", "aside", "menu"]

    /// Class/id entries (each cut into words) that mark chrome.
    let chromeWords: [[Substring]]
    /// Class/id entries that mark content and override a chrome word.
    let contentWords: [[Substring]]

    init(chromeWords: [String], contentWords: [String]) {
        self.chromeWords = chromeWords.map { Self.words(of: $0) }.filter { !$0.isEmpty }
        self.contentWords = contentWords.map { Self.words(of: $0) }.filter { !$0.isEmpty }
    }

    /// The built-in lists.
    static let builtin: ChromeFilter = ChromeFilter(
        chromeWords: loadList("html-chrome-classes"), contentWords: loadList("html-content-classes"))

    /// Whether element `index` (with everything inside it) is never article text: scripts,
    /// styles, form controls, embedded media, hidden elements.
    func isHidden(_ index: Int, in document: HTMLDocument) -> Bool {
        let node = document[index]
        if node.isText { return false }
        if Self.droppedTags.contains(node.tag) { return true }
        if let style = document.attribute("style", of: index), Self.hides(style) { return true }
        return document.attribute("hidden", of: index) != nil || document.attribute("aria-hidden", of: index) == "true"
    }

    /// Whether element `index` looks like chrome by its tag (`nav`, `footer`...) or the words of
    /// its class and id; callers keep such an element when it holds the article's text.
    func looksLikeChrome(_ index: Int, in document: HTMLDocument) -> Bool {
        let node = document[index]
        if node.isText { return false }
        if Self.structuralTags.contains(node.tag) { return true }
        if ["html", "body", "article", "main"].contains(node.tag) { return false }
        if document.attribute("itemprop", of: index)?.lowercased() == "articlebody" { return false }
        let names = [document.attribute("class", of: index), document.attribute("id", of: index)]
            .compactMap { $0 }.joined(separator: " ")
        return hasChromeWords(names)
    }

    /// Whether a class/id string holds a chrome word and no content word.
    func hasChromeWords(_ classAndID: String) -> Bool {
        guard !classAndID.isEmpty else { return false }
        let words = Self.words(of: classAndID)
        guard chromeWords.contains(where: { Self.contains(words, $0) }) else { return false }
        return !contentWords.contains(where: { Self.contains(words, $0) })
    }

    /// Whether an inline style hides the element.
    static func hides(_ style: String) -> Bool {
        let compact = style.lowercased().filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    /// Lower-case words of a class or id string, cut at anything not a letter or digit.
    static func words(of text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }
    }

    private static func contains(_ words: [Substring], _ entry: [Substring]) -> Bool {
        guard entry.count <= words.count else { return false }
        if entry.count == 1 { return words.contains(entry[0]) }
        for start in 0...(words.count - entry.count) where words[start] == entry[0] {
            if words[start..<(start + entry.count)].elementsEqual(entry) { return true }
        }
        return false
    }

    /// The entries of `Resources/data/<name>.txt`: one a line, `#` comments, blank lines skipped.
    static func loadList(_ name: String) -> [String] {
        guard let url = Bundle.module.url(forResource: "data", withExtension: nil)?
            .appendingPathComponent("\(name).txt"),
            let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            let entry = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            return entry.isEmpty ? nil : entry
        }
    }
}
