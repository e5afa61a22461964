import Foundation
import Testing
import TestSupport

@Suite struct EntitiesCommandTests {
    /// Places only (what the rules find today; no organisation, person or document to change
    /// when the rules grow): `Xã Lãng Công` opens the text and is mentioned again in lower case.
    static let text = "Xã Lãng Công thuộc huyện Sông Lô, tỉnh Vĩnh Phúc.\nNăm 2023, thôn Đoàn Kết của xã Lãng Công có 120 hộ.\n"

    @Test func textIsATablePerArticle() throws {
        let scratch = try Scratch(["lang-cong.txt": Array(Self.text.utf8), "trong.txt": Array("Xin chào.\n".utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["entities", scratch.dir.path])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == """
        # lang-cong.txt
        kind   text            titles
        ─────  ──────────────  ──────
        place  Xã Lãng Công
        place  huyện Sông Lô
        place  tỉnh Vĩnh Phúc
        place  thôn Đoàn Kết

        # trong.txt
        (no entities)


        """)
    }

    /// One entity a line, keys sorted, `article` the file's name; offsets in Unicode scalars
    /// (`thôn Đoàn Kết` starts at 60: the first line is 49 scalars and its new line, then
    /// `Năm 2023, ` is 10); the second mention of `xã Lãng Công` is a mention of the first entity;
    /// a place's name is its name without the level word.
    /// A text file is read as an article: the page chrome after it (`Ý kiến của bạn`, `Email`)
    /// names nothing, and the offsets are the file's.
    @Test func pageChromeOfATextFileNamesNothing() throws {
        let page = Self.text + "Ý kiến của bạn\nHọ tên\nEmail\nTAG: Xây dựng Đảng\n"
        let scratch = try Scratch(["trang.txt": Array(page.utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["entities", scratch.path("trang.txt"), "--format", "jsonl"])
        #expect(run.status == 0)
        let texts = run.stdout.split(separator: "\n").map { line -> String in
            let record = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
            return "\(record?["text"] as? String ?? "") \(record?["start"] as? Int ?? -1)"
        }
        #expect(texts == ["Xã Lãng Công 0", "huyện Sông Lô 19", "tỉnh Vĩnh Phúc 34", "thôn Đoàn Kết 60"])
    }

    @Test func jsonlIsOneEntityALine() throws {
        let run = try solieu(["entities", "-", "--format", "jsonl"], stdin: Self.text)
        #expect(run.status == 0)
        #expect(run.stdout == """
        {"article":"stdin","end":12,"id":1,"kind":"place","mentions":[{"end":12,"start":0},{"end":90,"start":78}],"name":"Lãng Công","schemaVersion":1,"start":0,"text":"Xã Lãng Công","titles":[]}
        {"article":"stdin","end":32,"id":2,"kind":"place","mentions":[{"end":32,"start":19}],"name":"Sông Lô","schemaVersion":1,"start":19,"text":"huyện Sông Lô","titles":[]}
        {"article":"stdin","end":48,"id":3,"kind":"place","mentions":[{"end":48,"start":34}],"name":"Vĩnh Phúc","schemaVersion":1,"start":34,"text":"tỉnh Vĩnh Phúc","titles":[]}
        {"article":"stdin","end":73,"id":4,"kind":"place","mentions":[{"end":73,"start":60}],"name":"Đoàn Kết","schemaVersion":1,"start":60,"text":"thôn Đoàn Kết","titles":[]}

        """)
    }

    /// json: one object per article, also for the articles of a JSON Lines file, in input order.
    @Test func jsonIsOneObjectPerArticle() throws {
        let record = #"{"id": "bai-2", "title": "Tin", "text": "Huyện Tam Đảo có 9 xã."}"#
        let scratch = try Scratch(["a.txt": Array(Self.text.utf8), "b.jsonl": Array((record + "\n" + #"{"id": "bai-3", "text": "Xin chào."}"# + "\n").utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["entities", scratch.dir.path, "--format", "json", "--jobs", "2"])
        #expect(run.status == 0)
        let articles = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(articles.map { $0["article"] as? String } == ["a.txt", "bai-2", "bai-3"])
        let entities = articles.map { ($0["entities"] as? [[String: Any]] ?? []).map { $0["text"] as? String } }
        #expect(entities == [["Xã Lãng Công", "huyện Sông Lô", "tỉnh Vĩnh Phúc", "thôn Đoàn Kết"], ["Huyện Tam Đảo"], []])
    }

    /// A file that cannot be read or is not UTF-8 is reported with its position; the others are
    /// still listed, in order, and the exit status is 1.
    @Test func badFileAmongGoodOnes() throws {
        let scratch = try Scratch([
            "a.txt": Array(Self.text.utf8),
            "b.txt": [0x58, 0xE3, 0x20, 0x0A],
            "c.txt": Array("Huyện Tam Đảo có 9 xã.\n".utf8),
        ])
        defer { scratch.cleanup() }
        let run = try solieu(["entities", scratch.path("a.txt"), scratch.path("missing.txt"), scratch.path("b.txt"), scratch.path("c.txt"),
                              "--format", "jsonl"])
        #expect(run.status == 1)
        #expect(run.stderr == """
        solieu: \(scratch.path("missing.txt")): error: no such file
        solieu: \(scratch.path("b.txt")):1:2: error: invalid UTF-8 (byte 0xE3 at byte offset 1)

        """)
        let articles = run.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["article"] as? String
        }
        #expect(articles == ["a.txt", "a.txt", "a.txt", "a.txt", "c.txt"])
    }

    @Test func jobsMustBePositive() throws {
        let run = try solieu(["entities", "-", "--jobs", "0"], stdin: "")
        #expect(run.status == 64)
        #expect(run.stderr.contains("--jobs 0 is not a positive number"))
    }

    /// `solieu entities` over the 21 gold-dev articles, scored by ../shared/tools/score-entities:
    /// the output is what the scorer reads, and it meets issue 8's bars.
    /// jsonl has no line for an article without entities; json names every article.
    @Test(.enabled(if: hasShared("data/gold-dev-entities"), "needs ../shared/data/gold-dev-entities"))
    func goldDevArticlesScore() throws {
        guard let gold = sharedPath("data/gold-dev-entities"), let news = sharedPath("data/news"),
              let scorer = sharedPath("tools/score-entities") else { return }
        let names = try FileManager.default.contentsOfDirectory(atPath: gold.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { String($0.dropLast(".json".count)) }
        #expect(names.count == 21)
        let paths = names.map { news.appendingPathComponent($0).path }
        let jsonl = try solieu(["entities", "--format", "jsonl"] + paths)
        #expect(jsonl.status == 0)
        #expect(jsonl.stderr.isEmpty)
        var seen: Set<String> = []
        for line in jsonl.stdout.split(separator: "\n") {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            seen.insert(try #require(record["article"] as? String))
            #expect(["person", "organization", "place", "document"].contains(record["kind"] as? String ?? ""))
            #expect((record["text"] as? String)?.isEmpty == false)
        }
        #expect(seen.isSubset(of: Set(names)))
        let json = try solieu(["entities", "--format", "json"] + paths)
        #expect(json.status == 0)
        let articles = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(articles.compactMap { $0["article"] as? String } == names)

        let scratch = try Scratch(["out.jsonl": Array(jsonl.stdout.utf8), "out.json": Array(json.stdout.utf8)])
        defer { scratch.cleanup() }
        func score(_ file: String) throws -> [String: [String: [String: Double]]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", scorer.path, gold.path, scratch.path(file), "--json"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: [String: Double]]])
        }
        let result = try score("out.jsonl")
        for mode in ["exact", "lenient"] {
            for kind in ["person", "organization", "place", "document", "all"] {
                #expect(result[mode]?[kind]?["f1"] != nil, "\(mode) \(kind)")
            }
        }
        #expect(try score("out.json") == result)
        // the bars of issue 8: lenient F1 >= 0.90 and exact F1 >= 0.80 over all kinds
        #expect((result["lenient"]?["all"]?["f1"] ?? 0) >= 0.90, "lenient \(result["lenient"]?["all"] ?? [:])")
        #expect((result["exact"]?["all"]?["f1"] ?? 0) >= 0.80, "exact \(result["exact"]?["all"] ?? [:])")
    }
}
