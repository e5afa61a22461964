import Figures
import Foundation

/// The structure of a plain-text article: one paragraph a line (blank lines between them or
/// not), a header of section, title and date line, photo captions, a byline, and the page chrome
/// that scraped text carries at its end (`TAG:`, `Ý kiến của bạn`, `Họ tên:`, `Email:`).
///
/// The article's `text` is the input up to the chrome, so figure offsets are the file's own.
public struct PlainTextArticle: Sendable {
    /// Lines that end the article (and everything after them), lowercased.
    let chromeLines: [String]
    /// Chrome that can be glued to the end of the byline (`Ngô Tuấn AnhTAG:`), as printed.
    let gluedChrome: [String]
    let captionMarkers: [String]
    /// `captionMarkers` as UTF-8, for the search from the end of a line.
    let captionMarkerBytes: [[UInt8]]
    let weekdays: [String]

    /// The longest line that can be a section, title, date line or byline, in scalars.
    static let sectionMaximum = 60
    static let titleMaximum = 300
    static let dateLineMaximum = 64
    static let bylineMaximum = 48
    /// A caption is a short paragraph: at most this many scalars.
    static let captionMaximum = 400

    public init() {
        let chrome = SoLieuData.lines("chrome-lines.txt")
        chromeLines = chrome.map { $0.lowercased() }
        // all-capital markers (`TAG:`) are never words of a sentence: they may be glued to a name
        gluedChrome = chrome.filter { $0.count > 2 && $0 == $0.uppercased() }
        captionMarkers = SoLieuData.lines("caption-markers.txt")
        captionMarkerBytes = captionMarkers.map { Array($0.utf8) }
        weekdays = SoLieuData.lines("weekdays.txt").map { $0.lowercased() }
    }

    public static let shared = PlainTextArticle()

    /// One trimmed line: scalar offsets of its first and past its last non-space scalar.
    struct Line {
        var start: Int
        var end: Int
        var startIndex: String.Index
        var endIndex: String.Index
        var text: String
    }

    /// The article in `text` (NFC or not: offsets are `text`'s own scalars).
    public func parse(_ text: String, name: String, source: String, format: SourceFormat = .text) -> Article {
        var lines = Self.lines(text)
        var authors: [String] = []
        var blocks: [Block] = []

        // 1. chrome: from the first chrome line after the header to the end
        var cut = lines.last.map { ($0.end, $0.endIndex) } ?? (0, text.startIndex)
        var gluedByline: Line?
        for (i, line) in lines.enumerated() where i > 0 {
            if isChrome(line.text) {
                lines.removeSubrange(i...)
                cut = lines.last.map { ($0.end, $0.endIndex) } ?? (0, text.startIndex)
                break
            }
            if let marker = gluedChromeLength(line) {
                lines.removeSubrange(i...)
                let kept = String(line.text.unicodeScalars.dropLast(marker))
                let name = kept.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    let scalars = name.unicodeScalars.count
                    let end = text.unicodeScalars.index(line.startIndex, offsetBy: scalars)
                    gluedByline = Line(start: line.start, end: line.start + scalars, startIndex: line.startIndex, endIndex: end, text: name)
                    cut = (line.start + scalars, end)
                } else {
                    cut = lines.last.map { ($0.end, $0.endIndex) } ?? (0, text.startIndex)
                }
                break
            }
        }

        // 2. header: section, title, date line
        var title: String?, section: String?, date: CalendarDay?
        var bodyFrom = 0
        let head = lines.prefix(4)
        if let d = head.firstIndex(where: { dateLineDay($0.text) != nil }) {
            date = dateLineDay(lines[d].text)
            let before = Array(lines[0..<d])
            if before.count >= 2, isSection(before[0].text) {
                section = before[0].text
                blocks.append(Block(.section, start: before[0].start, end: before[0].end))
                title = before[1...].map(\.text).joined(separator: " ")
                blocks.append(Block(.title, start: before[1].start, end: before.last!.end))
            } else if !before.isEmpty {
                title = before.map(\.text).joined(separator: " ")
                blocks.append(Block(.title, start: before[0].start, end: before.last!.end))
            }
            blocks.append(Block(.dateLine, start: lines[d].start, end: lines[d].end))
            bodyFrom = d + 1
            if before.isEmpty, bodyFrom < lines.count - 1, isTitle(lines[bodyFrom].text) {
                title = lines[bodyFrom].text
                blocks.append(Block(.title, start: lines[bodyFrom].start, end: lines[bodyFrom].end))
                bodyFrom += 1
            }
        } else if lines.count >= 2, isTitle(lines[0].text) {
            title = lines[0].text
            blocks.append(Block(.title, start: lines[0].start, end: lines[0].end))
            bodyFrom = 1
        }

