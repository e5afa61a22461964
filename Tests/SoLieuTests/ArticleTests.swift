import Figures
import Foundation
import TestSupport
import Testing
@testable import SoLieu

/// The structure of plain-text articles: header, body, captions, byline, chrome.
@Suite struct PlainTextArticleTests {
    let parser = PlainTextArticle()

    /// A bulletin written for this test in the genre of a provincial Party paper.
    static let bulletin = """
    Xây dựng Đảng

    Huyện ủy Yên Lạc kết nạp 215 đảng viên mới

    Thứ Hai, 14/01/2019

    Năm 2018, Đảng bộ huyện Yên Lạc kết nạp 215 đảng viên mới, vượt 7,5% chỉ tiêu năm.

    Các chi bộ đã chú trọng tạo nguồn từ đoàn viên thanh niên; trong đó có 96 đảng viên là đoàn viên.

    Lễ kết nạp đảng viên tại Chi bộ thôn Nhật Tân, xã Đại Tự. Ảnh: Minh Hương

    Năm nay, huyện phấn đấu kết nạp trên 220 đảng viên.

    Lê Văn Bình
    TAG:

    Ý kiến của bạn

    Họ tên:
    Email:
    """

    func text(_ a: Article, _ role: Block.Role) -> [String] { a.blocks(role).map { a.text(of: $0) } }

    @Test func bulletinStructure() {
        let a = parser.parse(Self.bulletin, name: "yen-lac.txt", source: "corpus/yen-lac.txt")
        #expect(a.section == "Xây dựng Đảng")
        #expect(a.title == "Huyện ủy Yên Lạc kết nạp 215 đảng viên mới")
        #expect(a.date == CalendarDay(year: 2019, month: 1, day: 14))
        #expect(a.authors == ["Lê Văn Bình"])
        #expect(text(a, .section) == ["Xây dựng Đảng"])
        #expect(text(a, .title) == ["Huyện ủy Yên Lạc kết nạp 215 đảng viên mới"])
        #expect(text(a, .dateLine) == ["Thứ Hai, 14/01/2019"])
        #expect(text(a, .lead) == ["Năm 2018, Đảng bộ huyện Yên Lạc kết nạp 215 đảng viên mới, vượt 7,5% chỉ tiêu năm."])
        #expect(text(a, .paragraph) == [
            "Các chi bộ đã chú trọng tạo nguồn từ đoàn viên thanh niên; trong đó có 96 đảng viên là đoàn viên.",
            "Năm nay, huyện phấn đấu kết nạp trên 220 đảng viên.",
        ])
        #expect(text(a, .caption) == ["Lễ kết nạp đảng viên tại Chi bộ thôn Nhật Tân, xã Đại Tự. Ảnh: Minh Hương"])
        #expect(text(a, .byline) == ["Lê Văn Bình"])
        // the text is the file's own up to the chrome: offsets are the file's
        #expect(Self.bulletin.hasPrefix(a.text))
        #expect(a.text.hasSuffix("Lê Văn Bình"))
        #expect(!a.text.contains("TAG") && !a.text.contains("Email") && !a.text.contains("Ý kiến"))
        #expect(a.blocks.map(\.role) == [.section, .title, .dateLine, .lead, .paragraph, .caption, .paragraph, .byline])
    }

    @Test func bylineGluedToTag() {
        let a = parser.parse("Tiêu đề bài viết ngắn\n\nThân bài có 12 người.\n\nNgô Minh AnTAG:\n\nÝ kiến của bạn\n", name: "a", source: "a")
        #expect(a.authors == ["Ngô Minh An"])
        #expect(a.text == "Tiêu đề bài viết ngắn\n\nThân bài có 12 người.\n\nNgô Minh An")
        #expect(text(a, .byline) == ["Ngô Minh An"])
    }

    /// One line a paragraph, no blank lines, no date line: the first line is the title.
    @Test func newsWithoutHeader() {
        let a = parser.parse("Giá lúa tăng mạnh\nGiá lúa tuần qua tăng 200 đồng/kg.\nNông dân phấn khởi.", name: "b", source: "b")
        #expect(a.title == "Giá lúa tăng mạnh")
        #expect(a.date == nil && a.section == nil && a.authors.isEmpty)
        #expect(text(a, .lead) == ["Giá lúa tuần qua tăng 200 đồng/kg."])
        #expect(text(a, .paragraph) == ["Nông dân phấn khởi."])
    }

    /// Words that open chrome lines are ordinary words inside a sentence.
    @Test(arguments: [
        "Bình luận về kết quả này, ông An cho biết huyện sẽ kết nạp thêm 20 đảng viên trong quý tới, tập trung ở các chi bộ thôn.",
        "Tin liên quan đến dự án được công bố ngày 5/3 tại hội nghị của tỉnh, với tổng vốn 1.200 tỷ đồng và 3 hạng mục chính đã hoàn thành.",
    ])
    func chromeWordsInsideTheBody(_ line: String) {
        let source = "Một tiêu đề\n\nĐoạn đầu có 5 người.\n\n\(line)\n\nĐoạn cuối có 7 người."
        let a = parser.parse(source, name: "c", source: "c")
        #expect(a.text == source)
    }

    @Test(arguments: [
        ("Thứ Sáu, 01/02/2019", CalendarDay(year: 2019, month: 2, day: 1)),
        ("Chủ nhật, 3/3/2019 08:15", CalendarDay(year: 2019, month: 3, day: 3)),
        ("14-01-2019", CalendarDay(year: 2019, month: 1, day: 14)),
        ("Thứ Hai, 30/02/2019", nil),
        ("Năm 2018, tỉnh kết nạp 2.338 đảng viên, ngày 01/02/2019", nil),
    ] as [(String, CalendarDay?)])
    func dateLines(_ line: String, _ day: CalendarDay?) {
        #expect(parser.dateLineDay(line) == day)
    }
}

