import Figures
import Foundation
import Testing
@testable import CrossCheck

@Suite struct FindingTests {
    static let figures: [Finding.FigureRef] = [
        .init(text: "trên 2.400 đảng viên", start: 2485, end: 2505, id: 3),
        .init(text: "9.711 đảng viên", start: 2437, end: 2452, id: 2),
    ]

    /// A finding and its JSON line: `holds` only when decided.
    @Test(arguments: [
        (Finding.Verdict.holds, Finding.Severity.consistent,
         #"{"article":"ket-nap-dang-vien-2018.txt","computation":"c","computationEnglish":"e","figures":[{"end":2505,"id":3,"start":2485,"text":"trên 2.400 đảng viên"},{"end":2452,"id":2,"start":2437,"text":"9.711 đảng viên"}],"holds":true,"kind":"average","severity":"consistent","verdict":"holds"}"#),
        (.fails, .error,
         #"{"article":"ket-nap-dang-vien-2018.txt","computation":"c","computationEnglish":"e","figures":[{"end":2505,"id":3,"start":2485,"text":"trên 2.400 đảng viên"},{"end":2452,"id":2,"start":2437,"text":"9.711 đảng viên"}],"holds":false,"kind":"average","severity":"error","verdict":"fails"}"#),
        (.undecided, .info,
         #"{"article":"ket-nap-dang-vien-2018.txt","computation":"c","computationEnglish":"e","figures":[{"end":2505,"id":3,"start":2485,"text":"trên 2.400 đảng viên"},{"end":2452,"id":2,"start":2437,"text":"9.711 đảng viên"}],"kind":"average","severity":"info","verdict":"undecided"}"#),
    ])
    func jsonLine(verdict: Finding.Verdict, severity: Finding.Severity, expected: String) throws {
        let f = Finding(article: "ket-nap-dang-vien-2018.txt", kind: .average, verdict: verdict, severity: severity,
                        figures: Self.figures, computation: "c", computationEnglish: "e")
        #expect(try f.jsonLine() == expected)
        #expect(try JSONDecoder().decode(Finding.self, from: Data(expected.utf8)) == f)
    }

    /// The scorer's own form (`holds` or `verdict`, nothing more) reads back.
    @Test(arguments: [
        (#"{"article":"a.txt","kind":"repeat","holds":false,"figures":[{"text":"5 ha","start":1,"end":5,"id":1}]}"#, Finding.Verdict.fails),
        (#"{"article":"a.txt","kind":"repeat","verdict":"holds","figures":[{"text":"5 ha","start":1,"end":5,"id":1}]}"#, .holds),
        (#"{"article":"a.txt","kind":"repeat","figures":[{"text":"5 ha","start":1,"end":5,"id":1}]}"#, .undecided),
    ])
    func reads(line: String, verdict: Finding.Verdict) throws {
        let f = try JSONDecoder().decode(Finding.self, from: Data(line.utf8))
        #expect(f.kind == .repeat && f.verdict == verdict && f.figures.count == 1)
    }

    /// JSON Lines leave undecided findings out unless asked.
    @Test func lines() throws {
        let make = { (v: Finding.Verdict) in
            Finding(article: "a", kind: .sum, verdict: v, severity: .info, figures: [], computation: "", computationEnglish: "")
        }
        let all = [make(.holds), make(.undecided), make(.fails)]
        #expect(try Finding.jsonLines(all).split(separator: "\n").count == 2)
        #expect(try Finding.jsonLines(all, undecided: true).split(separator: "\n").count == 3)
        #expect(try Finding.jsonLines(all).hasSuffix("\n"))
    }

    /// Numbers in computations.
    @Test(arguments: [
        ("2427.75", "2.427,75", "2,427.75"),
        ("9711", "9.711", "9,711"),
        ("200", "200", "200"),
        ("0.3333333", "0,33", "0.33"),
        ("-1234567.5", "-1.234.567,5", "-1,234,567.5"),
        ("2427.625", "2.427,63", "2,427.63"),
    ])
    func numbers(value: String, vietnamese: String, english: String) {
        let x = Decimal(string: value)!
        #expect(Language.vietnamese.number(x) == vietnamese)
        #expect(Language.english.number(x) == english)
    }
}
