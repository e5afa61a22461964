import Figures
import Foundation

/// What a page says about its article outside the text: title, publication time, authors,
/// section. Read from generic markup only (Open Graph and `article:` metas, JSON-LD, microdata,
/// `<time>`, `rel=author`, breadcrumbs, `<h1>`, `<title>`), never from per-site selectors.
struct PageMetadata: Sendable, Equatable {
    var title: String?
    /// The publication time as the page writes it (ISO 8601 normally).
    var published: String?
    /// The day of `published` as written (in the page's own time zone).
    var date: CalendarDay?
    var authors: [String] = []
    var section: String?
    var siteName: String?

    init(document: HTMLDocument) {
        let metas = MetaTags(document: document)
        let ld = JSONLD(document: document)
        let article = ld.article
        siteName = metas.first("og:site_name")

        title = metas.first("og:title")
            ?? article.flatMap { JSONLD.string($0["headline"]) }
            ?? Self.longestHeading(document)
            ?? Self.pageTitle(document, siteName: siteName, url: metas.first("og:url"))

        published = metas.first("article:published_time")
            ?? article.flatMap { JSONLD.string($0["datePublished"]) }
            ?? Self.timeElement(document)
            ?? metas.first("datepublished")
            ?? Self.itemprop("datepublished", document)
            ?? metas.first("pubdate") ?? metas.first("publishdate") ?? metas.first("date")
        date = published.flatMap { Self.day(fromTime: $0) }

        var names: [String] = []
        names += article.map { JSONLD.names($0["author"]) } ?? []
        names += metas.all("article:author").filter { !$0.hasPrefix("http") }
        names += Self.relAuthors(document)
        names += Self.itempropAuthors(document)
        names += metas.all("author").filter { !$0.hasPrefix("http") }
        authors = Self.unique(names)

        section = metas.first("article:section")
            ?? article.flatMap { JSONLD.string($0["articleSection"]) ?? JSONLD.names($0["articleSection"]).first }
            ?? metas.first("articlesection")
            ?? ld.breadcrumbSection(title: title)
            ?? Self.breadcrumbSection(document, title: title)
    }

    /// The day a time string starts with: `2026-03-07T08:06:00+07:00` or `7/3/2026 08:06`.
    static func day(fromTime time: String) -> CalendarDay? {
        if let day = CalendarDay(iso: String(time.prefix(10))) { return day }
        let numbers = time.split { !$0.isNumber }.prefix(3).compactMap { Int($0) }
        guard numbers.count == 3, numbers[2] >= 1000 else { return nil }
        return CalendarDay(checkedYear: numbers[2], month: numbers[1], day: numbers[0])
    }

    /// The day a printed date line names (`Thứ bảy, 7/3/2026, 00:05 (GMT+7)`): the first
    /// `d/m/yyyy` in it.
    static func day(fromLine line: String) -> CalendarDay? {
        let runs = line.split { !$0.isNumber }.compactMap { Int($0) }
        for i in runs.indices.dropFirst(2) where runs[i] >= 1000 {
            if let day = CalendarDay(checkedYear: runs[i], month: runs[i - 1], day: runs[i - 2]) { return day }
        }
        return runs.count >= 3 ? CalendarDay(iso: line.trimmingCharacters(in: .whitespaces).prefix(10).description) : nil
    }

    // MARK: fallbacks from the markup

    /// The longest `<h1>` in the body (a logo's `<h1>` is short).
    static func longestHeading(_ document: HTMLDocument) -> String? {
        document.elements("h1").map { HTMLText.collapse(document.text(of: $0)) }
            .filter { $0.count >= 10 }.max { $0.count < $1.count }
    }

    /// `<title>` without a trailing ` - Site` / ` | Site` that names the site.
    static func pageTitle(_ document: HTMLDocument, siteName: String?, url: String?) -> String? {
        guard let element = document.elements("title").first else { return nil }
        let title = HTMLText.collapse(document.rawText(of: element))
        guard !title.isEmpty else { return nil }
        for separator in [" - ", " | ", " – ", " — "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let suffix = String(title[range.upperBound...])
            if namesSite(suffix, siteName: siteName, url: url) { return String(title[..<range.lowerBound]) }
        }
        return title
    }

    /// Whether a title suffix is the site's name: og:site_name, or it holds the domain's name.
    static func namesSite(_ suffix: String, siteName: String?, url: String?) -> Bool {
        let folded = fold(suffix)
        if let siteName, fold(siteName) == folded { return true }
        guard let host = url.flatMap({ URL(string: $0)?.host }) else { return false }
        let labels = host.lowercased().split(separator: ".").filter { $0 != "www" }
        guard let name = labels.first, name.count >= 3 else { return false }
        return folded.contains(String(name))
    }