@Suite struct JSONLinesTests {
    let source = ArticleSource()

    @Test func recordWithTitleAndDate() throws {
        let line = #"{"url":"https://example.vn/a-1.html","title":"Thu ngân sách đạt 120 tỷ đồng","date":"2021-03-05T08:00:00+07:00","text":"Quý I, thu ngân sách đạt 120 tỷ đồng.\nChi ngân sách 80 tỷ đồng."}"#
        let a = try source.read(.jsonLine(file: "in.jsonl", line: 3, bytes: ArraySlice(line.utf8))).get()
        #expect(a.name == "https://example.vn/a-1.html")
        #expect(a.format == .jsonl)
        #expect(a.title == "Thu ngân sách đạt 120 tỷ đồng")
        #expect(a.date == CalendarDay(year: 2021, month: 3, day: 5))
        #expect(a.published == "2021-03-05T08:00:00+07:00")
        #expect(a.text == "Thu ngân sách đạt 120 tỷ đồng\n\nQuý I, thu ngân sách đạt 120 tỷ đồng.\nChi ngân sách 80 tỷ đồng.")
        #expect(a.blocks == [Block(.title, start: 0, end: 29), Block(.lead, start: 31, end: 68), Block(.paragraph, start: 69, end: 94)])
    }

    @Test(arguments: [
        (#"{"title": "x""#, "in.jsonl:7:1: error: not a JSON object with a text or html field"),
        (#"{"title": "x"}"#, "in.jsonl:7:1: error: the record has neither a text nor an html field"),
        (#"{"text": "a", "date": "hôm qua"}"#, #"in.jsonl:7:1: error: date "hôm qua" is neither YYYY-MM-DD nor DD/MM/YYYY"#),
    ])
    func badRecords(_ line: String, _ message: String) {
        guard case .failure(let error) = source.read(.jsonLine(file: "in.jsonl", line: 7, bytes: ArraySlice(line.utf8))) else {
            Issue.record("\(line) was read")
            return
        }
        #expect(error.description.hasPrefix(message), "\(error)")
    }

    @Test func unitsOfAJSONLinesInputSkipBlankLines() {
        let bytes = Array("{\"text\":\"a\"}\n\n  \n{\"text\":\"b\"}\r\n".utf8)
        #expect(ArticleSource.jsonLines(bytes, file: "f.jsonl") == [
            .jsonLine(file: "f.jsonl", line: 1, bytes: ArraySlice("{\"text\":\"a\"}".utf8)),
            .jsonLine(file: "f.jsonl", line: 4, bytes: ArraySlice("{\"text\":\"b\"}\r".utf8)),
        ])
    }
}

@Suite struct ArticleSourceTests {
    /// A directory tree in a temporary folder; removed by the caller.
    func tree(_ files: [String: [UInt8]]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("solieu-source-\(UUID().uuidString)")
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    @Test func directoriesAreSearchedRecursivelyInPathOrder() throws {
        let root = try tree([
            "b.txt": Array("Tiêu đề một\nCó 3 người.".utf8),
            "sub/a.txt": Array("Tiêu đề hai\nCó 4 người.".utf8),
            "sub/c.jsonl": Array("{\"id\":\"k1\",\"text\":\"Có 5 người.\"}\n{\"id\":\"k2\",\"text\":\"Có 6 người.\"}\n".utf8),
            "notes.md": Array("# không phải bài".utf8),
            "bad.txt": [0x41, 0xC3, 0x28, 0x0A],
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let source = ArticleSource()
        let (units, problems) = source.units([root.path])
        #expect(problems.isEmpty)
        let names = units.map { unit -> String in
            switch source.read(unit) {
            case .success(let a): a.name
            case .failure(let e): "error: \(e)"
            }
        }
        #expect(names == [
            "b.txt",
            "error: \(root.path)/bad.txt:1:2: error: invalid UTF-8 (byte 0xC3 at byte offset 1)",
            "a.txt", "k1", "k2",
        ])
    }

    @Test func anEmptyDirectoryAndAMissingFileAreProblems() throws {
        let root = try tree(["x/readme.md": []])
        defer { try? FileManager.default.removeItem(at: root) }
        let source = ArticleSource()
        let (units, problems) = source.units([root.path, root.path + "/missing.txt"])
        #expect(problems.map(\.description) == ["\(root.path): error: is a directory with no .txt, .html or .jsonl files"])
        #expect(units == [.file(path: root.path + "/missing.txt")])
        #expect(source.read(units[0]).failureDescription == "\(root.path)/missing.txt: error: no such file")
    }

    /// A directory that cannot be listed is one problem, not also "a directory with no files".
    @Test func anUnlistableDirectoryIsReportedOnce() {
        let fs = FileSystem(kind: { _ in .directory },
                            list: { (path) throws(InputError) -> [String] in throw InputError(file: path, message: "cannot list directory: Permission denied") },
                            read: { (path) throws(InputError) -> [UInt8] in throw InputError(file: path, message: "unreadable") },
                            readStandardInput: { () throws(InputError) -> [UInt8] in [] })
        let (units, problems) = ArticleSource(fileSystem: fs).units(["locked"])
        #expect(units.isEmpty)
        #expect(problems.map(\.description) == ["locked: error: cannot list directory: Permission denied"])
    }

    @Test func binaryIsNotText() {
        let error = ArticleSource().read(.standardInput(bytes: [0x41, 0x42, 0x0A, 0x00, 0x01])).failureDescription
        #expect(error == "-:2:1: error: not text (a NUL byte at byte offset 3)")
    }
}

@Suite struct ContentHashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(_ input: String, _ hex: String) {
        #expect(ContentHash.sha256Hex(Array(input.utf8)) == hex)
    }

