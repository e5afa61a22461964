import FigureStore
import Foundation
import SoLieu
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
        try process.run()
        // wait for some batches to be committed, then kill without warning
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: killed), let store = try? FigureStore(path: killed),
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
