import Foundation
import Testing
import TestSupport
@testable import SolieuCLI

@Suite struct ParallelExtractTests {
    /// Many articles on several workers: output strictly in input order, a broken article
    /// reported in its place and the others extracted.
    @Test func outputInInputOrderWithABrokenArticle() throws {
        var files: [String: [UInt8]] = [:]
        for k in 0..<40 { files[String(format: "f%02d.txt", k)] = Array("Có \(k + 1) hộ.\n".utf8) }
        files["f13.txt"] = [0x43, 0xF3, 0x0A]
        // a large article early on, so that later ones finish first
        files["f02.txt"] = Array(String(repeating: "Xã có 7 hộ. ", count: 20_000).utf8)
        let scratch = try Scratch(files)
        defer { scratch.cleanup() }
        var expected = ""
        for k in 0..<40 where k != 13 {
            if k == 2 {
                for n in 0..<20_000 {
                    expected += #"{"article":"f02.txt","end":\#(12 * n + 10),"id":\#(n + 1),"interval":{"lower":6.5,"lowerOpen":false,"upper":7.5,"upperOpen":false},"precision":1,"qualifier":"exact","rate":null,"schemaVersion":3,"sentence":"Xã có 7 hộ.","sentenceIndex":\#(n),"start":\#(12 * n + 6),"text":"7 hộ","time":null,"unit":"hộ","value":7}"# + "\n"
                }
                continue
            }
            let digits = String(k + 1).count
            expected += #"{"article":"\#(String(format: "f%02d.txt", k))","end":\#(6 + digits),"id":1,"interval":{"lower":\#(k).5,"lowerOpen":false,"upper":\#(k + 1).5,"upperOpen":false},"precision":1,"qualifier":"exact","rate":null,"schemaVersion":3,"sentence":"Có \#(k + 1) hộ.","sentenceIndex":0,"start":3,"text":"\#(k + 1) hộ","time":null,"unit":"hộ","value":\#(k + 1)}"# + "\n"
        }
        for jobs in ["1", "2", "3"] {
            let run = try solieu(["extract", scratch.dir.path, "--jobs", jobs])
            #expect(run.status == 1)
            #expect(run.stderr == "solieu: \(scratch.path("f13.txt")):1:2: error: invalid UTF-8 (byte 0xF3 at byte offset 1)\n")
            #expect(run.stdout == expected, "--jobs \(jobs)")
        }
    }

    @Test func jobsMustBePositive() throws {
        let run = try solieu(["extract", "-", "--jobs", "0"], stdin: "")
        #expect(run.status == 64)
        #expect(run.stderr.contains("--jobs 0 is not a positive number"))
    }

    /// The news articles: the same bytes with one worker and with several, in every format.
    @Test(.enabled(if: hasShared("data/news"), "needs ../shared/data/news"))
    func sameOutputWithAnyNumberOfWorkers() throws {
        let news = try #require(sharedPath("data/news")).path
        for format in ["jsonl", "json", "csv"] {
            let one = try solieu(["extract", news, "--format", format, "--jobs", "1"])
            let many = try solieu(["extract", news, "--format", format, "--jobs", "4"])
            #expect(one.status == 0)
            #expect(!one.stdout.isEmpty)
            #expect(one.stdout == many.stdout, "\(format)")
        }
    }
}

@Suite struct OrderedPipelineTests {
    struct Failure: Error, CustomStringConvertible {
        let index: Int
        var description: String { "item \(index)" }
    }

    /// Items of very different sizes on 4 workers with a tiny window and buffer: everything is
    /// consumed once, in order, pieces of an item in the order emitted; no deadlock.
    @Test func consumesInOrder() throws {
        let pipeline = OrderedPipeline(count: 60, workers: 4, window: 3, itemBuffer: 8)
        var seen: [UInt8] = []
        var ends: [(Int, [String])] = []
        try pipeline.run(makeWork: {
            { index, emit in
                for piece in 0..<(index % 7) * 3 {
                    guard emit([UInt8(index), UInt8(piece)]) else { return [] }
                }
                return index % 10 == 0 ? [Failure(index: index)] : []
            }
        }, consume: { index, event in
            switch event {
            case .output(let bytes):
                #expect(bytes[0] == UInt8(index))
                seen += bytes
            case .end(let errors): ends.append((index, errors.map { "\($0)" }))
            }
        })
        var expected: [UInt8] = []
        for index in 0..<60 { for piece in 0..<(index % 7) * 3 { expected += [UInt8(index), UInt8(piece)] } }
        #expect(seen == expected)
        #expect(ends.map(\.0) == Array(0..<60))
        #expect(ends.filter { !$0.1.isEmpty }.map(\.1) == [["item 0"], ["item 10"], ["item 20"], ["item 30"], ["item 40"], ["item 50"]])
    }

    /// A failed write (consume throws) stops the workers and is rethrown.
    @Test func consumerFailureStopsTheRun() throws {
        struct WriteFailed: Error {}
        let pipeline = OrderedPipeline(count: 1000, workers: 2, window: 4, itemBuffer: 4)
        var consumed = 0
        #expect(throws: WriteFailed.self) {
            try pipeline.run(makeWork: {
                { index, emit in
                    for _ in 0..<100 { guard emit([1, 2, 3]) else { return [] } }
                    return []
                }
            }, consume: { index, event in
                consumed += 1
                if index == 5 { throw WriteFailed() }
            })
        }
        #expect(consumed < 1000)
    }

    @Test func setupFailureIsRethrown() throws {
        struct NoLexicon: Error {}
        let pipeline = OrderedPipeline(count: 3, workers: 2)
        #expect(throws: NoLexicon.self) {
            try pipeline.run(makeWork: { throw NoLexicon() }, consume: { _, _ in })
        }
    }
}
