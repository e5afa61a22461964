import Entities
import FigureStore
import Figures
import Foundation
import SoLieu
import TestSupport
import Testing

/// Articles written for these tests (bulletin genre): `count` JSON Lines records, each with a
/// few figures, distinct ids and texts.
func syntheticJSONLines(_ count: Int) -> [UInt8] {
    var out = ""
    for i in 0..<count {
        let text = "Năm 2018, xã \(i) kết nạp \(10 + i % 90) đảng viên mới, vượt \(i % 9 + 1)% chỉ tiêu. "
            + "Tổng thu ngân sách đạt \(100 + i) tỷ đồng, tăng \(i % 7 + 2)% so với cùng kỳ."
        out += "{\"id\":\"xa-\(i)\",\"title\":\"Xã \(i) hoàn thành chỉ tiêu\",\"date\":\"2019-01-\(String(format: "%02d", i % 28 + 1))\",\"text\":\"\(text)\"}\n"
    }
    return Array(out.utf8)
}

@Suite(.serialized) struct IngestCommandTests {
    @Test func ingestTwiceAddsNothing() throws {
        let scratch = try Scratch(["a.jsonl": syntheticJSONLines(30), "b.txt": Array("Tiêu đề bài\nCó 12 hộ nghèo.".utf8)])
        defer { scratch.cleanup() }
        let db = scratch.path("t.sqlite")
        let first = try solieu(["ingest", "--db", db, scratch.dir.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.hasPrefix("solieu: ingested 31 of 31 articles into \(db): 31 new, 0 replaced, 0 unchanged, 0 failed; 121 figures;"))
        let second = try solieu(["ingest", "--db", db, scratch.dir.path])
        #expect(second.status == 0)
        #expect(second.stderr.hasPrefix("solieu: ingested 31 of 31 articles into \(db): 0 new, 0 replaced, 31 unchanged, 0 failed; 0 figures;"))
        let store = try FigureStore(path: db)
        #expect(try store.counts().articles == 31)
        #expect(try store.counts().figures == 121)
    }

    @Test func aBadFileIsReportedAndTheRestIngested() throws {
        let scratch = try Scratch(["good.txt": Array("Tiêu đề bài\nCó 12 hộ nghèo.".utf8), "bad.txt": [0x41, 0xFF, 0x0A],
                                   "c.jsonl": Array("{\"id\":\"k\",\"text\":\"Có 3 xã.\"}\n{\"id\":\n".utf8)])
        defer { scratch.cleanup() }
        let db = scratch.path("t.sqlite")
        let run = try solieu(["ingest", "--db", db, scratch.dir.path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "solieu: \(scratch.path("bad.txt")):1:2: error: invalid UTF-8 (byte 0xFF at byte offset 1)")
        #expect(lines[1].hasPrefix("solieu: \(scratch.path("c.jsonl")):2:1: error: not a JSON object with a text or html field"))
        #expect(lines[2].hasPrefix("solieu: ingested 2 of 4 articles into \(db): 2 new, 0 replaced, 0 unchanged, 2 failed; 2 figures;"))
    }

    /// Killing the process at any moment loses nothing committed; a re-run completes the rest
    /// with the same counts as a clean ingest.
    @Test func killedDuringIngest() throws {
        let scratch = try Scratch(["a.jsonl": syntheticJSONLines(3000)])
        defer { scratch.cleanup() }
        let clean = scratch.path("clean.sqlite"), killed = scratch.path("killed.sqlite")
        #expect(try solieu(["ingest", "--db", clean, "--batch", "50", scratch.path("a.jsonl")]).status == 0)
        let expected = try FigureStore(path: clean).counts()

        let process = Process()
        process.executableURL = try solieuBinary()
        process.arguments = ["ingest", "--db", killed, "--batch", "50", "--jobs", "1", scratch.path("a.jsonl")]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // wait for some batches to be committed, then kill without warning
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: killed), let store = try? FigureStore(path: killed, readOnly: true),
               let n = try? store.counts().articles, n >= 100 { break }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let store = try FigureStore(path: killed)
        #expect(try store.integrityCheck().isEmpty)
        let partial = try store.counts()
        #expect(partial.articles >= 100 && partial.articles < 3000, "\(partial)")
        #expect(partial.articles % 50 == 0, "only whole batches are committed: \(partial)")

        let rerun = try solieu(["ingest", "--db", killed, "--batch", "50", scratch.path("a.jsonl")])
        #expect(rerun.status == 0)
        #expect(rerun.stderr.contains("\(3000 - partial.articles) new, 0 replaced, \(partial.articles) unchanged"))
        #expect(try store.counts() == expected)
        #expect(try store.integrityCheck().isEmpty)
    }
}

@Suite(.serialized) struct QueryAndShowCommandTests {
    static let bulletin = """
    Xây dựng Đảng

    Đảng bộ xã Đồng Tâm kết nạp 25 đảng viên

    Thứ Hai, 14/01/2019

    Năm 2018, Đảng bộ xã Đồng Tâm kết nạp 25 đảng viên mới, vượt 25% chỉ tiêu.

    Thu ngân sách đạt 12,5 tỷ đồng.

    Lê Văn Bình
    """