    private static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter { !$0.isWhitespace }
    }

    /// The first `<time datetime>`.
    static func timeElement(_ document: HTMLDocument) -> String? {
        document.elements("time").lazy.compactMap { document.attribute("datetime", of: $0) }
            .map { HTMLText.collapse($0) }.first { !$0.isEmpty }
    }

    /// The value of the first element with `itemprop=<name>`: its `content`, `datetime` or text.
    static func itemprop(_ name: String, _ document: HTMLDocument) -> String? {
        itempropValues(name, document).first
    }

    private static func itempropValues(_ name: String, _ document: HTMLDocument) -> [String] {
        (0..<document.nodes.count).compactMap { i -> String? in
            guard let prop = document.attribute("itemprop", of: i),
                  prop.lowercased().split(separator: " ").contains(Substring(name)) else { return nil }
            let value = document.attribute("content", of: i) ?? document.attribute("datetime", of: i)
                ?? nestedName(i, document) ?? document.text(of: i)
            let text = HTMLText.collapse(value)
            return text.isEmpty ? nil : text
        }
    }

    /// The `itemprop=name` inside an `itemprop=author` element.
    private static func nestedName(_ index: Int, _ document: HTMLDocument) -> String? {
        for i in (index + 1)..<document[index].end where document.attribute("itemprop", of: i)?.lowercased() == "name" {
            return document.attribute("content", of: i) ?? document.text(of: i)
        }
        return nil
    }

    private static func itempropAuthors(_ document: HTMLDocument) -> [String] {
        itempropValues("author", document).filter { $0.count <= 60 && !$0.hasPrefix("http") }
    }

    /// The text of `rel=author` links.
    static func relAuthors(_ document: HTMLDocument) -> [String] {
        document.elements("a").compactMap { i in
            guard let rel = document.attribute("rel", of: i), rel.lowercased().split(separator: " ").contains("author")
            else { return nil }
            let name = HTMLText.collapse(document.text(of: i))
            return name.isEmpty || name.count > 60 ? nil : name
        }
    }

    /// The last link of a breadcrumb trail (by class or id) that is not the article's title.
    static func breadcrumbSection(_ document: HTMLDocument, title: String?) -> String? {
        for i in 0..<document.nodes.count {
            let names = ((document.attribute("class", of: i) ?? "") + " " + (document.attribute("id", of: i) ?? "")).lowercased()
            guard names.contains("breadcrumb") else { continue }
            let links = document.elements("a", in: i).map { HTMLText.collapse(document.text(of: $0)) }
                .filter { !$0.isEmpty && $0 != title }
            if let last = links.last { return last }
        }
        return nil
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.map { HTMLText.collapse($0) }.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
    }
}

/// The `<meta>` tags of a page by `property`, `name` and `itemprop` (lower-cased keys), with
/// their `content` (entities decoded by the parser), in page order.
struct MetaTags: Sendable {
    private var values: [String: [String]] = [:]

    init(document: HTMLDocument) {
        for i in document.elements("meta") {
            guard let content = document.attribute("content", of: i) else { continue }
            let value = HTMLText.collapse(content)
            guard !value.isEmpty else { continue }
            for key in ["property", "name", "itemprop"] {
                guard let name = document.attribute(key, of: i)?.lowercased() else { continue }
                values[name, default: []].append(value)
            }
        }
    }

    func first(_ key: String) -> String? { values[key]?.first }
    func all(_ key: String) -> [String] { values[key] ?? [] }
}

/// The JSON-LD objects of a page (`<script type="application/ld+json">`), flattened out of
/// arrays and `@graph`s.
struct JSONLD: @unchecked Sendable {
    /// The objects, in page order.
    let objects: [[String: Any]]

    init(document: HTMLDocument) {
        var objects: [[String: Any]] = []
        for i in document.elements("script") {
            guard let type = document.attribute("type", of: i)?.lowercased(), type.contains("ld+json") else { continue }
            guard let value = Self.parse(document.rawText(of: i)) else { continue }
            var pending: [Any] = [value]
            while let next = pending.popLast() {
                if let array = next as? [Any] {
                    pending += array.reversed()
                } else if let object = next as? [String: Any] {
                    objects.append(object)
                    if let graph = object["@graph"] as? [Any] { pending += graph.reversed() }
                }
            }
        }
        self.objects = objects
    }

    /// Parses JSON, retrying with raw line breaks and tabs (invalid inside JSON strings, common
    /// in pages) made spaces.
    static func parse(_ text: String) -> Any? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let value = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8), options: [.fragmentsAllowed]) {
            return value
        }
        let cleaned = String(trimmed.map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
        return try? JSONSerialization.jsonObject(with: Data(cleaned.utf8), options: [.fragmentsAllowed])
    }

    static let articleTypes: Set<String> = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                                            "BlogPosting", "OpinionNewsArticle", "LiveBlogPosting"]

    /// The first object typed as an article.
    var article: [String: Any]? {
        objects.first { Self.types(of: $0).contains { Self.articleTypes.contains($0) } }
    }

    static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type] }
        return object["@type"] as? [String] ?? []
    }

    /// A string value (entities decoded, whitespace collapsed), nil when empty or not a string.
    static func string(_ value: Any?) -> String? {
        guard let s = value as? String else { return nil }
        let text = HTMLText.collapse(HTMLText.decodeEntities(s))
        return text.isEmpty ? nil : text
    }

    /// The names in a value that is a string, an object with `name`, or an array of these.
    static func names(_ value: Any?) -> [String] {
        if let s = string(value) { return [s] }
        if let object = value as? [String: Any] { return string(object["name"]).map { [$0] } ?? [] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        return []
    }

    /// The most specific `BreadcrumbList` item that is not the article itself.
    func breadcrumbSection(title: String?) -> String? {
        guard let list = objects.first(where: { Self.types(of: $0).contains("BreadcrumbList") }),
              let items = list["itemListElement"] as? [[String: Any]] else { return nil }
        let ordered = items.sorted { Self.position($0) < Self.position($1) }
        let names = ordered.compactMap { item -> String? in
            Self.string(item["name"]) ?? (item["item"] as? [String: Any]).flatMap { Self.string($0["name"]) }
        }
        return names.filter { $0 != title }.last
    }

    private static func position(_ item: [String: Any]) -> Int {
        if let n = item["position"] as? Int { return n }
        if let s = item["position"] as? String, let n = Int(s) { return n }
        return 0
    }
}
