import CGumbo

/// One attribute of an element, with gumbo's entity-decoded value.
struct HTMLAttribute: Sendable, Equatable {
    var name: String
    var value: String
}

/// A parsed HTML page as a small read-only tree: elements (lower-case tag, attributes) and text,
/// stored flat in document order.
///
/// Nodes are numbered in document (pre-)order, so a node's descendants are exactly the nodes
/// `node + 1 ..< end(node)`: subtree walks are index loops, with no recursion and no deep chain
/// of objects to release (a page of 10,000 nested `<div>`s is as safe as a flat one). The gumbo
/// output is converted and freed during `init`.
struct HTMLDocument: Sendable {
    struct Node: Sendable {
        /// Lower-case tag name; empty for a text node.
        var tag: String
        var attributes: [HTMLAttribute]
        /// The text of a text (or CDATA, or whitespace) node; empty for an element.
        var text: String
        /// The parent's index; -1 for the document node.
        var parent: Int
        var children: [Int] = []
        /// One past the last descendant's index.
        var end: Int = 0
        /// Depth below the document node.
        var depth: Int

        var isText: Bool { tag.isEmpty }
    }

    private(set) var nodes: [Node] = []

    /// The document node: the root of the tree (`#document`).
    let root = 0

    /// Parses `html` (the HTML5 algorithm, as browsers do: never fails).
    init(html: String) {
        var options = kGumboDefaultOptions
        options.max_errors = 0
        let length = html.utf8.count
        html.withCString { chars in
            guard let output = gumbo_parse_with_options(&options, chars, length) else { return }
            defer { gumbo_destroy_output(&options, output) }
            build(from: output.pointee.document)
        }
        if nodes.isEmpty { nodes.append(Node(tag: "#document", attributes: [], text: "", parent: -1, depth: 0)) }
        computeEnds()
    }

    /// Converts gumbo's tree with an explicit stack, children pushed in reverse so that nodes
    /// are created in document order.
    private mutating func build(from document: UnsafeMutablePointer<GumboNode>) {
        var stack: [(node: UnsafeMutablePointer<GumboNode>, parent: Int)] = [(document, -1)]
        while let (gumbo, parent) = stack.popLast() {
            let depth = parent < 0 ? 0 : nodes[parent].depth + 1
            let index = nodes.count
            var children: GumboVector?
            switch gumbo.pointee.type {
            case GUMBO_NODE_DOCUMENT:
                nodes.append(Node(tag: "#document", attributes: [], text: "", parent: parent, depth: depth))
                children = gumbo.pointee.v.document.children
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let element = gumbo.pointee.v.element
                nodes.append(Node(tag: Self.tagName(element), attributes: Self.attributes(element),
                                  text: "", parent: parent, depth: depth))
                children = element.children
            case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA, GUMBO_NODE_WHITESPACE:
                let text = gumbo.pointee.v.text.text.map { String(cString: $0) } ?? ""
                nodes.append(Node(tag: "", attributes: [], text: text, parent: parent, depth: depth))
            default:
                continue // comments
            }
            if parent >= 0 { nodes[parent].children.append(index) }
            if let children, children.length > 0 {
                for i in stride(from: Int(children.length) - 1, through: 0, by: -1) {
                    if let child = children.data[i] {
                        stack.append((child.assumingMemoryBound(to: GumboNode.self), index))
                    }
                }
            }
        }
    }

    private static func tagName(_ element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN, let name = gumbo_normalized_tagname(element.tag) {
            return String(cString: name)
        }
        var piece = element.original_tag
        gumbo_tag_from_original_text(&piece)
        guard let data = piece.data, piece.length > 0 else { return "unknown" }
        let bytes = UnsafeRawBufferPointer(start: data, count: piece.length)
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }

    private static func attributes(_ element: GumboElement) -> [HTMLAttribute] {
        let vector = element.attributes
        var out: [HTMLAttribute] = []
        out.reserveCapacity(Int(vector.length))
        for i in 0..<Int(vector.length) {
            guard let raw = vector.data[i] else { continue }
            let attribute = raw.assumingMemoryBound(to: GumboAttribute.self).pointee
            guard let name = attribute.name else { continue }
            out.append(HTMLAttribute(name: String(cString: name).lowercased(),
                                     value: attribute.value.map { String(cString: $0) } ?? ""))
        }
        return out
    }

    /// Children come after their parent: walking backwards sees every child's `end` first.
    private mutating func computeEnds() {
        for i in stride(from: nodes.count - 1, through: 0, by: -1) {
            nodes[i].end = nodes[i].children.last.map { nodes[$0].end } ?? i + 1
        }
    }

    // MARK: queries

    subscript(_ index: Int) -> Node { nodes[index] }

    /// The value of attribute `name` (lower case) of node `index`.
    func attribute(_ name: String, of index: Int) -> String? {
        nodes[index].attributes.first { $0.name == name }?.value
    }

    /// Whether `node` is `ancestor` or lies inside it.
    func isInside(_ node: Int, _ ancestor: Int) -> Bool {
        node >= ancestor && node < nodes[ancestor].end
    }

    /// The element indices with tag `tag`, in document order.
    func elements(_ tag: String, in scope: Int? = nil) -> [Int] {
        let range = scope.map { $0..<nodes[$0].end } ?? 0..<nodes.count
        return range.filter { nodes[$0].tag == tag }
    }

    /// Elements whose text is not page text.
    static let nonTextTags: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "iframe", "object"]

    /// The text of `index`'s subtree, in document order, skipping scripts and styles
    /// (whitespace as in the source).
    func text(of index: Int) -> String {
        var out = ""
        var i = index
        let end = nodes[index].end
        if nodes[index].isText { return nodes[index].text }
        i += 1
        while i < end {
            let node = nodes[i]
            if node.isText {
                out += node.text
                i += 1
            } else if Self.nonTextTags.contains(node.tag) {
                i = node.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// The raw text of `index`'s text children (the contents of a `<script>` or `<title>`).
    func rawText(of index: Int) -> String {
        nodes[index].children.reduce(into: "") { out, child in out += nodes[child].text }
    }

    /// The nearest ancestor of `index` (itself included) with tag `tag`.
    func ancestor(of index: Int, tag: String) -> Int? {
        var i = index
        while i >= 0 {
            if nodes[i].tag == tag { return i }
            i = nodes[i].parent
        }
        return nil
    }

    /// The lowest common ancestor of two nodes.
    func commonAncestor(_ a: Int, _ b: Int) -> Int {
        var x = a, y = b
        while nodes[x].depth > nodes[y].depth { x = nodes[x].parent }
        while nodes[y].depth > nodes[x].depth { y = nodes[y].parent }
        while x != y { x = nodes[x].parent; y = nodes[y].parent }
        return x
    }
}
