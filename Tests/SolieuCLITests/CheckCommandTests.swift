import CrossCheck
import FigureStore
import Foundation
@testable import SolieuCLI
import Testing

/// Bulletins written for these tests (the seed's genre): what the average and target finders
/// find in them is in `CrossCheckerTests`.
enum CheckArticles {
    static func bulletin(_ title: String, _ date: String, _ body: String) -> [UInt8] {
        Array("Xây dựng Đảng\n\n\(title)\n\n\(date)\n\n\(body)\n".utf8)
    }

    /// The seed's average, which its total bears out.
    static let seed = bulletin("Kết nạp đảng viên", "Thứ Hai, 14/01/2019",
                               "Từ năm 2015 đến hết năm 2018, Đảng bộ tỉnh kết nạp 9.711 đảng viên, bình quân mỗi năm kết nạp trên 2.400 đảng viên.")
    /// The same with an average its total does not bear out.
    static let wrong = bulletin("Kết nạp đảng viên", "Thứ Hai, 14/01/2019",
                                "Từ năm 2015 đến hết năm 2018, Đảng bộ tỉnh kết nạp 9.711 đảng viên, bình quân mỗi năm kết nạp trên 2.500 đảng viên.")
    /// An average that holds and a target it does not meet.
    static let target = bulletin("Chỉ tiêu kết nạp", "Thứ Ba, 15/01/2019",
                                 "Từ năm 2015 đến hết năm 2018, Đảng bộ huyện kết nạp được 800 đảng viên, bình quân mỗi năm kết nạp được 200 đảng viên, đạt chỉ tiêu đề ra (trên 250 đảng viên/năm).")

    static let files: [String: [UInt8]] = ["seed.txt": seed, "sai.txt": wrong, "chi-tieu.txt": target]

    static let seedAverage = """
        seed.txt: consistent: average holds
          Từ năm 2015 đến hết năm 2018, Đảng bộ tỉnh kết nạp [9.711 đảng viên], bình quân mỗi năm kết nạp [trên 2.400 đảng viên].
          vi: 9.711 / 4 năm = 2.427,75 > 2.400: khớp
          en: 9,711 / 4 years = 2,427.75 > 2,400: consistent


        """
    static let wrongAverage = """
        sai.txt: error: average fails
          Từ năm 2015 đến hết năm 2018, Đảng bộ tỉnh kết nạp [9.711 đảng viên], bình quân mỗi năm kết nạp [trên 2.500 đảng viên].
          vi: 9.711 / 4 năm = 2.427,75 không > 2.500: không khớp
          en: 9,711 / 4 years = 2,427.75 not > 2,500: inconsistent


        """
    static let targetAverage = """
        chi-tieu.txt: consistent: average holds
          Từ năm 2015 đến hết năm 2018, Đảng bộ huyện kết nạp được [800 đảng viên], bình quân mỗi năm kết nạp được [200 đảng viên], đạt chỉ tiêu đề ra (trên 250 đảng viên/năm).
          vi: 800 / 4 năm = 200 ≈ 200: khớp
          en: 800 / 4 years = 200 ≈ 200: consistent


        """
    static let targetMissed = """
        chi-tieu.txt: error: target fails
          Từ năm 2015 đến hết năm 2018, Đảng bộ huyện kết nạp được 800 đảng viên, bình quân mỗi năm kết nạp được [200 đảng viên], đạt chỉ tiêu đề ra ([trên 250 đảng viên/năm]).
          vi: 200 không > 250: không khớp
          en: 200 not > 250: inconsistent


        """
}

