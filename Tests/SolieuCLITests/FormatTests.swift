import Foundation
import Testing
import Figures
@testable import SolieuCLI

let header = "article,id,text,value,valueMax,unit,qualifier,rate,time,start,end,sentenceIndex,sentence,precision,schemaVersion,subject,place\n"

@Suite struct CSVTests {
    /// Article names are file names, which may hold CR LF, commas and quotes. `\r\n` is one
    /// Character in Swift and `,` followed by a combining mark is one too: a per-Character
    /// check misses both; the fields must be quoted (RFC 4180) all the same.
    @Test func fieldsWithLineBreaksCommasAndQuotesAreQuoted() throws {
        let text = Array("Có 300 hộ.\n".utf8)
        let names = ["a\r\nb.txt", "c,\u{301}d.txt", "q\"x.txt", "lf\nonly.txt"]
        let scratch = try Scratch(Dictionary(uniqueKeysWithValues: names.map { ($0, text) }))
        defer { scratch.cleanup() }
        let run = try solieu(["extract", "--format", "csv"] + names.map(scratch.path))
        #expect(run.status == 0)
        #expect(run.stdout == header
            + "\"a\r\nb.txt\",1,300 hộ,300,,hộ,exact,,,3,9,0,Có 300 hộ.,1,3,,\n"
            + "\"c,\u{301}d.txt\",1,300 hộ,300,,hộ,exact,,,3,9,0,Có 300 hộ.,1,3,,\n"
            + "\"q\"\"x.txt\",1,300 hộ,300,,hộ,exact,,,3,9,0,Có 300 hộ.,1,3,,\n"
            + "\"lf\nonly.txt\",1,300 hộ,300,,hộ,exact,,,3,9,0,Có 300 hộ.,1,3,,\n")
    }

    @Test func fieldQuoting() {
        func field(_ s: String) -> String {
            var out: [UInt8] = []
            RecordEncoder.appendCSVField(s, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        #expect(field("plain text") == "plain text")
        #expect(field("a\rb") == "\"a\rb\"")
        #expect(field("a\r\nb") == "\"a\r\nb\"")
        #expect(field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(field("\"\u{301}") == "\"\"\"\u{301}\"")
        #expect(field("") == "")
    }

    /// The generic row renderer gives what FigureCSV.row gives for ordinary records.
    @Test func rowsMatchFigureCSV() throws {
        let figures = [
            Figure(text: "trên 2.400 đảng viên", value: Decimal(2400), unit: "đảng viên", qualifier: .over,
                   time: Period("2018"), start: 23, end: 43, sentence: "Năm 2018 có trên 2.400 đảng viên.", numberStyle: .vietnamese, article: "a.txt"),
            Figure(text: "10-15%", value: Decimal(10), valueMax: Decimal(15), unit: "%", rate: "năm", start: 9, end: 15,
                   sentence: "Giá tăng 10-15%.", article: nil),
            Figure(text: "1,5 tỷ", value: Decimal(string: "1.5")! * 1_000_000_000, unit: "", start: 0, end: 6, sentence: "x"),
        ]
        let encoder = RecordEncoder()
        for f in figures {
            var out: [UInt8] = []
            try encoder.appendCSV(f, columns: FigureCSV.columns, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == FigureCSV.row(f))
        }
    }
}

@Suite struct JSONRecordTests {
    func reference<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    func fast<T: Encodable>(_ value: T) throws -> String {
        var out: [UInt8] = []
        try RecordEncoder().appendJSON(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte for byte what JSONEncoder writes: escapes, decimals, nulls, absent optionals.
    @Test func figuresEncodeAsJSONEncoderDoes() throws {
        var controls = ""
        for c in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
        let strings = ["", "plain", "a/b\\c\"d", controls, "\u{7F}\u{2028}\u{2029}😀 Hòa", "tab\there"]
        let decimals: [Decimal] = [0, 2400, 1_500_000_000, Decimal(string: "0.75")!, Decimal(string: "-3.5")!,
                                   Decimal(string: "0.0000001")!, Decimal(string: "123456789012345678901234567890")!,
                                   Decimal(string: "-1200000")!, Decimal(string: "2.400")!]
        for (n, s) in strings.enumerated() {
            for d in decimals {
                let f = Figure(text: s, value: d, valueMax: n % 2 == 0 ? d : nil, unit: s, qualifier: Qualifier.allCases[(n + decimals.firstIndex(of: d)!) % Qualifier.allCases.count],
                               rate: n % 3 == 0 ? nil : s, time: n % 2 == 0 ? Period("2017-01..2017-05") : nil, start: n, end: -n, sentence: s,
                               numberStyle: n % 2 == 0 ? .english : nil, article: n % 3 == 1 ? nil : s)
                #expect(try fast(f) == reference(f))
            }
        }
    }

    /// With a subject and a place (nested, optional fields; `within` only when not empty).
    @Test func subjectAndPlaceEncodeAsJSONEncoderDoes() throws {
        let contexts: [FigureContext?] = [
            nil,
            FigureContext(text: "toàn tỉnh", start: 3, end: 12),
            FigureContext(text: "tỉnh Vĩnh Phúc"),
            FigureContext(text: "xã \"Lãng\" Công", entity: 2, start: 40, end: 52, within: ["huyện Sông Lô", "tỉnh Vĩnh Phúc"]),
            FigureContext(text: "", entity: 0, within: []),
        ]
        for subject in contexts {
            for place in contexts {
                var f = Figure(text: "300 hộ", value: 300, unit: "hộ", start: 3, end: 9, sentence: "Có 300 hộ.", article: "a.txt")
                f.subject = subject
                f.place = place
                #expect(try fast(f) == reference(f))
            }
        }
    }

    struct Nested: Encodable {
        var name = "x"
        var list = [1, 2]
        var inner = ["b": 1.5, "a": 0.1]
        var double = 0.1
        var flag: Bool? = true
        var missing: Int? = nil
    }

    struct Array2: Encodable {
        func encode(to encoder: any Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode("a")
        }
    }

    /// Records the fast path does not handle (nested values, floating point) fall back to JSONEncoder.
    @Test func otherRecordsFallBackToJSONEncoder() throws {
        #expect(try fast(Nested()) == reference(Nested()))
        #expect(try fast(Array2()) == reference(Array2()))
        #expect(try fast(["k": "v"]) == reference(["k": "v"]))
    }
}

@Suite struct StreamingTests {
    /// json streams one object per article (`{"article", "figures"}`), figures separated by `,\n`.
    @Test func jsonIsStreamedArticleByArticle() throws {
        let scratch = try Scratch(["a.txt": Array("Có 300 hộ, 5 xã.\n".utf8), "b.txt": Array("Xin chào.\n".utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["extract", scratch.dir.path, "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stdout == """
        [
        {"article":"a.txt","figures":[
        {"article":"a.txt","end":9,"id":1,"interval":{"lower":299.5,"lowerOpen":false,"upper":300.5,"upperOpen":false},"precision":1,"qualifier":"exact","rate":null,"schemaVersion":3,"sentence":"Có 300 hộ, 5 xã.","sentenceIndex":0,"start":3,"text":"300 hộ","time":null,"unit":"hộ","value":300},
        {"article":"a.txt","end":15,"id":2,"interval":{"lower":4.5,"lowerOpen":false,"upper":5.5,"upperOpen":false},"precision":1,"qualifier":"exact","rate":null,"schemaVersion":3,"sentence":"Có 300 hộ, 5 xã.","sentenceIndex":0,"start":11,"text":"5 xã","time":null,"unit":"xã","value":5}
        ]},
        {"article":"b.txt","figures":[]}
        ]

        """)
        let empty = try solieu(["extract", "-", "--format", "json"], stdin: "")
        #expect(empty.stdout == "[\n{\"article\":\"stdin\",\"figures\":[]}\n]\n")
    }

    /// A line longer than a piece (here 180k UTF-16 units, cut in 64k pieces) is tokenized piece
    /// by piece: sentences numbered on, offsets (scalars: the emoji is two UTF-16 units, one
    /// scalar) into the whole line, exactly what one analysis of the line gives.
    @Test func tokenizeLongLineInPieces() throws {
        let count = 15_000
        let sentence = "😀 Có 2 hộ. "
        let scratch = try Scratch(["long.txt": Array(String(repeating: sentence, count: count).utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["tokenize", scratch.path("long.txt")])
        #expect(run.status == 0)
        var expected = "# \(scratch.path("long.txt"))\n"
        for k in 0..<count {
            let o = 11 * k
            expected += "sentence \(k + 1) [\(o)..<\(o + 10)]: 😀 Có 2 hộ.\n"
            expected += "  \(o)..<\(o + 1)\tsymbol\t😀\n  \(o + 2)..<\(o + 4)\tsyllable\tCó\n  \(o + 5)..<\(o + 6)\tnumber\t2\n"
            expected += "  \(o + 7)..<\(o + 9)\tsyllable\thộ\n  \(o + 9)..<\(o + 10)\tpunctuation\t.\n  words: 😀 Có 2 hộ .\n"
        }
        #expect(run.stdout == expected)

        let json = try solieu(["tokenize", scratch.path("long.txt"), "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sentences = try #require(report["sentences"] as? [[String: Any]])
        #expect(sentences.count == count)
        #expect(sentences.last?["start"] as? Int == 11 * (count - 1))
        #expect((sentences.last?["tokens"] as? [[String: Any]])?.last?["end"] as? Int == 11 * (count - 1) + 10)
        #expect(report["source"] as? String == scratch.path("long.txt"))
    }

    @Test func tokenizeJSONOfEmptyInputKeepsItsShape() throws {
        let run = try solieu(["tokenize", "-", "--format", "json"], stdin: "")
        #expect(run.stdout == "{\n  \"schemaVersion\" : 1,\n  \"sentences\" : [\n\n  ],\n  \"source\" : \"-\"\n}\n")
    }

    /// Segmenting a long line in pieces gives the line's output: words joined by spaces, one line.
    @Test func segmentLongLineInPieces() throws {
        let count = 6_000
        let sentence = "Tỉnh ủy kết nạp 2.338 đảng viên. "
        let text = String(repeating: sentence, count: count) + "\nCó 5 xã.\n"
        let run = try solieu(["segment"], stdin: text)
        #expect(run.status == 0)
        let words = Array(repeating: "Tỉnh_ủy kết_nạp 2.338 đảng_viên .", count: count)
        #expect(run.stdout == words.joined(separator: " ") + "\nCó 5 xã .\n")
        let sentences = try solieu(["segment", "--sentences"], stdin: text)
        #expect(sentences.stdout == words.map { $0 + "\n" }.joined() + "Có 5 xã .\n")
    }

    @Test func piecesAreCutAtSentenceEndsThenSpaces() {
        let text = Array("Một câu. Hai câu dài hơn nữa".utf16)
        text.withUnsafeBufferPointer { u in
            #expect(Chunks.end(u, from: 0, limit: 100) == text.count)
            #expect(Chunks.end(u, from: 0, limit: 14) == 9)            // after "Một câu. "
            #expect(Chunks.end(u, from: 9, limit: 12) == 21)           // after the last space: "Hai câu dài "
        }
        let emoji = Array("😀😀😀😀".utf16)
        emoji.withUnsafeBufferPointer { u in
            #expect(Chunks.end(u, from: 0, limit: 3) == 4)             // not inside a surrogate pair
        }
    }
}

@Suite struct WarningTests {
    /// A number too long to hold exactly is no figure and a warning with its position; the other
    /// figures are still written and the run succeeds.
    @Test func tooLongNumberIsAWarningWithItsPosition() throws {
        let digits = String(repeating: "9", count: 45)
        let scratch = try Scratch(["so.txt": Array("Dòng đầu.\nSố dư \(digits) đồng và 12 xã.\n".utf8)])
        defer { scratch.cleanup() }
        let run = try solieu(["extract", scratch.path("so.txt"), "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stderr == "solieu: \(scratch.path("so.txt")):2:7: warning: a number of 45 digits is longer than 30 and is not read\n")
        #expect(run.stdout == header + "so.txt,1,12 xã,12,,xã,exact,,,70,75,1,Số dư \(digits) đồng và 12 xã.,1,3,,\n")
    }
}

@Suite struct DecimalTextTests {
    /// The fast decimal text is exactly `description` (what JSONEncoder writes).
    @Test(arguments: ["0", "1", "-1", "2400", "2399.5", "1500000000", "0.75", "-3.5", "0.0000001", "2.400", "-15", "35.335",
                      "123456789012345678901234567890", "-1200000", "1e20", "4611686018427387903", "4611686018427387904", "0.01",
                      "100000000", "12999500000000", "-0.5"])
    func sameAsDescription(text: String) throws {
        let d = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(RecordEncoder.decimalText(d) == d.description)
        let scaled = d * Decimal(string: "0.001")!
        #expect(RecordEncoder.decimalText(scaled) == scaled.description)
    }
}
