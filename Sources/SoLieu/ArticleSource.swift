import Foundation
import VietText

/// Where articles come from: files, directories (searched recursively for `.txt`, `.html`,
/// `.htm` and `.jsonl` files), standard input (`-`), and JSON Lines, one article a line.
///
/// `units(_:)` lists the work, cheaply and in a stable order; `read(_:)` turns one unit into an
/// article, on any thread. A problem with one unit never stops the others: it is returned as an
/// `ArticleReadError` with the file and, where there is one, the position.
public struct ArticleSource: Sendable {
    /// One article to read.
    public enum Unit: Sendable, Equatable {
        /// A text or HTML file.
        case file(path: String)
        /// Standard input's bytes (read once, when listing).
        case standardInput(bytes: [UInt8])
        /// One line of a JSON Lines file (1-based line number); the lines of a file share its
        /// bytes (a slice each), so listing a large file keeps one copy of it.
        case jsonLine(file: String, line: Int, bytes: ArraySlice<UInt8>)

        /// The file the unit comes from, for messages.
        public var file: String {
            switch self {
            case .file(let path): path
            case .standardInput: "<stdin>"
            case .jsonLine(let file, _, _): file
            }
        }
    }

    /// The extensions of the files a directory stands for.
    public static let extensions: Set<String> = ["txt", "html", "htm", "jsonl"]

    public let fileSystem: FileSystem
    public let plainText: PlainTextArticle

    public init(fileSystem: FileSystem = .real, plainText: PlainTextArticle = .shared) {
        self.fileSystem = fileSystem
        self.plainText = plainText
    }

    /// The units of `inputs` in order (a directory's files sorted by path), and the problems met
    /// while listing (a directory that cannot be listed or holds no article file, a JSON Lines
    /// file that cannot be read). A missing file is kept as a unit: reading it reports it.
    public func units(_ inputs: [String]) -> (units: [Unit], problems: [ArticleReadError]) {
        var units: [Unit] = []
        var problems: [ArticleReadError] = []
        for input in inputs {
            if input == "-" {
                do {
                    let bytes = try fileSystem.readStandardInput()
                    if Self.looksLikeJSONLines(bytes) {
                        units += Self.jsonLines(bytes, file: "<stdin>")
                    } else {
                        units.append(.standardInput(bytes: bytes))
                    }
                } catch { problems.append(error) }
                continue
            }
            guard fileSystem.kind(input) == .directory else {
                addFile(input, to: &units, problems: &problems)
                continue
            }
            var files: [String] = []
            var pending = [input]
            var unlisted = false
            while let dir = pending.popLast() {
                let names: [String]
                do { names = try fileSystem.list(dir) } catch {
                    problems.append(error)
                    unlisted = true
                    continue
                }
                for name in names where !name.hasPrefix(".") {
                    let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                    switch fileSystem.kind(path) {
                    case .directory: pending.append(path)
                    default: if Self.extensions.contains(Self.pathExtension(name)) { files.append(path) }
                    }
                }
            }
            // a directory that could not be listed is reported once, as that
            if files.isEmpty && !unlisted {
                problems.append(ArticleReadError(file: input, message: "is a directory with no .txt, .html or .jsonl files"))
            }
            for file in files.sorted() { addFile(file, to: &units, problems: &problems) }
        }
        return (units, problems)
    }

    private func addFile(_ path: String, to units: inout [Unit], problems: inout [ArticleReadError]) {
        guard Self.pathExtension(path) == "jsonl" else {
            units.append(.file(path: path))
            return
        }
        do { units += Self.jsonLines(try fileSystem.read(path), file: path) } catch { problems.append(error) }
    }

    /// The article of `unit`, or why there is none.
    public func read(_ unit: Unit) -> Result<Article, ArticleReadError> {
        do throws(ArticleReadError) {
            switch unit {
            case .file(let path):
                let bytes = try fileSystem.read(path)
                return .success(try article(bytes: bytes, name: Self.fileName(path), source: path,
                                            html: ["html", "htm"].contains(Self.pathExtension(path))))
            case .standardInput(let bytes):
                return .success(try article(bytes: bytes, name: "stdin", source: "-", html: false))
            case .jsonLine(let file, let line, let bytes):
                return .success(try JSONLinesRecord.article(bytes: bytes, file: file, line: line, source: self))
            }
        } catch {
            return .failure(error)
        }
    }

    /// An article from a file's bytes: HTML when the name says so or the bytes open with markup,
    /// else UTF-8 text.
    public func article(bytes: [UInt8], name: String, source: String, html: Bool) throws(ArticleReadError) -> Article {
        if html || Self.looksLikeHTML(bytes) {
            return try HTMLArticleReader.read(bytes: bytes, name: name, source: source)
        }
        return plainText.parse(try Self.decodeText(bytes, file: source), name: name, source: source)
    }

    /// UTF-8 text (a byte-order mark dropped); a NUL byte means the file is not text.
    public static func decodeText(_ bytes: [UInt8], file: String) throws(ArticleReadError) -> String {
        if let nul = bytes.firstIndex(of: 0) {
            throw bytes.withUnsafeBufferPointer { b in
                ArticleReadError(file: file, position: TextInput.position(of: nul, in: b), message: "not text (a NUL byte at byte offset \(nul))")
            }
        }
        return String(decoding: try decodeUTF16(bytes, file: file), as: UTF16.self)
    }

    /// The UTF-16 units of UTF-8 `bytes` (a byte-order mark dropped), or an error at the first
    /// bad byte with its line, column and byte offset.
    public static func decodeUTF16(_ bytes: [UInt8], file: String) throws(ArticleReadError) -> [UInt16] {
        try bytes.withUnsafeBufferPointer { (b) throws(ArticleReadError) -> [UInt16] in
            let start = bomLength(b)
            var units: [UInt16] = []
            do throws(InvalidUTF8) {
                try TextInput.decodeUTF8(b, start..<b.count, into: &units)
            } catch {
                throw ArticleReadError.invalidUTF8(file: file, at: start + error.byteOffset, in: b)
            }
            return units
        }
    }

    /// 3 when the input opens with a UTF-8 byte-order mark, else 0.
    public static func bomLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
    }

    /// Whether `bytes` open (after white space and a byte-order mark) with `<!doctype`, `<html`
    /// or another tag.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        guard let first = firstSignificantByte(bytes) else { return false }
        guard bytes[first] == UInt8(ascii: "<"), first + 1 < bytes.count else { return false }
        let next = bytes[first + 1] | 0x20
        return next == UInt8(ascii: "!") | 0x20 || (next >= 0x61 && next <= 0x7A)
    }

    static func looksLikeJSONLines(_ bytes: [UInt8]) -> Bool {
        guard let first = firstSignificantByte(bytes) else { return false }
        return bytes[first] == UInt8(ascii: "{")
    }

    private static func firstSignificantByte(_ bytes: [UInt8]) -> Int? {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        return i < bytes.count ? i : nil
    }

    /// The non-blank lines of a JSON Lines input as units.
    static func jsonLines(_ bytes: [UInt8], file: String) -> [Unit] {
        var units: [Unit] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let slice = bytes[start..<end]
            if slice.contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) {
                units.append(.jsonLine(file: file, line: line, bytes: slice))
            }
            line += 1
            start = end + 1
        }
        return units
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    static func pathExtension(_ path: String) -> String {
        let name = fileName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
