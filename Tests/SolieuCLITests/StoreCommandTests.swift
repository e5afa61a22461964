import FigureStore
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
        let (s, db) = try scratch()
        defer { s.cleanup() }
        let run = try solieu(["query", "--db", db, "--unit", "Đảng viên", "--format", "table"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            article       date        time  value  unit       qualifier  text
            ────────────  ──────────  ────  ─────  ─────────  ─────────  ────────────
            dong-tam.txt  2019-01-14           25  đảng viên  exact      25 đảng viên
            dong-tam.txt  2019-01-14  2018     25  đảng viên  exact      25 đảng viên
            (2 figures)

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

    @Test func showMarksFigures() throws {
        let (s, db) = try scratch()
        defer { s.cleanup() }
        let run = try solieu(["show", "--db", db, "dong-tam.txt"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("""
            title:   Đảng bộ xã Đồng Tâm kết nạp 25 đảng viên
            section: Xây dựng Đảng
            date:    2019-01-14
            author:  Lê Văn Bình
            source:  \(s.path("dong-tam.txt"))

            Xây dựng Đảng

            Đảng bộ xã Đồng Tâm kết nạp [[25 đảng viên]]

            Thứ Hai, 14/01/2019

            Năm 2018, Đảng bộ xã Đồng Tâm kết nạp [[25 đảng viên]] mới, [[vượt 25%]] chỉ tiêu.

            Thu ngân sách đạt [[12,5 tỷ đồng]].

            Lê Văn Bình

            article
            """), "\(run.stdout)")
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
