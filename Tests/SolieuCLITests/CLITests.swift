import Foundation
import Testing

/// Runs the built `solieu` binary and compares its exact output.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// `stdout`: a file to write standard output to (e.g. `/dev/full`) instead of a pipe.
func solieu(_ arguments: [String], stdin: String? = nil, stdout: FileHandle? = nil, prefix: [String] = []) throws -> Run {
    let process = Process()
    let path = try solieuBinary()
    // `prefix`: a wrapper command (`setpriv ...`) that runs the binary
    process.executableURL = prefix.isEmpty ? path : URL(fileURLWithPath: prefix[0])
    process.arguments = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [path.path] + arguments
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = stdout ?? out
    process.standardError = err
    process.standardInput = input
    try process.run()
    // a hang (a FIFO opened for reading, a deadlock) fails the test instead of stalling the run
    DispatchQueue.global().asyncAfter(deadline: .now() + 300) { [process] in
        if process.isRunning { process.terminate() }
    }
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    if stdout != nil { try out.fileHandleForWriting.close() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
}

/// The built `solieu` binary, next to the test bundle.
func solieuBinary() throws -> URL {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = [dir, dir.deletingLastPathComponent()].map { $0.appendingPathComponent("solieu") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    return try #require(binary, "solieu binary not found next to \(dir.path)")
}

/// A temporary folder with the given files (name -> bytes), removed by `cleanup`.
struct Scratch {
    let dir: URL
    init(_ files: [String: [UInt8]]) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("solieu-cli-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
    }
    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
    func cleanup() { try? FileManager.default.removeItem(at: dir) }
}

@Suite struct SegmentCommandTests {
    @Test func segmentsStandardInputLineByLine() throws {
        let run = try solieu(["segment"], stdin: "Thanh bắt chuyện với Hùng .\n\nTỉnh ủy kết nạp 2.338 đảng viên.\n")
        #expect(run.status == 0)
        #expect(run.stdout == "Thanh bắt_chuyện với Hùng .\n\nTỉnh_ủy kết_nạp 2.338 đảng_viên .\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func sentencesFlagWritesOneSentencePerLine() throws {
        let run = try solieu(["segment", "--sentences"], stdin: "Ông về Tp. Hồ Chí Minh. Sau đó đi Hà Nội.\n")
        #expect(run.stdout == "Ông về Tp. Hồ_Chí_Minh .\nSau đó đi Hà_Nội .\n")
    }

    @Test func userLexicon() throws {
        let scratch = try Scratch(["mine.txt": Array("hănggô cơm\n".utf8)])
        defer { scratch.cleanup() }
        let plain = try solieu(["segment"], stdin: "một hănggô cơm\n")
        let withLexicon = try solieu(["segment", "--lexicon", scratch.path("mine.txt")], stdin: "một hănggô cơm\n")
        #expect(plain.stdout == "một hănggô cơm\n")
        #expect(withLexicon.stdout == "một hănggô_cơm\n")
    }

    @Test func missingLexiconIsAUsageError() throws {
        let run = try solieu(["segment", "--lexicon", "/nonexistent/lexicon.txt"], stdin: "")
        #expect(run.status == 64)
        #expect(run.stderr.contains("/nonexistent/lexicon.txt"))
    }

    @Test func badInputIsReportedAndTheOtherFilesStillSegmented() throws {
        let scratch = try Scratch([
            "good.txt": Array("kết nạp đảng viên\n".utf8),
            "latin1.txt": Array("dòng một\n".utf8) + [0x62, 0xE0, 0x20, 0x63, 0x0A] + Array("đảng viên\n".utf8),
            "empty.txt": [],
        ])
        defer { scratch.cleanup() }
        let run = try solieu(["segment", scratch.path("latin1.txt"), scratch.path("missing.txt"), scratch.path("empty.txt"), scratch.path("good.txt")])
        #expect(run.status == 1)
        // the bad line is left empty so that output lines stay aligned with input lines
        #expect(run.stdout == "dòng một\n\nđảng_viên\nkết_nạp đảng_viên\n")
        #expect(run.stderr.contains("\(scratch.path("latin1.txt")):2:2: error: invalid UTF-8 (byte 0xE0 at byte offset 13)"))
        #expect(run.stderr.contains("\(scratch.path("missing.txt")): error: no such file"))
    }

    @Test func directoryIsAnError() throws {
        let scratch = try Scratch([:])
        defer { scratch.cleanup() }
        let run = try solieu(["segment", scratch.dir.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("is a directory"))
    }

    @Test func toneOption() throws {
        let run = try solieu(["tokenize", "-", "--tone", "hoa2", "--format", "text"], stdin: "hòa\n")
        #expect(run.stdout.contains("syllable\thòa -> hoà"))
    }
}

@Suite struct TokenizeCommandTests {
    @Test func textFormat() throws {
        let run = try solieu(["tokenize", "-"], stdin: "Có 2.338 ĐVTN.")
        #expect(run.status == 0)
        #expect(run.stdout == """
        # -
        sentence 1 [0..<14]: Có 2.338 ĐVTN.
          0..<2\tsyllable\tCó
          3..<8\tnumber\t2.338
          9..<13\tabbreviation\tĐVTN
          13..<14\tpunctuation\t.
          words: Có 2.338 ĐVTN .

        """)
    }

    @Test func jsonFormatUsesScalarOffsetsIntoTheOriginal() throws {
        let run = try solieu(["tokenize", "-", "--format", "json"], stdin: "😀 Ho\u{300}a Bình")
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let sentences = try #require(json["sentences"] as? [[String: Any]])
        let tokens = try #require(sentences.first?["tokens"] as? [[String: Any]])
        let hoa = try #require(tokens.first { $0["normalized"] as? String == "Hòa" })
        #expect(hoa["start"] as? Int == 2)   // the emoji is one scalar
        #expect(hoa["end"] as? Int == 6)     // H o U+0300 a
        #expect(hoa["kind"] as? String == "syllable")
        let words = try #require(sentences.first?["words"] as? [[String: Any]])
        #expect(words.last?["text"] as? String == "Ho\u{300}a Bình")
    }

    @Test func nonUTF8FileNamesThePosition() throws {
        let scratch = try Scratch(["bad.txt": [0x61, 0x0A, 0x62, 0x63, 0xFF]])
        defer { scratch.cleanup() }
        let run = try solieu(["tokenize", scratch.path("bad.txt")])
        #expect(run.status == 1)
        #expect(run.stderr == "solieu: \(scratch.path("bad.txt")):2:3: error: invalid UTF-8 (byte 0xFF at byte offset 4)\n")
    }
}

@Suite struct ExtractCommandTests {
    @Test func jsonlIsOneFigureALineWithTheArticleName() throws {
        let scratch = try Scratch(["bai.txt": Array("Năm 2018, tỉnh kết nạp trên 2.400 đảng viên, thu 1,5 tỷ đồng.\n".utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["extract", scratch.path("bai.txt")])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        // keys sorted; `trên` starts at scalar 23 (`Năm 2018, tỉnh kết nạp ` is 23 scalars) and the
        // 20 scalars of `trên 2.400 đảng viên` end at 43; `2.400` could be read two ways, so the
        // article's style is stated
        #expect(lines.first == #"{"article":"bai.txt","end":43,"id":1,"interval":{"lower":2400,"lowerOpen":true,"upper":null,"upperOpen":false},"numberStyle":"vietnamese","precision":1,"qualifier":"over","rate":null,"schemaVersion":3,"sentence":"Năm 2018, tỉnh kết nạp trên 2.400 đảng viên, thu 1,5 tỷ đồng.","sentenceIndex":0,"start":23,"text":"trên 2.400 đảng viên","time":"2018","unit":"đảng viên","value":2400}"#)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["value"] as? Int == 1_500_000_000)
        #expect(second["unit"] as? String == "đồng")
        #expect(second["time"] as? String == "2018")
        #expect(second["article"] as? String == "bai.txt")
    }

    /// Each figure's subject and place (schema 3): the place the sentence names (its entity's
    /// id and offsets, and the larger place it lies in), or, for `Toàn tỉnh`, the subject the
    /// words name and the province they resolve to (not written there: no offsets).
    @Test func subjectAndPlace() throws {
        let text = "Tỉnh Vĩnh Phúc có 9 huyện.\nNăm 2023, xã Lãng Công kết nạp 12 đảng viên. Toàn tỉnh có 300 hộ nghèo.\n"
        let scratch = try Scratch(["vp.txt": Array(text.utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["extract", scratch.path("vp.txt")])
        #expect(run.status == 0)
        #expect(run.stdout == """
        {"article":"vp.txt","end":25,"id":1,"interval":{"lower":8.5,"lowerOpen":false,"upper":9.5,"upperOpen":false},"place":{"end":14,"entity":1,"start":0,"text":"Tỉnh Vĩnh Phúc"},"precision":1,"qualifier":"exact","rate":null,"schemaVersion":3,"sentence":"Tỉnh Vĩnh Phúc có 9 huyện.","sentenceIndex":0,"start":18,"text":"9 huyện","time":null,"unit":"huyện","value":9}
        {"article":"vp.txt","end":70,"id":2,"interval":{"lower":11.5,"lowerOpen":false,"upper":12.5,"upperOpen":false},"place":{"end":49,"entity":2,"start":37,"text":"xã Lãng Công","within":["tỉnh Vĩnh Phúc"]},"precision":1,"qualifier":"exact","rate":null,"schemaVersion":3,"sentence":"Năm 2023, xã Lãng Công kết nạp 12 đảng viên.","sentenceIndex":1,"start":58,"text":"12 đảng viên","time":"2023","unit":"đảng viên","value":12}
        {"article":"vp.txt","end":97,"id":3,"interval":{"lower":299.5,"lowerOpen":false,"upper":300.5,"upperOpen":false},"place":{"text":"tỉnh Vĩnh Phúc"},"precision":1,"qualifier":"exact","rate":null,"schemaVersion":3,"sentence":"Toàn tỉnh có 300 hộ nghèo.","sentenceIndex":2,"start":85,"subject":{"end":81,"start":72,"text":"Toàn tỉnh"},"text":"300 hộ nghèo","time":null,"unit":"hộ nghèo","value":300}

        """)
        // csv: their text only
        let csv = try solieu(["extract", scratch.path("vp.txt"), "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).suffix(2).joined(separator: ",") }
            == [",Tỉnh Vĩnh Phúc", ",xã Lãng Công", "Toàn tỉnh,tỉnh Vĩnh Phúc"])
    }

    @Test func jsonAndCSVFormats() throws {
        let scratch = try Scratch(["a.txt": Array("Có 34/39 xã đạt chuẩn.\n".utf8), "b.txt": Array("Giá tăng 10-15%.\n".utf8)])
        defer { scratch.cleanup() }
        let json = try solieu(["extract", scratch.dir.path, "--format", "json"])
        #expect(json.status == 0)
        let articles = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(articles.map { $0["article"] as? String } == ["a.txt", "b.txt"])
        #expect((articles[0]["figures"] as? [Any])?.count == 2)
        let csv = try solieu(["extract", scratch.path("b.txt"), "--format", "csv"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "article,id,text,value,valueMax,unit,qualifier,rate,time,start,end,sentenceIndex,sentence,precision,schemaVersion,subject,place")
        #expect(rows.dropFirst().first == "b.txt,1,10-15%,10,15,%,exact,,,9,15,0,Giá tăng 10-15%.,1,3,,")
    }

    /// An unreadable input, a non-UTF-8 file, an empty file: a clear error or an empty result,
    /// never a crash, and the other files are still extracted.
    @Test func badInputsDoNotStopTheOthers() throws {
        let scratch = try Scratch([
            "good.txt": Array("Có 300 hộ.\n".utf8),
            "latin1.txt": [0x43, 0xF3, 0x20, 0x33, 0x30, 0x30, 0x20, 0x68, 0xF4, 0x0A],
            "empty.txt": [],
        ])
        defer { scratch.cleanup() }
        try FileManager.default.createDirectory(atPath: scratch.path("sub.txt"), withIntermediateDirectories: false)
        let run = try solieu(["extract", scratch.path("latin1.txt"), scratch.path("empty.txt"), scratch.path("missing.txt"),
                              scratch.path("sub.txt"), scratch.path("good.txt")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("latin1.txt:1:2: error: invalid UTF-8 (byte 0xF3 at byte offset 1)"))
        #expect(run.stderr.contains("missing.txt: error: no such file"))
        #expect(run.stderr.contains("sub.txt: error: is a directory with no .txt, .html or .jsonl files"))
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(#""article":"good.txt""#) == true)
    }

    /// A long single line (here 2 MB; the closing note reports 50 MB in a release build) is cut
    /// into pieces internally and every figure is found with offsets into the whole line.
    @Test func longSingleLine() throws {
        let sentence = "Tỉnh thu 1,5 tỷ đồng. "
        let count = 2_000_000 / sentence.utf8.count
        let scratch = try Scratch(["long.txt": Array(String(repeating: sentence, count: count).utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["extract", scratch.path("long.txt")])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == count)
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
        let perSentence = sentence.unicodeScalars.count
        #expect(last["start"] as? Int == (count - 1) * perSentence + 9)
        #expect(last["value"] as? Int == 1_500_000_000)
    }

    @Test func badReferenceYearIsAUsageError() throws {
        let run = try solieu(["extract", "-", "--reference-year", "20"], stdin: "")
        #expect(run.status == 64)
        #expect(run.stderr.contains("--reference-year 20"))
    }
}