        // 3. the body: lead, paragraphs, captions, and a byline at the end
        var body = Array(lines[bodyFrom...])
        var byline: Line? = gluedByline
        if byline == nil, body.count >= 2, let last = body.last, isByline(last.text) {
            byline = last
            body.removeLast()
        }
        var leadDone = false
        for line in body {
            if isCaption(line.text) {
                blocks.append(Block(.caption, start: line.start, end: line.end))
            } else if !leadDone {
                blocks.append(Block(.lead, start: line.start, end: line.end))
                leadDone = true
            } else {
                blocks.append(Block(.paragraph, start: line.start, end: line.end))
            }
        }
        if let byline {
            blocks.append(Block(.byline, start: byline.start, end: byline.end))
            authors.append(byline.text)
        }
        let kept = cut.1 == text.endIndex ? text : String(text.unicodeScalars[..<cut.1])
        return Article(name: name, source: source, format: format, title: title, section: section, date: date,
                       authors: authors, text: kept, blocks: blocks)
    }

    /// White space, without a Unicode property lookup for ASCII.
    @inline(__always) static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x80 ? (u.value == 0x20 || (0x09...0x0D).contains(u.value)) : u.properties.isWhitespace
    }

    /// The non-empty lines of `text`, trimmed, with their scalar offsets.
    static func lines(_ text: String) -> [Line] {
        var out: [Line] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var offset = 0
        while i < scalars.endIndex {
            // skip leading white space, then find the line's end and its last non-space scalar
            var s = i, sOffset = offset
            while s < scalars.endIndex, scalars[s] != "\n", Self.isSpace(scalars[s]) {
                s = scalars.index(after: s)
                sOffset += 1
            }
            var e = s, eOffset = sOffset
            var j = s, jOffset = sOffset
            while j < scalars.endIndex, scalars[j] != "\n" {
                let isSpace = Self.isSpace(scalars[j])
                j = scalars.index(after: j)
                jOffset += 1
                if !isSpace { e = j; eOffset = jOffset }
            }
            if sOffset < eOffset {
                out.append(Line(start: sOffset, end: eOffset, startIndex: s, endIndex: e, text: String(scalars[s..<e])))
            }
            if j < scalars.endIndex {
                i = scalars.index(after: j)
                offset = jOffset + 1
            } else {
                break
            }
        }
        return out
    }

    /// A line of chrome: the whole line is a chrome phrase, or it opens with one ending in `:`
    /// (`Email: ...`); an all-capital marker (`TAG:`) at any length.
    func isChrome(_ line: String) -> Bool {
        // chrome lines are short, but for an all-capital marker (`TAG: a, b, c, ...`)
        guard line.utf8.count <= 240 || gluedChrome.contains(where: { line.hasPrefix($0) }) else { return false }
        let lower = line.lowercased()
        for phrase in chromeLines {
            if lower == phrase || (phrase.hasSuffix(":") && lower == phrase.dropLast()) { return true }
            guard phrase.hasSuffix(":"), lower.hasPrefix(phrase) else { continue }
            if line.unicodeScalars.count <= 120 || line.hasPrefix(phrase.uppercased()) { return true }
        }
        return false
    }

    /// The length in scalars of an all-capital chrome marker glued to the end of a short line
    /// (`Ngô Tuấn AnhTAG:` -> 4, the length of `TAG:`).
    func gluedChromeLength(_ line: Line) -> Int? {
        guard line.end - line.start <= Self.bylineMaximum + 8 else { return nil }
        for marker in gluedChrome where line.text.hasSuffix(marker) {
            return marker.unicodeScalars.count
        }
        return nil
    }

    /// The day of a date line (`Thứ Sáu, 01/02/2019`, `01/02/2019 08:15`), nil when the line is
    /// not one: a short line with a real day, opening with a weekday or holding few other letters.
    func dateLineDay(_ line: String) -> CalendarDay? {
        guard line.unicodeScalars.count <= Self.dateLineMaximum, let day = Self.firstDate(in: line) else { return nil }
        let lower = line.lowercased()
        if weekdays.contains(where: { lower.hasPrefix($0) }) { return day }
        let letters = line.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        return letters <= 12 ? day : nil
    }

    /// The first `d/m/yyyy` (or with `-` or `.`) in `line` that is a real day.
    static func firstDate(in line: String) -> CalendarDay? {
        let u = Array(line.utf8)
        var i = 0
        func number(_ at: inout Int, maxDigits: Int) -> (Int, Int)? {
            var n = 0, digits = 0
            while at < u.count, u[at] >= 0x30, u[at] <= 0x39, digits < maxDigits + 1 {
                n = n * 10 + Int(u[at] - 0x30)
                digits += 1
                at += 1
            }
            return digits == 0 ? nil : (n, digits)
        }
        while i < u.count {
            guard u[i] >= 0x30, u[i] <= 0x39, i == 0 || !(u[i - 1] >= 0x30 && u[i - 1] <= 0x39) else { i += 1; continue }
            var j = i
            if let (d, dd) = number(&j, maxDigits: 2), dd <= 2, j < u.count, [0x2F, 0x2D, 0x2E].contains(u[j]) {
                let sep = u[j]
                j += 1
                if let (m, md) = number(&j, maxDigits: 2), md <= 2, j < u.count, u[j] == sep {
                    j += 1
                    if let (y, yd) = number(&j, maxDigits: 4), yd == 4,
                       let day = CalendarDay(checkedYear: y, month: m, day: d) {
                        return day
                    }
                }
            }
            i = max(j, i + 1)
        }
        return nil
    }

    /// A section name: short, no digits, no sentence punctuation.
    func isSection(_ line: String) -> Bool {
        line.unicodeScalars.count <= Self.sectionMaximum && !line.unicodeScalars.contains { $0.properties.numericType != nil }
            && !line.hasSuffix(".") && line.split(separator: " ").count <= 8
    }

    /// A title: one line of at least two words and at most `titleMaximum` scalars that does not
    /// end a sentence with a period (headlines have none) and is not a caption.
    func isTitle(_ line: String) -> Bool {
        line.unicodeScalars.count <= Self.titleMaximum && line.split(separator: " ").count >= 2
            && !line.hasSuffix(".") && !line.hasSuffix(":") && !isCaption(line)
    }

    /// A photo caption: a short paragraph that opens with a credit marker, or ends with one
    /// followed by a short name (`... Ảnh: Trường Khanh`, `(Ảnh: TTXVN)`).
    func isCaption(_ line: String) -> Bool {
        guard line.utf8.count <= 4 * Self.captionMaximum, line.unicodeScalars.count <= Self.captionMaximum else { return false }
        let bytes = Array(line.utf8)
        for (marker, markerBytes) in zip(captionMarkers, captionMarkerBytes) {
            if line.hasPrefix(marker) { return true }
            guard let after = Self.endOfLast(markerBytes, in: bytes) else { continue }
            let credit = String(decoding: bytes[after...], as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " )]."))
            if credit.split(separator: " ").count <= 6 && !credit.contains(",") { return true }
        }
        return false
    }

    /// The byte offset just past the last occurrence of `needle` in `haystack`.
    static func endOfLast(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i + needle.count }
            i -= 1
        }
        return nil
    }

    /// A byline: a short name of two to six capitalised words, no digits, no final period.
    func isByline(_ line: String) -> Bool {
        guard line.unicodeScalars.count <= Self.bylineMaximum, !line.hasSuffix("."), !line.hasSuffix(":") else { return false }
        let words = line.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        return words.allSatisfy { w in
            guard let first = w.unicodeScalars.first else { return false }
            return first.properties.isUppercase || first == "("
        } && !line.unicodeScalars.contains { $0.properties.numericType != nil }
    }
}
