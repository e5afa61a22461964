/// Per-node measures of a page's visible text, computed once in linear time: which nodes are
/// chrome (or inside chrome), and how many non-space characters each subtree holds, in all, in
/// links, and in paragraphs.
struct TextMeasures: Sendable {
    /// The node is chrome or lies inside chrome.
    private(set) var excluded: [Bool]
    /// Non-space characters of the subtree's visible text (chrome left out).
    private(set) var text: [Int]
    /// Of those, the characters inside links.
    private(set) var links: [Int]
    /// Of those, the characters in paragraph units (`<p>`, or an element with enough text of its
    /// own), each weighted by how little of it is link text.
    private(set) var paragraphs: [Double]
    /// Each node's own paragraph weight (0 for a node that is not a paragraph unit).
    private(set) var ownParagraph: [Double]

    /// Direct text that makes a non-`<p>` element a paragraph unit (text written with `<br>`s).
    static let minimumLooseText = 80

    /// The node itself is chrome (its subtree is skipped).
    private(set) var chrome: [Bool]

    /// The share of the page's paragraph text above which an element is never chrome by its tag,
    /// class or id (a wrapper called `sidebar-1`, or a `<form>`, that holds the article).
    static let protectedShare = 0.5

    init(document: HTMLDocument, filter: ChromeFilter) {
        let count = document.nodes.count
        // First without what only looks like chrome, to see where the paragraph text is.
        let hidden = (0..<count).map { filter.isHidden($0, in: document) }
        self.init(document: document, chrome: hidden)
        let protected = paragraphs[document.root] * Self.protectedShare
        let chrome = (0..<count).map { i in
            hidden[i] || (paragraphs[i] < protected || paragraphs[i] == 0) && filter.looksLikeChrome(i, in: document)
        }
        self.init(document: document, chrome: chrome)
    }

    private init(document: HTMLDocument, chrome: [Bool]) {
        let count = document.nodes.count
        self.chrome = chrome
        excluded = Array(repeating: false, count: count)
        text = Array(repeating: 0, count: count)
        links = Array(repeating: 0, count: count)
        paragraphs = Array(repeating: 0, count: count)
        ownParagraph = Array(repeating: 0, count: count)
        // Parents come before children.
        for i in 0..<count {
            let parent = document[i].parent
            excluded[i] = (parent >= 0 && excluded[parent]) || chrome[i]
        }
        var looseText = Array(repeating: 0, count: count)
        // Children come after parents: walking backwards sees every child first.
        for i in stride(from: count - 1, through: 0, by: -1) {
            let node = document[i]
            guard !excluded[i] else { continue }
            if node.isText {
                let n = node.text.unicodeScalars.reduce(0) { $0 + (HTMLText.isSpace($1) ? 0 : 1) }
                text[i] = n
                if node.parent >= 0 { looseText[node.parent] += n }
            } else {
                if node.tag == "a" { links[i] = text[i] }
                let unit = node.tag == "p" || (looseText[i] >= Self.minimumLooseText && node.tag != "a")
                if unit, text[i] > 0 {
                    let density = Double(links[i]) / Double(text[i])
                    ownParagraph[i] = density > 0.5 ? 0 : Double(text[i]) * (1 - density)
                    paragraphs[i] = max(paragraphs[i], ownParagraph[i])
                }
            }
            let parent = node.parent
            if parent >= 0 {
                text[parent] += text[i]
                links[parent] += links[i]
                paragraphs[parent] += paragraphs[i]
            }
        }
    }

    /// The share of `index`'s text that is link text.
    func linkDensity(_ index: Int) -> Double {
        text[index] == 0 ? 0 : Double(links[index]) / Double(text[index])
    }
}
