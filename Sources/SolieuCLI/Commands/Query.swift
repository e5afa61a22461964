import ArgumentParser
import CrossCheck
import FigureStore
import Figures
import Foundation

extension Solieu {
    struct Query: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, jsonl, csv }

        static let configuration = CommandConfiguration(
            abstract: "Find figures in the database by words, unit, value, time, qualifier, article, place, subject or person.",
            discussion: """
            TEXT is matched against the figures' sentences with diacritics and đ folded: 'dang vien' finds \
            'đảng viên'; sentences with the diacritics as typed rank first. --place, --subject and --person \
            match whole words, folded the same way, in any order: --place 'Vĩnh Phúc' finds figures about \
            'tỉnh Vĩnh Phúc' and about places within it ('xã Lãng Công'). Values are plain numbers \
            (1000000000, 1e9, 2.5). Without --format: a table on a terminal, JSON Lines otherwise.

            With --findings, lists the stored findings of the cross-checker instead (see 'solieu check'), the \
            gravest first, then the newest article: --severity keeps those at least as grave, --kind those of \
            one kind, --article those that name a figure of that article.
            """
        )

        @Argument(help: "Words to find in the figures' sentences.")
        var text: String?

        @Option(name: .long, help: "The unit, exactly (case-insensitive): 'đảng viên', 'đồng', '%'.")
        var unit: String?

        @Option(name: .long, help: "The smallest value.")
        var min: String?

        @Option(name: .long, help: "The largest value.")
        var max: String?

        @Option(name: .long, help: "Figures whose time overlaps this year.")
        var year: Int?

        @Option(name: .long, help: "Figures whose time overlaps this period: 2018, 2018-Q1, 2018-06, 2018-06-30, 2016/2020.")
        var time: String?

        @Option(name: .long, help: "exact, over, under, approx, nearly, atLeast or atMost.")
        var qualifier: Qualifier?

        @Option(name: .long, help: "Only this article (its name).")
        var article: String?

        @Option(name: .long, help: "Figures about this place, or a place within it: 'Vĩnh Phúc', 'vinh phuc', 'xã Lãng Công'.")
        var place: String?

        @Option(name: .long, help: "Figures whose subject has these words: 'Đảng bộ tỉnh', 'huyen uy'.")
        var subject: String?

        @Option(name: .long, help: "Figures of articles that name this person: 'Hoàng Văn Toàn'.")
        var person: String?

        @Option(name: .long, help: "At most this many figures.")
        var limit: Int?

        @Option(name: .long, help: "table, json, jsonl or csv (not with --findings).")
        var format: Format?

        @Flag(name: .long, help: "List the stored findings of the cross-checker instead of figures.")
        var findings = false

        @Option(name: .long, help: "With --findings: the least severity (consistent, info, warning, error).")
        var severity: Finding.Severity?

        @Option(name: .long, help: "With --findings: only this kind (sum, share, average, change, ratio, target, breakdown, repeat, conflict).")
        var kind: Finding.Kind?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if !findings {
                if severity != nil { throw ValidationError("--severity goes with --findings") }
                if kind != nil { throw ValidationError("--kind goes with --findings") }
            } else {
                let figureOptions: [(String, Bool)] = [
                    ("TEXT", text != nil), ("--unit", unit != nil), ("--min", min != nil), ("--max", max != nil), ("--year", year != nil),
                    ("--time", time != nil), ("--qualifier", qualifier != nil), ("--place", place != nil), ("--subject", subject != nil),
                    ("--person", person != nil),
                ]
                if let (option, _) = figureOptions.first(where: \.1) {
                    throw ValidationError("\(option) filters figures, not findings: --findings takes --severity, --kind, --article, --limit and --format")
                }
                if format == .csv { throw ValidationError("--findings has no csv format: table, json or jsonl") }
            }
            if year != nil && time != nil { throw ValidationError("--year and --time cannot be used together") }
            if let time, Period(time) == nil { throw ValidationError("--time '\(time)' is not a period (2018, 2018-Q1, 2018-06, 2018-06-30, 2016/2020)") }
            if let min, Self.number(min) == nil { throw ValidationError("--min '\(min)' is not a number") }
            if let max, Self.number(max) == nil { throw ValidationError("--max '\(max)' is not a number") }
            if let lo = min.flatMap(Self.number), let hi = max.flatMap(Self.number), lo > hi {
                throw ValidationError("--min \(min!) is above --max \(max!)")
            }
            if let limit, limit < 1 { throw ValidationError("--limit \(limit) is not a positive number") }
            if let text, text.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the search text is empty") }
            for (option, value) in [("--place", place), ("--subject", subject), ("--person", person)] {
                if let value, !value.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                    throw ValidationError("\(option) '\(value)' has no word to look for")
                }
            }
        }

        /// A plain number (`1000`, `-2.5`, `1e9`); nil for anything else.
        static func number(_ s: String) -> Decimal? {
            let allowed = Set("0123456789.-+eE")
            guard !s.isEmpty, s.allSatisfy({ allowed.contains($0) }), let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            return d
        }

        var query: FigureQuery {
            FigureQuery(text: text, unit: unit, min: min.flatMap(Self.number), max: max.flatMap(Self.number),
                        year: year, time: time.flatMap(Period.init), qualifier: qualifier, article: article,
                        place: place, subject: subject, person: person, limit: limit)
        }

        func run() throws {
            let figureStore = try store.openExisting(readOnly: true)
            if findings {
                let found = try figureStore.findings(matching: FindingQuery(severity: severity, kind: kind, article: article, limit: limit))
                let format = format ?? (Terminal.isTerminal(1) ? .table : .jsonl)
                try Console.run { output, _ in try output.write(Self.render(found, format: format)) }
                return
            }
            let found = try figureStore.figures(matching: query)
            let format = format ?? (Terminal.isTerminal(1) ? .table : .jsonl)
            try Console.run { output, _ in
                try output.write(Self.render(found.map { Row(article: $0.articleName, date: $0.articleDate, figure: $0.figure) }, format: format))
            }
        }

        /// One figure to print, with its article.
        struct Row {
            var article: String
            var date: CalendarDay?
            var figure: Figure
        }

        static func render(_ found: [Row], format: Format) -> String {
            switch format {
            case .table:
                var table = Table(header: ["article", "date", "time", "value", "unit", "qualifier", "subject", "place", "text"],
                                  limits: [28, 10, 12, 22, 18, 9, 24, 40, 48])
                table.rightAligned = [3]
                for s in found {
                    let f = s.figure
                    let value = f.valueMax.map { "\(RecordEncoder.decimalText(f.value))–\(RecordEncoder.decimalText($0))" } ?? RecordEncoder.decimalText(f.value)
                    table.append([s.article, s.date?.description ?? "", f.time?.description ?? "", value,
                                  f.unit + (f.rate.map { "/\($0)" } ?? ""), f.qualifier.rawValue,
                                  f.subject?.text ?? "", Self.placeCell(f.place), f.text])
                }
                return table.render() + "(\(found.count) figure\(found.count == 1 ? "" : "s"))\n"
            case .jsonl:
                var out: [UInt8] = []
                for s in found {
                    RecordEncoder.appendFigure(s.figure, to: &out)
                    out.append(0x0A)
                }
                return String(decoding: out, as: UTF8.self)
            case .json:
                var out: [UInt8] = Array("[".utf8)
                for (i, s) in found.enumerated() {
                    out += (i == 0 ? "\n" : ",\n").utf8
                    RecordEncoder.appendFigure(s.figure, to: &out)
                }
                out += (found.isEmpty ? "]\n" : "\n]\n").utf8
                return String(decoding: out, as: UTF8.self)
            case .csv:
                // the figure's columns, then its subject's and place's text (as `extract` writes them)
                return FigureCSV.header + ",subject,place\n" + found.map { s in
                    var out: [UInt8] = []
                    out += FigureCSV.row(s.figure).utf8
                    out.append(0x2C)
                    RecordEncoder.appendCSVField(s.figure.subject?.text ?? "", to: &out)
                    out.append(0x2C)
                    RecordEncoder.appendCSVField(s.figure.place?.text ?? "", to: &out)
                    out.append(0x0A)
                    return String(decoding: out, as: UTF8.self)
                }.joined()
            }
        }

        /// Stored findings: a table (`article` column with `withArticle`), JSON Lines (one
        /// `Finding` a line, as `check` writes them, undecided ones and conflicts included) or a
        /// JSON array of them.
        static func render(_ found: [StoredFinding], format: Format, withArticle: Bool = true) -> String {
            switch format {
            case .table, .csv:
                var table = Table(header: (withArticle ? ["article"] : []) + ["severity", "kind", "verdict", "figures", "computation"],
                                  limits: (withArticle ? [28] : []) + [nil, nil, nil, 60, nil])
                for s in found {
                    let f = s.finding
                    let figures = f.figures.map { ($0.article.map { "\($0): " } ?? "") + $0.text }.joined(separator: " ; ")
                    table.append((withArticle ? [f.article ?? ""] : []) + [f.severity.rawValue, f.kind.rawValue, f.verdict.rawValue, figures, f.computation])
                }
                return table.render() + "(\(found.count) finding\(found.count == 1 ? "" : "s"))\n"
            case .jsonl:
                return found.compactMap { try? $0.finding.jsonLine() + "\n" }.joined()
            case .json:
                let lines = found.compactMap { try? $0.finding.jsonLine() }
                return lines.isEmpty ? "[]\n" : "[\n" + lines.joined(separator: ",\n") + "\n]\n"
            }
        }

        /// A place as a table shows it: `xã Lãng Công (tỉnh Vĩnh Phúc)`, the larger places in
        /// parentheses, most specific first.
        static func placeCell(_ place: FigureContext?) -> String {
            guard let place else { return "" }
            return place.within.isEmpty ? place.text : "\(place.text) (\(place.within.joined(separator: ", ")))"
        }
    }
}

extension Qualifier: ExpressibleByArgument {}