    /// A database with the bulletin and a second article, removed by `cleanup`.
    func scratch() throws -> (Scratch, String) {
        let s = try Scratch(["dong-tam.txt": Array(Self.bulletin.utf8),
                             "b.jsonl": Array(#"{"id":"tin-2","title":"Giá lúa","date":"2020-05-02","text":"Dang vien xa Dong Tam gop 3 tan thoc."}"#.utf8)])
        let db = s.path("t.sqlite")
        let run = try solieu(["ingest", "--db", db, s.path("dong-tam.txt"), s.path("b.jsonl")])
        #expect(run.status == 0, "\(run.stderr)")
        return (s, db)
    }

    @Test func tableByUnit() throws {
        let (s, db) = try handmade()
        defer { s.cleanup() }
        let run = try solieu(["query", "--db", db, "--unit", "Đảng viên", "--format", "table"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            article  date        time  value  unit       qualifier  subject           place                     text
            ───────  ──────────  ────  ─────  ─────────  ─────────  ────────────────  ────────────────────────  ─────────────
            tay.txt  2024-05-06          120  đảng viên  exact      Huyện ủy Tam Đảo  Tam Đảo (tỉnh Vĩnh Phúc)  120 đảng viên
            (1 figure)

            """)
    }

    /// Folded text finds both spellings; the one with the diacritics as typed comes first.
    @Test func foldedTextRanksDiacriticsAsTypedFirst() throws {
        let (s, db) = try scratch()
        defer { s.cleanup() }
        let typed = try solieu(["query", "--db", db, "--format", "csv", "đảng viên Đồng Tâm"])
        let rows = typed.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        #expect(rows == ["dong-tam.txt,1,25 đảng viên", "dong-tam.txt,2,25 đảng viên", "dong-tam.txt,3,vượt 25%", "tin-2,1,3 tan"], "\(typed.stdout)")
        let folded = try solieu(["query", "--db", db, "--format", "csv", "dang vien dong tam"])
        let foldedRows = folded.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        #expect(Set(foldedRows) == Set(rows))
    }

    @Test func valueRangeAsJSONLines() throws {
        let (s, db) = try scratch()
        defer { s.cleanup() }
        let run = try solieu(["query", "--db", db, "--min", "1e9", "--max", "2e10"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(#"{"article":"dong-tam.txt","end":"#) == true)
        #expect(lines.first?.contains(#""text":"12,5 tỷ đồng","time":null,"unit":"đồng","value":12500000000}"#) == true, "\(run.stdout)")
    }

    /// The text with the stored figures and entities marked as the test's own reference marks
    /// them (whatever the entity rules find today), then the figures' table.
    @Test func showMarksFigures() throws {
        let (s, db) = try scratch()
        defer { s.cleanup() }
        let run = try solieu(["show", "--db", db, "dong-tam.txt"])
        #expect(run.status == 0)
        let stored = try #require(try FigureStore(path: db, readOnly: true).storedArticle(named: "dong-tam.txt"))
        #expect(stored.figures.map(\.text) == ["25 đảng viên", "25 đảng viên", "vượt 25%", "12,5 tỷ đồng"])
        let text = referenceMarks(stored.article.text, figures: stored.figures, entities: stored.entities)
        #expect(run.stdout.hasPrefix("""
            title:   Đảng bộ xã Đồng Tâm kết nạp 25 đảng viên
            section: Xây dựng Đảng
            date:    2019-01-14
            author:  Lê Văn Bình
            source:  \(s.path("dong-tam.txt"))

            \(text)

            article
            """), "\(run.stdout)")
        // without entities the text is as before
        #expect(referenceMarks(stored.article.text, figures: stored.figures, entities: []) == """
            Xây dựng Đảng

            Đảng bộ xã Đồng Tâm kết nạp [[25 đảng viên]]

            Thứ Hai, 14/01/2019

            Năm 2018, Đảng bộ xã Đồng Tâm kết nạp [[25 đảng viên]] mới, [[vượt 25%]] chỉ tiêu.

            Thu ngân sách đạt [[12,5 tỷ đồng]].

            Lê Văn Bình
            """)
    }

    /// An article stored with hand-made entities and figure contexts: the whole of `show`,
    /// nested marks included, plain and in colour.
    @Test func showMarksEntities() throws {
        let (s, db) = try handmade()
        defer { s.cleanup() }
        let tables = """
            article  date        time  value       unit       qualifier  subject           place                     text
            ───────  ──────────  ────  ──────────  ─────────  ─────────  ────────────────  ────────────────────────  ─────────────
            tay.txt  2024-05-06               120  đảng viên  exact      Huyện ủy Tam Đảo  Tam Đảo (tỉnh Vĩnh Phúc)  120 đảng viên
            tay.txt  2024-05-06        5000000000  đồng       exact                        Tam Đảo                   5 tỷ đồng
            (2 figures)

            severity  kind  verdict  figures  computation
            ────────  ────  ───────  ───────  ───────────
            (0 findings)

            id  kind          text              name  titles           mentions
            ──  ────────────  ────────────────  ────  ───────────────  ────────
             1  organization  Huyện ủy Tam Đảo                                1
             2  place         Tam Đảo                                         2
             3  person        Hoàng Văn Toàn          Bí thư Huyện ủy         1
            (3 entities)

            """
        let head = """
            title:   Tam Đảo
            date:    2024-05-06
            source:  tay.txt


            """
        let plain = try solieu(["show", "--db", db, "tay.txt"])
        #expect(plain.status == 0)
        #expect(plain.stdout == head + """
            {{Huyện ủy {{Tam Đảo|place}}|organization}} có [[120 đảng viên]]. Ông {{Hoàng Văn Toàn|person}}, \
            Bí thư Huyện ủy, cho biết {{Tam Đảo|place}} thu [[5 tỷ đồng]].


            """ + tables, "\(plain.stdout)")
        let (y, m, g, c, r) = ("\u{1B}[1;33m", "\u{1B}[35m", "\u{1B}[32m", "\u{1B}[36m", "\u{1B}[0m")
        let colour = try solieu(["show", "--db", db, "--color", "always", "tay.txt"])
        #expect(colour.stdout == head + """
            \(m)Huyện ủy \(g)Tam Đảo\(r)\(m)\(r) có \(y)120 đảng viên\(r). Ông \(c)Hoàng Văn Toàn\(r), \
            Bí thư Huyện ủy, cho biết \(g)Tam Đảo\(r) thu \(y)5 tỷ đồng\(r).


            """ + tables, "\(colour.stdout)")
    }

    @Test(arguments: [
        (["query", "--year", "2018", "--time", "2018"], "Error: --year and --time cannot be used together"),
        (["query", "--min", "5", "--max", "1"], "Error: --min 5 is above --max 1"),
        (["query", "--min", "1.000,5"], "Error: --min '1.000,5' is not a number"),
        (["query", "--time", "mùa xuân"], "Error: --time 'mùa xuân' is not a period (2018, 2018-Q1, 2018-06, 2018-06-30, 2016/2020)"),
    ])
    func badOptions(_ arguments: [String], _ message: String) throws {
        let run = try solieu(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix(message + "\n"), "\(run.stderr)")
    }

    @Test func aMissingDatabaseIsAnError() throws {
        let run = try solieu(["query", "--db", "/nonexistent/x.sqlite", "thu"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: no database at '/nonexistent/x.sqlite': run 'solieu ingest PATH... --db /nonexistent/x.sqlite' first\n"))
    }

    @Test func showAnUnknownArticle() throws {
        let (s, db) = try scratch()
        defer { s.cleanup() }
        let run = try solieu(["show", "--db", db, "khong-co.txt"])
        #expect(run.status == 1)
        #expect(run.stderr == "solieu: error: no article named 'khong-co.txt' in \(db)\n")
    }
}

/// The real pages of `../shared/data/html` (38) and articles of `../shared/data/news` (280).
@Suite struct IngestSharedDataTests {
    @Test(.enabled(if: hasShared("data/html"))) func everyPageAndArticleIngests() throws {
        guard let html = sharedPath("data/html"), let news = sharedPath("data/news") else { return }
        let scratch = try Scratch([:])
        defer { scratch.cleanup() }
        let db = scratch.path("t.sqlite")
        let run = try solieu(["ingest", "--db", db, html.path, news.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("solieu: ingested 318 of 318 articles into \(db): 318 new, 0 replaced, 0 unchanged, 0 failed;"), "\(run.stderr)")
        let show = try solieu(["show", "--db", db, "vnexpress_2.html"])
        #expect(show.stdout.hasPrefix("""
            title:   Ông Hồ Đức Phớc: Sẽ nâng mức giảm trừ gia cảnh tính thuế cá nhân khi sửa luật
            section: Vĩ mô
            date:    2023-11-02
            author:  Anh Minh, VnExpress
            source:  \(html.path)/as-served/vnexpress_2.html
            """), "\(show.stdout.prefix(400))")
    }
}

@Suite struct ReindexCommandTests {
    /// An article stored by an older extractor (version 0, no figures) is extracted again.
    @Test func reindexReExtractsOlderArticles() throws {
        let scratch = try Scratch([:])
        defer { scratch.cleanup() }
        let db = scratch.path("t.sqlite")
        let store = try FigureStore(path: db)
        let article = Article(name: "old.txt", source: "old.txt", format: .text, text: "Xã có 12 hộ nghèo.", blocks: [])
        _ = try store.ingest([ArticleAnalysis(article: article, figures: [], extractorVersion: 0)], contentHash: ["h"])
        #expect(try store.articles(olderThan: ArticleAnalyzer.version).map(\.name) == ["old.txt"])
        let run = try solieu(["reindex", "--db", db])
        #expect(run.status == 0)
        #expect(run.stderr == "solieu: re-extracted 1 articles (extractor version \(ArticleAnalyzer.version)): 1 figures\n")
        #expect(try store.articles(olderThan: ArticleAnalyzer.version).isEmpty)
        #expect(try store.counts() == (articles: 1, figures: 1))
        let again = try solieu(["reindex", "--db", db])
        #expect(again.stderr == "solieu: re-extracted 0 articles (extractor version \(ArticleAnalyzer.version)): 0 figures\n")
    }
}

@Suite struct ExtractArticlesTests {
    /// Pages and JSON Lines records are articles of their own; a bad record is reported, the rest extracted.
    @Test func htmlAndJSONLines() throws {
        let page = """
            <!doctype html><html><head><meta charset="utf-8"><title>Thu ngân sách quý I</title></head>
            <body><nav><a href="/">Trang chủ</a> <a href="/x">Thời sự 24 giờ</a></nav>
            <article><h1>Thu ngân sách quý I</h1><p>Quý I, thu ngân sách toàn tỉnh đạt 1.250 tỷ đồng, bằng 28% dự toán năm.</p></article>
            <footer>Liên hệ: 0211 3862 000</footer></body></html>
            """
        let lines = #"{"id":"tin-1","date":"2024-04-02","text":"Năm nay huyện có 35 xã đạt chuẩn."}"# + "\n{\"id\":\n"
        let scratch = try Scratch(["p.html": Array(page.utf8), "b.jsonl": Array(lines.utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["extract", "--format", "csv", scratch.path("p.html"), scratch.path("b.jsonl")])
        #expect(run.status == 1)
        let rows = run.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(9).joined(separator: ",") }
        #expect(rows == [
            "article,id,text,value,valueMax,unit,qualifier,rate,time",
            "p.html,1,1.250 tỷ đồng,1250000000000,,đồng,exact,,",
            "p.html,2,28%,28,,%,exact,,",
            "tin-1,1,35 xã,35,,xã,exact,,2024",
        ], "\(run.stdout)")
        #expect(run.stderr.hasPrefix("solieu: \(scratch.path("b.jsonl")):2:1: error: not a JSON object with a text or html field"), "\(run.stderr)")
    }
}

/// A database holding one article stored with hand-made entities and figure contexts (not the
/// entity rules' output): `tay.txt`.
func handmade() throws -> (Scratch, String) {
    let s = try Scratch([:])
    let db = s.path("t.sqlite")
    let text = "Huyện ủy Tam Đảo có 120 đảng viên. Ông Hoàng Văn Toàn, Bí thư Huyện ủy, cho biết Tam Đảo thu 5 tỷ đồng."
    let first = "Huyện ủy Tam Đảo có 120 đảng viên.", second = "Ông Hoàng Văn Toàn, Bí thư Huyện ủy, cho biết Tam Đảo thu 5 tỷ đồng."
    var members = Figure(id: 1, text: "120 đảng viên", value: 120, unit: "đảng viên", start: 20, end: 33, sentenceIndex: 0, sentence: first)
    members.subject = FigureContext(text: "Huyện ủy Tam Đảo", entity: 1, start: 0, end: 16)
    members.place = FigureContext(text: "Tam Đảo", entity: 2, start: 9, end: 16, within: ["tỉnh Vĩnh Phúc"])
    var revenue = Figure(id: 2, text: "5 tỷ đồng", value: 5_000_000_000, unit: "đồng", start: 93, end: 102, sentenceIndex: 1, sentence: second)
    revenue.place = FigureContext(text: "Tam Đảo", entity: 2, start: 81, end: 88)
    let entities = [
        Entity(id: 1, kind: .organization, text: "Huyện ủy Tam Đảo", start: 0, end: 16),
        Entity(id: 2, kind: .place, text: "Tam Đảo", start: 9, end: 16,
               mentions: [Entity.Span(start: 9, end: 16), Entity.Span(start: 81, end: 88)]),
        Entity(id: 3, kind: .person, text: "Hoàng Văn Toàn", start: 39, end: 53, titles: ["Bí thư Huyện ủy"]),
    ]
    let article = Article(name: "tay.txt", source: "tay.txt", format: .text, title: "Tam Đảo", date: CalendarDay(year: 2024, month: 5, day: 6),
                          text: text, blocks: [])
    let store = try FigureStore(path: db)
    _ = try store.ingest([ArticleAnalysis(article: article, figures: [members, revenue], entities: entities)], contentHash: ["h"])
    try store.checkpoint()
    return (s, db)
}

/// The test's own marking of a text: `[[...]]` around figures, `{{...|kind}}` around every
/// mention of an entity, the longer run outside (the data here has no crossing runs).
func referenceMarks(_ text: String, figures: [Figure], entities: [Entity]) -> String {
    var runs: [(start: Int, end: Int, open: String, close: String)] = figures.map { ($0.start, $0.end, "[[", "]]") }
    for e in entities { runs += e.mentions.map { ($0.start, $0.end, "{{", "|\(e.kind.rawValue)}}") } }
    var out = ""
    for (i, scalar) in text.unicodeScalars.enumerated() {
        // closings at i (inner first), then openings (outer first)
        for r in runs.filter({ $0.end == i }).sorted(by: { $0.start > $1.start }) { out += r.close }
        for r in runs.filter({ $0.start == i }).sorted(by: { $0.end > $1.end }) { out += r.open }
        out.unicodeScalars.append(scalar)
    }
    let n = text.unicodeScalars.count
    for r in runs.filter({ $0.end == n }).sorted(by: { $0.start > $1.start }) { out += r.close }
    return out
}

/// The test's own folding: lowercase words, diacritics removed, `đ` as `d`.
func foldedWords(_ text: String) -> [String] {
    text.decomposedStringWithCanonicalMapping.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { w in
        String(String.UnicodeScalarView(w.unicodeScalars.compactMap { s -> Unicode.Scalar? in
            if (0x300...0x36F).contains(s.value) { return nil }
            return s == "đ" || s == "Đ" ? "d" : s
        })).lowercased()
    }
}

/// Every folded word of `query` is a word of `names` (together).
func holdsAll(_ names: [String], _ query: String) -> Bool {
    let have = Set(names.flatMap(foldedWords)), want = foldedWords(query)
    return !want.isEmpty && want.allSatisfy(have.contains)
}

/// `query --place/--subject/--person` after `ingest`, against the analyzer's own analysis of the
/// same files filtered by the reference rule.
@Suite(.serialized) struct PlaceSubjectPersonCommandTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    /// `article#id` of every JSON Lines record of `stdout`.
    func keys(_ stdout: String) throws -> [String] {
        try stdout.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return "\(object["article"] as? String ?? "?")#\(object["id"] as? Int ?? -1)"
        }
    }

    @Test func corpusFilters() throws {
        let scratch = try Scratch([:])
        defer { scratch.cleanup() }
        let db = scratch.path("t.sqlite")
        let ingest = try solieu(["ingest", "--db", db, Self.corpus.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        // what ingest stores: the articles as ArticleSource reads them, analysed by the analyzer
        let source = ArticleSource()
        let (units, problems) = source.units([Self.corpus.path])
        #expect(problems.isEmpty)
        let worker = try ArticleAnalyzer.builtin().makeWorker()
        let analyses = try onLargeStack { try units.map { worker.analyze(try source.read($0).get()) } }
        // 28 bulletins and the 12 pairs of corpus/crosscheck
        #expect(analyses.count == 28 + 24)

        func expected(_ keep: (ArticleAnalysis, Figure) -> Bool) -> Set<String> {
            Set(analyses.flatMap { a in a.figures.filter { keep(a, $0) }.map { "\(a.article.name)#\($0.id)" } })
        }
        var found = 0
        for place in ["Vĩnh Phúc", "Hà Nội", "ha noi", "Đồng Nai", "tỉnh", "Bắc Ninh"] {
            let run = try solieu(["query", "--db", db, "--place", place, "--format", "jsonl"])
            #expect(run.status == 0)
            let got = try keys(run.stdout)
            #expect(got.count == Set(got).count)
            #expect(Set(got) == expected { _, f in holdsAll(f.place.map { [$0.text] + $0.within } ?? [], place) }, "--place \(place)")
            found += got.count
        }
        for subject in ["toàn tỉnh", "Đảng bộ tỉnh", "toan nganh"] {
            let run = try solieu(["query", "--db", db, "--subject", subject, "--format", "jsonl"])
            let got = try keys(run.stdout)
            #expect(Set(got) == expected { _, f in holdsAll(f.subject.map { [$0.text] } ?? [], subject) }, "--subject \(subject)")
            found += got.count
        }
        for person in ["Hoàng Văn Toàn", "Toàn"] {
            let run = try solieu(["query", "--db", db, "--person", person, "--format", "jsonl"])
            let got = try keys(run.stdout)
            #expect(Set(got) == expected { a, _ in a.entities.contains { $0.kind == .person && holdsAll([$0.name], person) } },
                    "--person \(person)")
        }
        // combined with the other filters and the text search
        let combined = try solieu(["query", "--db", db, "--place", "tỉnh", "--subject", "toàn tỉnh", "--unit", "%", "--format", "jsonl"])
        #expect(Set(try keys(combined.stdout)) == expected { _, f in
            holdsAll(f.place.map { [$0.text] + $0.within } ?? [], "tỉnh") && holdsAll(f.subject.map { [$0.text] } ?? [], "toàn tỉnh")
                && f.unit == "%"
        })
        let text = try solieu(["query", "--db", db, "--place", "Hà Nội", "--format", "jsonl", "nam"])
        #expect(Set(try keys(text.stdout)) == expected { _, f in
            holdsAll(f.place.map { [$0.text] + $0.within } ?? [], "Hà Nội") && foldedWords(f.sentence).contains("nam")
        })
        #expect(found > 0, "the corpus has figures with places and subjects")
    }

    /// A small corpus checked by hand: the first three figures are about Vĩnh Phúc (the title's
    /// and the second in xã Lãng Công, in Vĩnh Phúc; the third its province), the last about Hà Nội.
    @Test func handCheckedCorpus() throws {
        let text = """
            Xã Lãng Công kết nạp 12 đảng viên

            Thứ Hai, 14/01/2019

            Năm 2018, Đảng bộ xã Lãng Công, huyện Sông Lô, tỉnh Vĩnh Phúc kết nạp 12 đảng viên mới.

            Toàn tỉnh Vĩnh Phúc có 1.200 hộ nghèo.

            Tại Hà Nội, giá lúa tăng 5%.
            """
        let scratch = try Scratch(["lang-cong.txt": Array(text.utf8)])
        defer { scratch.cleanup() }
        let db = scratch.path("t.sqlite")
        #expect(try solieu(["ingest", "--db", db, scratch.path("lang-cong.txt")]).status == 0)
        func query(_ arguments: [String]) throws -> [String] {
            try keys(try solieu(["query", "--db", db, "--format", "jsonl"] + arguments).stdout)
        }
        #expect(try query(["--place", "Vĩnh Phúc"]) == ["lang-cong.txt#1", "lang-cong.txt#2", "lang-cong.txt#3"])
        #expect(try query(["--place", "vinh phuc", "--year", "2018"]) == ["lang-cong.txt#2"])
        #expect(try query(["--place", "Lãng Công"]) == ["lang-cong.txt#1", "lang-cong.txt#2"])
        #expect(try query(["--place", "Phú"]) == [])
        #expect(try query(["--subject", "Toàn tỉnh"]) == ["lang-cong.txt#3"])
        #expect(try query(["--place", "Vĩnh Phúc", "--unit", "hộ nghèo"]) == ["lang-cong.txt#3"])
        let csv = try solieu(["query", "--db", db, "--format", "csv", "--place", "Vĩnh Phúc", "--subject", "toàn tỉnh"])
        #expect(csv.stdout.split(separator: "\n").first == Substring(FigureCSV.header + ",subject,place"))
        #expect(csv.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").suffix(2).joined(separator: ",") }
            == ["Toàn tỉnh,tỉnh Vĩnh Phúc"])
    }

    @Test(arguments: [
        (["query", "--place", "  "], "Error: --place '  ' has no word to look for"),
        (["query", "--subject", "!?"], "Error: --subject '!?' has no word to look for"),
        (["query", "--person", ""], "Error: --person '' has no word to look for"),
    ])
    func badOptions(_ arguments: [String], _ message: String) throws {
        let run = try solieu(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix(message + "\n"), "\(run.stderr)")
    }

    /// A database made before entities (schema v1) is migrated by ingest and re-extracted by
    /// reindex; a query on it before that asks for an ingest.
    @Test func reindexAfterMigration() throws {
        // covered at the store level by MigrationTests; here: the CLI on a store whose articles
        // an older extractor analysed
        let scratch = try Scratch([:])
        defer { scratch.cleanup() }
        let db = scratch.path("t.sqlite")
        let store = try FigureStore(path: db)
        let article = Article(name: "old.txt", source: "old.txt", format: .text,
                              text: "Năm 2018, tỉnh Vĩnh Phúc kết nạp 25 đảng viên.", blocks: [])
        _ = try store.ingest([ArticleAnalysis(article: article, figures: [], extractorVersion: 1)], contentHash: ["h"])
        #expect(try solieu(["query", "--db", db, "--place", "Vĩnh Phúc", "--format", "jsonl"]).stdout == "")
        let run = try solieu(["reindex", "--db", db])
        #expect(run.status == 0)
        let expected = ArticleAnalysis(article: article, figures: [])
        let analysis = try onLargeStack { try ArticleAnalyzer.builtin().makeWorker().analyze(expected.article) }
        let want = analysis.figures.filter { holdsAll($0.place.map { [$0.text] + $0.within } ?? [], "Vĩnh Phúc") }.map { "old.txt#\($0.id)" }
        #expect(try keys(try solieu(["query", "--db", db, "--place", "Vĩnh Phúc", "--format", "jsonl"]).stdout) == want)
        #expect(try store.storedArticle(named: "old.txt")?.entities == analysis.entities.map { var e = $0; e.article = "old.txt"; return e })
    }
}