@Suite(.serialized) struct CheckCommandTests {
    /// Findings that hold are counted, not shown; a finding that fails is no error (status 0).
    @Test func textOnFiles() throws {
        let s = try Scratch(CheckArticles.files)
        defer { s.cleanup() }
        let run = try solieu(["check", s.path("seed.txt"), s.path("sai.txt"), s.path("chi-tieu.txt")])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        #expect(run.stdout == CheckArticles.wrongAverage + CheckArticles.targetMissed + """
            3 articles: 2 errors, 0 warnings, 0 info, 2 consistent (not shown: 2 consistent; --severity consistent shows them)

            """, "\(run.stdout)")
    }

    @Test func everySeverity() throws {
        let s = try Scratch(CheckArticles.files)
        defer { s.cleanup() }
        let all = try solieu(["check", "--severity", "consistent", s.path("seed.txt"), s.path("sai.txt"), s.path("chi-tieu.txt")])
        #expect(all.status == 0)
        #expect(all.stdout == CheckArticles.seedAverage + CheckArticles.wrongAverage + CheckArticles.targetAverage + CheckArticles.targetMissed
            + "3 articles: 2 errors, 0 warnings, 0 info, 2 consistent\n", "\(all.stdout)")
        let errors = try solieu(["check", "--severity", "error", s.path("seed.txt")])
        #expect(errors.stdout == "1 article: 0 errors, 0 warnings, 0 info, 1 consistent (not shown: 1 consistent; --severity consistent shows them)\n")
    }

    /// In colour: the severity and the figures (bold yellow, as `show` marks figures).
    @Test func colour() throws {
        let s = try Scratch(CheckArticles.files)
        defer { s.cleanup() }
        let run = try solieu(["check", "--color", "always", s.path("sai.txt")])
        let (red, yellow, reset) = ("\u{1B}[1;31m", "\u{1B}[1;33m", "\u{1B}[0m")
        #expect(run.stdout.hasPrefix("""
            sai.txt: \(red)error\(reset): average fails
              Từ năm 2015 đến hết năm 2018, Đảng bộ tỉnh kết nạp \(yellow)9.711 đảng viên\(reset), bình quân mỗi năm kết nạp \(yellow)trên 2.500 đảng viên\(reset).

            """), "\(run.stdout)")
    }

    /// A file that cannot be read is reported with its name and the others are checked: status 1.
    @Test func anUnreadableInput() throws {
        let s = try Scratch(CheckArticles.files.merging(["bad.txt": [0x41, 0xFF, 0x0A]]) { a, _ in a })
        defer { s.cleanup() }
        let run = try solieu(["check", s.path("bad.txt"), s.path("sai.txt"), s.path("missing.txt")])
        #expect(run.status == 1)
        #expect(run.stderr == """
            solieu: \(s.path("bad.txt")):1:2: error: invalid UTF-8 (byte 0xFF at byte offset 1)
            solieu: \(s.path("missing.txt")): error: no such file

            """, "\(run.stderr)")
        #expect(run.stdout == CheckArticles.wrongAverage + "1 article: 1 error, 0 warnings, 0 info, 0 consistent\n", "\(run.stdout)")
    }

    /// JSON Lines as score-relations reads them: every decided finding, as before.
    @Test func jsonLinesUnchanged() throws {
        let s = try Scratch(CheckArticles.files)
        defer { s.cleanup() }
        let run = try solieu(["check", "--format", "jsonl", s.path("seed.txt"), s.path("chi-tieu.txt")])
        #expect(run.status == 0)
        #expect(run.stdout == """
            {"article":"seed.txt","computation":"9.711 / 4 năm = 2.427,75 > 2.400: khớp","computationEnglish":"9,711 / 4 years = 2,427.75 > 2,400: consistent","figures":[{"end":169,"id":2,"start":149,"text":"trên 2.400 đảng viên"},{"end":121,"id":1,"start":106,"text":"9.711 đảng viên"}],"holds":true,"kind":"average","severity":"consistent","verdict":"holds"}
            {"article":"chi-tieu.txt","computation":"800 / 4 năm = 200 ≈ 200: khớp","computationEnglish":"800 / 4 years = 200 ≈ 200: consistent","figures":[{"end":169,"id":2,"start":156,"text":"200 đảng viên"},{"end":123,"id":1,"start":110,"text":"800 đảng viên"}],"holds":true,"kind":"average","severity":"consistent","verdict":"holds"}
            {"article":"chi-tieu.txt","computation":"200 không > 250: không khớp","computationEnglish":"200 not > 250: inconsistent","figures":[{"end":213,"id":3,"start":191,"text":"trên 250 đảng viên/năm"},{"end":169,"id":2,"start":156,"text":"200 đảng viên"}],"holds":false,"kind":"target","severity":"error","verdict":"fails"}

            """, "\(run.stdout)")
        let errors = try solieu(["check", "--format", "jsonl", "--severity", "error", s.path("seed.txt"), s.path("chi-tieu.txt")])
        #expect(errors.stdout.split(separator: "\n").count == 1)
    }

    /// `check --db`: ingest has checked every article; check prints what is stored (then the
    /// conflicts across articles: none here) and says what it checked on standard error.
    @Test func database() throws {
        let s = try Scratch(CheckArticles.files)
        defer { s.cleanup() }
        let db = s.path("t.sqlite")
        #expect(try solieu(["ingest", "--db", db, s.dir.path]).status == 0)
        let run = try solieu(["check", "--db", db])
        #expect(run.status == 0, "\(run.stderr)")
        // by article in the order ingested (file names sorted), each article's in text order
        #expect(run.stdout == CheckArticles.targetMissed + CheckArticles.wrongAverage + """
            3 articles: 2 errors, 0 warnings, 0 info, 2 consistent (not shown: 2 consistent; --severity consistent shows them)

            """, "\(run.stdout)")
        #expect(run.stderr.hasPrefix("solieu: checked 0 articles in \(db) (0 findings) and 6 figures across articles (0 conflicts) in "),
                "\(run.stderr)")
        let again = try solieu(["check", "--db", db, "--all", "--severity", "error"])
        #expect(again.stdout == CheckArticles.targetMissed + CheckArticles.wrongAverage + """
            3 articles: 2 errors, 0 warnings, 0 info, 2 consistent (not shown: 2 consistent; --severity consistent shows them)

            """, "\(again.stdout)")
        #expect(again.stderr.hasPrefix("solieu: checked 3 articles in \(db) (4 findings) and 6 figures across articles (0 conflicts) in "))
        let jsonl = try solieu(["check", "--db", db, "--format", "jsonl"])
        #expect(jsonl.stdout.split(separator: "\n").map { try! JSONDecoder().decode(Finding.self, from: Data($0.utf8)).article ?? "" }
            == ["chi-tieu.txt", "chi-tieu.txt", "sai.txt", "seed.txt"])
        let json = try solieu(["check", "--db", db, "--format", "json", "--severity", "error"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["article"] as? String } == ["chi-tieu.txt", "sai.txt"])
        #expect(objects.map { ($0["findings"] as? [Any])?.count } == [1, 1])
    }

    /// The conflict between the two articles of `conflictAcrossArticles`, as text.
    static let conflictText = """
        a.txt: error: conflict fails
          Năm 2023, tỉnh Vĩnh Phúc kết nạp [2.338 đảng viên] mới.
          b.txt: Năm 2023, tỉnh Vĩnh Phúc kết nạp [2.383 đảng viên] mới.
          vi: 2.338 (a.txt) ≠ 2.383 (b.txt) [tỉnh Vĩnh Phúc, 2023]: không khớp
          en: 2,338 (a.txt) ≠ 2,383 (b.txt) [tỉnh Vĩnh Phúc, 2023]: inconsistent


        """

    /// The same fact told with two values by two articles: a conflict, stored and printed
    /// with both sentences, listed by query and shown with both articles.
    @Test func conflictAcrossArticles() throws {
        let a = CheckArticles.bulletin("Kết nạp đảng viên", "Thứ Hai, 15/01/2024", "Năm 2023, tỉnh Vĩnh Phúc kết nạp 2.338 đảng viên mới.")
        let b = CheckArticles.bulletin("Vĩnh Phúc kết nạp đảng viên", "Thứ Ba, 16/01/2024", "Năm 2023, tỉnh Vĩnh Phúc kết nạp 2.383 đảng viên mới.")
        let s = try Scratch(["a.txt": a, "b.txt": b])
        defer { s.cleanup() }
        let db = s.path("t.sqlite")
        #expect(try solieu(["ingest", "--db", db, s.dir.path]).status == 0)
        let run = try solieu(["check", "--db", db])
        #expect(run.status == 0)
        #expect(run.stdout == Self.conflictText + "2 articles: 1 error, 0 warnings, 0 info, 0 consistent\n", "\(run.stdout)")
        #expect(run.stderr.hasPrefix("solieu: checked 0 articles in \(db) (0 findings) and 2 figures across articles (1 conflict) in "))
        let table = """
            error     conflict  fails    2.338 đảng viên ; b.txt: 2.383 đảng viên  2.338 (a.txt) ≠ 2.383 (b.txt) [tỉnh Vĩnh Phúc, 2023]: không khớp
            (1 finding)

            """
        #expect(try solieu(["query", "--db", db, "--findings", "--format", "table"]).stdout.hasSuffix("a.txt    " + table))
        #expect(try solieu(["show", "--db", db, "b.txt"]).stdout.contains(table))
        // checked again: replaced, not added
        #expect(try solieu(["check", "--db", db, "--format", "jsonl"]).stdout.split(separator: "\n").count == 1)
    }

    /// `check FILE...` looks for conflicts among the articles it is given too, after their own
    /// findings; one article alone has none to look for.
    @Test func conflictAmongFiles() throws {
        let a = CheckArticles.bulletin("Kết nạp đảng viên", "Thứ Hai, 15/01/2024", "Năm 2023, tỉnh Vĩnh Phúc kết nạp 2.338 đảng viên mới.")
        let b = CheckArticles.bulletin("Vĩnh Phúc kết nạp đảng viên", "Thứ Ba, 16/01/2024", "Năm 2023, tỉnh Vĩnh Phúc kết nạp 2.383 đảng viên mới.")
        let c = CheckArticles.bulletin("Trồng rừng", "Thứ Tư, 17/01/2024", "Năm 2023, tỉnh Vĩnh Phúc trồng mới 520 ha rừng.")
        let s = try Scratch(["a.txt": a, "b.txt": b, "c.txt": c])
        defer { s.cleanup() }
        let run = try solieu(["check", s.path("a.txt"), s.path("b.txt"), s.path("c.txt")])
        #expect(run.status == 0)
        // as `check --db` shows it
        #expect(run.stdout == Self.conflictText + "3 articles: 1 error, 0 warnings, 0 info, 0 consistent\n", "\(run.stdout)")
        // jsonl and json only when asked: they are what score-relations reads
        #expect(try solieu(["check", "--format", "jsonl", s.path("a.txt"), s.path("b.txt")]).stdout == "")
        let jsonl = try solieu(["check", "--conflicts", "--format", "jsonl", s.path("a.txt"), s.path("b.txt")])
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let line = try #require(lines.first.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(line["kind"] as? String == "conflict")
        #expect(line["article"] as? String == "a.txt")
        #expect((line["figures"] as? [[String: Any]])?.map { $0["article"] as? String } == ["a.txt", "b.txt"])
        let json = try solieu(["check", "--conflicts", "--format", "json", s.path("a.txt"), s.path("b.txt")])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["article"] as? String } == ["a.txt", "b.txt", "a.txt"])
        #expect(objects.map { ($0["findings"] as? [Any])?.count } == [0, 0, 1])
        // each alone: nothing across articles; none asked for
        #expect(try solieu(["check", s.path("a.txt")]).stdout == "1 article: 0 errors, 0 warnings, 0 info, 0 consistent\n")
        #expect(try solieu(["check", "--no-conflicts", s.path("a.txt"), s.path("b.txt")]).stdout == "2 articles: 0 errors, 0 warnings, 0 info, 0 consistent\n")
        let noDatabase = try solieu(["check", "--conflicts", "--db", s.path("t.sqlite")])
        #expect(noDatabase.status == 64)
        #expect(noDatabase.stderr.hasPrefix("Error: --conflicts and --no-conflicts are for FILEs"), "\(noDatabase.stderr)")
    }

    @Test func optionsThatDoNotGo() throws {
        let all = try solieu(["check", "--all", "x.txt"])
        #expect(all.status == 64)
        #expect(all.stderr.hasPrefix("Error: --all checks the database again: it takes no FILE\n"), "\(all.stderr)")
        let missing = try solieu(["check", "--db", "/nonexistent/x.sqlite"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("Error: no database at '/nonexistent/x.sqlite'"))
    }

    /// A conflict's sentences: each of another article than the finding's names it.
    @Test func textOfAConflict() {
        let a = FindingSentence(article: "a.txt", start: 10, text: "Năm 2018, tỉnh kết nạp 2.338 đảng viên.")
        let b = FindingSentence(article: "b.txt", start: 0, text: "Năm 2018, toàn tỉnh\nkết nạp 2.500 đảng viên.")
        let finding = Finding(article: "a.txt", kind: .conflict, verdict: .fails, severity: .error,
                              figures: [.init(text: "2.338 đảng viên", start: 33, end: 48, id: 1),
                                        .init(text: "2.500 đảng viên", start: 28, end: 43, id: 4, article: "b.txt")],
                              computation: "2.338 ≠ 2.500: không khớp", computationEnglish: "2,338 ≠ 2,500: inconsistent")
        #expect(FindingText.render([StoredFinding(finding: finding, sentences: [a, b])], style: .init(colour: false)) == """
            a.txt: error: conflict fails
              Năm 2018, tỉnh kết nạp [2.338 đảng viên].
              b.txt: Năm 2018, toàn tỉnh kết nạp [2.500 đảng viên].
              vi: 2.338 ≠ 2.500: không khớp
              en: 2,338 ≠ 2,500: inconsistent


            """)
    }
}

@Suite(.serialized) struct FindingQueryCommandTests {
    func database() throws -> (Scratch, String) {
        let s = try Scratch(CheckArticles.files)
        let db = s.path("t.sqlite")
        let run = try solieu(["ingest", "--db", db, s.dir.path])
        #expect(run.status == 0, "\(run.stderr)")
        return (s, db)
    }

    /// The gravest first, then the newest article (chi-tieu.txt is dated a day later).
    @Test func table() throws {
        let (s, db) = try database()
        defer { s.cleanup() }
        let run = try solieu(["query", "--db", db, "--findings", "--format", "table"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            article       severity    kind     verdict  figures                                 computation
            ────────────  ──────────  ───────  ───────  ──────────────────────────────────────  ──────────────────────────────────────────────────
            chi-tieu.txt  error       target   fails    trên 250 đảng viên/năm ; 200 đảng viên  200 không > 250: không khớp
            sai.txt       error       average  fails    trên 2.500 đảng viên ; 9.711 đảng viên  9.711 / 4 năm = 2.427,75 không > 2.500: không khớp
            chi-tieu.txt  consistent  average  holds    200 đảng viên ; 800 đảng viên           800 / 4 năm = 200 ≈ 200: khớp
            seed.txt      consistent  average  holds    trên 2.400 đảng viên ; 9.711 đảng viên  9.711 / 4 năm = 2.427,75 > 2.400: khớp
            (4 findings)

            """, "\(run.stdout)")
    }

    @Test func filters() throws {
        let (s, db) = try database()
        defer { s.cleanup() }
        let errors = try solieu(["query", "--db", db, "--findings", "--severity", "warning", "--kind", "average", "--format", "table"])
        #expect(errors.stdout == """
            article  severity  kind     verdict  figures                                 computation
            ───────  ────────  ───────  ───────  ──────────────────────────────────────  ──────────────────────────────────────────────────
            sai.txt  error     average  fails    trên 2.500 đảng viên ; 9.711 đảng viên  9.711 / 4 năm = 2.427,75 không > 2.500: không khớp
            (1 finding)

            """, "\(errors.stdout)")
        let article = try solieu(["query", "--db", db, "--findings", "--article", "chi-tieu.txt", "--limit", "1"])
        #expect(article.stdout == """
            {"article":"chi-tieu.txt","computation":"200 không > 250: không khớp","computationEnglish":"200 not > 250: inconsistent","figures":[{"end":213,"id":3,"start":191,"text":"trên 250 đảng viên/năm"},{"end":169,"id":2,"start":156,"text":"200 đảng viên"}],"holds":false,"kind":"target","severity":"error","verdict":"fails"}

            """, "\(article.stdout)")
        let none = try solieu(["query", "--db", db, "--findings", "--kind", "conflict", "--format", "json"])
        #expect(none.stdout == "[]\n")
    }

    @Test(arguments: [
        (["query", "--severity", "error"], "Error: --severity goes with --findings"),
        (["query", "--kind", "sum"], "Error: --kind goes with --findings"),
        (["query", "--findings", "--unit", "%"], "Error: --unit filters figures, not findings: --findings takes --severity, --kind, --article, --limit and --format"),
        (["query", "--findings", "--format", "csv"], "Error: --findings has no csv format: table, json or jsonl"),
        (["query", "--findings", "--severity", "fatal"], "Error: The value 'fatal' is invalid for '--severity <severity>'"),
    ])
    func badOptions(_ arguments: [String], _ message: String) throws {
        let run = try solieu(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
    }

    /// `show` lists the article's findings after its figures.
    @Test func show() throws {
        let (s, db) = try database()
        defer { s.cleanup() }
        let run = try solieu(["show", "--db", db, "chi-tieu.txt"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("""
            (3 figures)

            severity    kind     verdict  figures                                 computation
            ──────────  ───────  ───────  ──────────────────────────────────────  ─────────────────────────────
            consistent  average  holds    200 đảng viên ; 800 đảng viên           800 / 4 năm = 200 ≈ 200: khớp
            error       target   fails    trên 250 đảng viên/năm ; 200 đảng viên  200 không > 250: không khớp
            (2 findings)

            id  kind
            """), "\(run.stdout)")
    }
}