    @Test func theHashFollowsTheContent() {
        let a = Article(name: "a", source: "x", format: .text, text: "Có 5 người.", blocks: [])
        var b = a
        b.source = "y"
        #expect(ContentHash.of(a) == ContentHash.of(b))
        b.text = "Có 6 người."
        #expect(ContentHash.of(a) != ContentHash.of(b))
    }
}

@Suite struct ArticlePipelineTests {
    /// Outcomes come in unit order whatever the workers' timing, and a failed unit does not stop the rest.
    @Test func outcomesInOrder() throws {
        let units: [ArticleSource.Unit] = (0..<40).map { i in
            i == 7 ? .jsonLine(file: "f.jsonl", line: i + 1, bytes: ArraySlice("{".utf8))
                : .jsonLine(file: "f.jsonl", line: i + 1, bytes: ArraySlice("{\"id\":\"a\(i)\",\"text\":\"Có \(i + 1) người.\"}".utf8))
        }
        var seen: [String] = []
        try ArticlePipeline.run(units: units, source: ArticleSource(), analyzer: try ArticleAnalyzer.builtin(), workers: 3,
                                skip: { name, _ in name == "a3" }) { index, outcome in
            switch outcome {
            case .analyzed(let analysis, _):
                seen.append("\(index) \(analysis.article.name) \(analysis.figures.map(\.text))")
            case .skipped(let name, _): seen.append("\(index) skipped \(name)")
            case .failed(let error): seen.append("\(index) \(error.file):\(error.position!.line)")
            }
        }
        let expected = (0..<40).map { i in
            i == 7 ? "7 f.jsonl:8" : i == 3 ? "3 skipped a3" : "\(i) a\(i) [\"\(i + 1) người\"]"
        }
        #expect(seen == expected)
    }
}

extension Result where Failure == ArticleReadError {
    var failureDescription: String? {
        if case .failure(let e) = self { return e.description }
        return nil
    }
}

/// The seed article (`../shared/data/seed`): the page chrome scraped text carries stays out.
@Suite struct SeedArticleTests {
    @Test(.enabled(if: hasShared("data/seed"))) func seedStructure() throws {
        guard let url = sharedPath("data/seed/ket-nap-dang-vien-2018.txt") else { return }
        let source = ArticleSource()
        let a = try source.read(.file(path: url.path)).get()
        #expect(a.name == "ket-nap-dang-vien-2018.txt")
        #expect(a.section == "Xây dựng Đảng")
        #expect(a.title == "Bước đột phá trong công tác kết nạp Đảng viên")
        #expect(a.date == CalendarDay(year: 2019, month: 2, day: 1))
        #expect(a.authors == ["Ngô Tuấn Anh"])
        let captions = a.blocks(.caption).map { a.text(of: $0) }
        #expect(captions.count == 1)
        #expect(captions.first?.hasSuffix("Ảnh: Trường Khanh") == true)
        #expect(a.text.hasSuffix("Ngô Tuấn Anh"))
        for chrome in ["TAG", "Ý kiến của bạn", "Họ tên", "Email"] { #expect(!a.text.contains(chrome), "\(chrome)") }
        let file = try String(contentsOf: url, encoding: .utf8)
        #expect(file.hasPrefix(a.text))
        // the figures of the analysis keep the file's offsets and take the date line's year
        let analysis = try onLargeStack { try ArticleAnalyzer.builtin().makeWorker().analyze(a) }
        let scalars = Array(file.unicodeScalars)
        for f in analysis.figures {
            #expect(String(String.UnicodeScalarView(scalars[f.start..<f.end])) == f.text)
        }
        #expect(analysis.figures.contains { $0.text == "2.338 đảng viên" && $0.time?.description == "2018" })
    }
}

