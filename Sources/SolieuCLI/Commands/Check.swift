import ArgumentParser
import CrossCheck
import FigureStore
import Foundation
import SoLieu

extension Solieu {
    struct Check: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl, json }

        static let configuration = CommandConfiguration(
            abstract: "Cross-check the figures of articles (totals, shares, averages, changes, ratios, targets, repeats) and of the database's articles against each other.",
            discussion: """
            With FILE or DIR arguments (as for extract), checks those articles, and (text, or --conflicts) \
            the conflicts across them after their own findings. Without, checks the database \
            (--db): the in-article checks of the articles never checked (every article with --all; ingest \
            checks what it stores), then the conflicts across all stored articles (figures of the same \
            unit, subject or place and time that cannot all be true); the findings are stored, replacing \
            the old ones, and every stored finding is printed, article by article.

            Each finding names its kind, verdict (holds, fails, undecided), severity (consistent, info, \
            warning, error), its figures, and the arithmetic in Vietnamese and English. text prints each \
            finding with its figures' sentences, the figures [marked] (in colour on a terminal), and a \
            count by severity at the end; by default findings that hold (consistent) are counted but not \
            shown (--severity consistent shows them). jsonl writes one decided finding a line as \
            ../shared/tools/score-relations reads it (with --db, conflicts too); json one object \
            {"article", "findings"} per article. A finding that fails is no error: the exit status is 1 \
            only when an input could not be read (it is reported, and the others are checked).
            """
        )

        @Argument(help: "Article files or directories of them; none: the database.")
        var inputs: [String] = []

        @Option(name: .long, help: "Output format: text, jsonl or json.")
        var format: Format = .text

        @Option(name: .long, help: "The least severity printed: consistent, info, warning or error (default: info for text, consistent otherwise).")
        var severity: Finding.Severity?

        @Option(name: .long, help: "Colour the figures and severities (text): auto (on a terminal), always or never.")
        var color: Show.Color = .auto

        @Flag(name: .long, inversion: .prefixedNo, help: "With FILEs: look for conflicts across them too (default: for text; jsonl and json stay what score-relations reads).")
        var conflicts: Bool?

        @Flag(name: .long, help: "With the database: check every stored article again, not only those never checked.")
        var all = false

        @Option(name: .long, help: "Articles analyzed in parallel (default: the number of active processors).")
        var jobs: Int?

        @OptionGroup var store: StoreOptions

        @OptionGroup var options: AnalysisOptions

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs) is not a positive number") }
            if all && !inputs.isEmpty { throw ValidationError("--all checks the database again: it takes no FILE") }
            if conflicts != nil && inputs.isEmpty { throw ValidationError("--conflicts and --no-conflicts are for FILEs: the database is always checked across its articles") }
        }

        var leastSeverity: Finding.Severity { severity ?? (format == .text ? .info : .consistent) }

        func run() throws {
            if inputs.isEmpty { try runDatabase() } else { try runFiles() }
        }

        /// `check FILE...`: each article analysed and checked.
        func runFiles() throws {
            let analyzer = try Extract.makeAnalyzer(options)
            let (paths, problems) = Extract.expand(inputs)
            let format = format, least = leastSeverity, explicit = severity != nil
            let style = FindingText.Style(colour: color == .always || (color == .auto && Terminal.isTerminal(1)))
            let checker = CrossChecker()
            let tally = FindingTally()
            let across = conflicts ?? (format == .text)
            let gathered = ArticleGathering(sentences: format == .text)
            let pipeline = OrderedPipeline(count: paths.count, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            try Console.run { output, failed in
                if format == .json { try output.write("[\n") }
                for problem in problems { Console.report(problem); failed = true }
                try pipeline.write(to: output, jsonArray: format == .json, failed: &failed, makeWork: {
                    let worker = try analyzer.makeWorker()
                    return { index, emit in
                        let source = ArticleSource()
                        let (units, errors) = source.units([paths[index]])
                        var all: [any Error] = errors
                        var out = ""
                        for (position, unit) in units.enumerated() {
                            switch source.read(unit) {
                            case .failure(let error): all.append(error)
                            case .success(let article):
                                let analysis = worker.analyze(article)
                                if across { gathered.add(analysis, at: [index, position]) }
                                let findings = checker.check(analysis)
                                tally.add(findings, articles: 1)
                                let shown = explicit || format == .text ? findings.filter { Self.shown($0, least) } : findings
                                switch format {
                                case .jsonl: out += (try? Finding.jsonLines(shown)) ?? ""
                                case .json:
                                    out += (out.isEmpty ? "" : ",\n") + Self.jsonObject(article: article.name, shown)
                                case .text:
                                    out += FindingText.render(StoredFinding.of(shown, in: analysis), style: style)
                                }
                            }
                        }
                        if !out.isEmpty { _ = emit(Array(out.utf8)) }
                        return all
                    }
                })
                // the conflicts across the articles given, after theirs
                let conflicts = gathered.count > 1 ? checker.conflicts(gathered.articles) : []
                tally.add(conflicts, articles: 0)
                let shownConflicts = explicit || format == .text ? conflicts.filter { Self.shown($0, least) } : conflicts
                switch format {
                case .jsonl: for f in shownConflicts { try output.write(try f.jsonLine() + "\n") }
                case .json:
                    for (article, group) in Self.byArticle(shownConflicts) { try output.write(",\n" + Self.jsonObject(article: article, group)) }
                case .text: try output.write(FindingText.render(StoredFinding.of(conflicts: shownConflicts, sentences: gathered.sentences), style: style))
                }
                if format == .json { try output.write("\n]\n") }
                if format == .text { try output.write(FindingText.summary(tally.counts, articles: tally.articles, least: least, style: style)) }
            }
        }

        /// `check [--db PATH] [--all]`: the stored articles never checked (all), then the
        /// conflicts across them; then every stored finding printed, by article.
        func runDatabase() throws {
            let started = Date()
            let figureStore = try store.openExisting()
            let format = format, least = leastSeverity
            let style = FindingText.Style(colour: color == .always || (color == .auto && Terminal.isTerminal(1)))
            let summary = try figureStore.check(all: all, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            let elapsed = Date().timeIntervalSince(started)
            var counts: [Finding.Severity: Int] = [:]
            let articles = try figureStore.counts().articles
            var objects = 0
            var group: (article: String, findings: [Finding])?
            try Console.run { output, _ in
                func endGroup() throws {
                    guard let g = group else { return }
                    try output.write((objects == 0 ? "\n" : ",\n") + Self.jsonObject(article: g.article, g.findings))
                    objects += 1
                    group = nil
                }
                if format == .json { try output.write("[") }
                try figureStore.forEachFinding(matching: FindingQuery(), sentences: format == .text) { found in
                    for f in found { counts[f.finding.severity, default: 0] += 1 }
                    let shown = found.filter { Self.shown($0.finding, least) }
                    switch format {
                    case .text:
                        try output.write(FindingText.render(shown, style: style))
                    case .jsonl:
                        for f in shown where f.finding.verdict != .undecided {
                            try output.write(try f.finding.jsonLine() + "\n")
                        }
                    case .json:
                        for f in shown.map(\.finding) {
                            if let g = group, g.article == f.article ?? "" {
                                group!.findings.append(f)
                            } else {
                                try endGroup()
                                group = (f.article ?? "", [f])
                            }
                        }
                    }
                }
                if format == .json {
                    try endGroup()
                    try output.write(objects == 0 ? "]\n" : "\n]\n")
                }
                if format == .text {
                    try output.write(FindingText.summary(counts, articles: articles, least: least, style: style))
                }
            }
            Console.write("""
                solieu: checked \(summary.articles) article\(summary.articles == 1 ? "" : "s") in \(store.db) \
                (\(summary.findings) finding\(summary.findings == 1 ? "" : "s")) and \(summary.candidates) figures across articles \
                (\(summary.conflicts) conflict\(summary.conflicts == 1 ? "" : "s")) in \(String(format: "%.1f", elapsed)) s\n
                """)
        }

        /// Findings grouped by their article, in the order of each article's first finding.
        static func byArticle(_ findings: [Finding]) -> [(String, [Finding])] {
            var groups: [(String, [Finding])] = []
            for f in findings {
                if let i = groups.firstIndex(where: { $0.0 == f.article ?? "" }) { groups[i].1.append(f) } else { groups.append((f.article ?? "", [f])) }
            }
            return groups
        }

        static func shown(_ f: Finding, _ least: Finding.Severity) -> Bool {
            FindingQuery.rank(f.severity) <= FindingQuery.rank(least)
        }

        /// `{"article":...,"findings":[...]}`, the findings one a line.
        static func jsonObject(article: String, _ findings: [Finding]) -> String {
            "{\"article\":\(quoted(article)),\"findings\":[" + findings.compactMap { try? $0.jsonLine() }.joined(separator: ",\n") + "]}"
        }

        static func quoted(_ s: String) -> String {
            String(decoding: (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
        }
    }
}

extension Finding.Severity: ExpressibleByArgument {}
extension Finding.Kind: ExpressibleByArgument {}

/// The figures of the articles `check FILE...` analysed, added to from worker threads, for
/// the conflicts across them; with `sentences`, each figure's sentence too (to show them).
final class ArticleGathering: @unchecked Sendable {
    private let lock = NSLock()
    private let keepSentences: Bool
    private var gathered: [(order: [Int], figures: ArticleFigures)] = []
    private var sentencesByArticle: [String: [Int: FindingSentence]] = [:]

    init(sentences: Bool) { keepSentences = sentences }

    /// Adds an article at `order` (its input's index, then its place in the input).
    func add(_ analysis: ArticleAnalysis, at order: [Int]) {
        let sentences = keepSentences ? StoredFinding.sentences(of: analysis) : [:]
        lock.lock()
        defer { lock.unlock() }
        gathered.append((order, ArticleFigures(article: analysis.article.name, figures: analysis.figures)))
        if keepSentences { sentencesByArticle[analysis.article.name] = sentences }
    }

    var count: Int { lock.lock(); defer { lock.unlock() }; return gathered.count }
    /// The articles in input order (as the command read them, whatever thread analysed them).
    var articles: [ArticleFigures] {
        lock.lock(); defer { lock.unlock() }
        return gathered.sorted { $0.order.lexicographicallyPrecedes($1.order) }.map(\.figures)
    }
    var sentences: [String: [Int: FindingSentence]] { lock.lock(); defer { lock.unlock() }; return sentencesByArticle }
}

/// Counts of findings by severity, added to from worker threads.
final class FindingTally: @unchecked Sendable {
    private let lock = NSLock()
    private var bySeverity: [Finding.Severity: Int] = [:]
    private var articleCount = 0

    func add(_ findings: [Finding], articles: Int) {
        lock.lock()
        defer { lock.unlock() }
        for f in findings { bySeverity[f.severity, default: 0] += 1 }
        articleCount += articles
    }

    var counts: [Finding.Severity: Int] { lock.lock(); defer { lock.unlock() }; return bySeverity }
    var articles: Int { lock.lock(); defer { lock.unlock() }; return articleCount }
}

/// Findings as text for a reader: for each, a header (article: severity: kind verdict), the
/// sentences of its figures with the figures marked, and the arithmetic in Vietnamese and English.
enum FindingText {
    struct Style {
        var colour: Bool

        func figure(_ s: String) -> String { colour ? "\u{1B}[1;33m" + s + "\u{1B}[0m" : "[" + s + "]" }

        func severity(_ s: Finding.Severity) -> String {
            guard colour else { return s.rawValue }
            let code = switch s {
            case .error: "1;31"
            case .warning: "33"
            case .info: "36"
            case .consistent: "32"
            }
            return "\u{1B}[\(code)m\(s.rawValue)\u{1B}[0m"
        }
    }

    /// ```
    /// seed.txt: error: average fails
    ///   Từ năm 2015 ... kết nạp [9.711 đảng viên], bình quân mỗi năm kết nạp [trên 2.400 đảng viên].
    ///   vi: 9.711 / 4 năm = 2.427,75 không > 2.400: không khớp
    ///   en: 9,711 / 4 years = 2,427.75 not > 2,400: inconsistent
    /// ```
    /// A blank line after each. A sentence of another article than the finding's (a conflict)
    /// starts with that article's name.
    static func render(_ findings: [StoredFinding], style: Style) -> String {
        var out = ""
        for s in findings {
            let f = s.finding
            let own = f.article ?? ""
            out += "\(own): \(style.severity(f.severity)): \(f.kind.rawValue) \(f.verdict.rawValue)\n"
            for sentence in s.sentences {
                let refs = f.figures.filter { ($0.article ?? own) == sentence.article }
                out += "  " + (sentence.article == own ? "" : sentence.article + ": ") + marked(sentence, refs, style: style) + "\n"
            }
            out += "  vi: \(f.computation)\n  en: \(f.computationEnglish)\n\n"
        }
        return out
    }

    /// The sentence on one line, the figures `refs` that lie in it marked.
    static func marked(_ sentence: FindingSentence, _ refs: [Finding.FigureRef], style: Style) -> String {
        let scalars = Array(sentence.text.unicodeScalars)
        var out = ""
        var at = 0
        for r in refs.sorted(by: { $0.start < $1.start }) {
            let a = r.start - sentence.start, b = r.end - sentence.start
            guard a >= at, a < b, b <= scalars.count else { continue }
            out += flat(scalars[at..<a])
            out += style.figure(flat(scalars[a..<b]))
            at = b
        }
        return out + flat(scalars[at...])
    }

    private static func flat(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        for u in s { v.append(u == "\n" || u == "\t" || u == "\r" ? " " : u) }
        return String(v)
    }

    /// `2 articles: 1 error, 0 warnings, 1 info, 2 consistent (not shown: 2 consistent; --severity consistent shows them)`.
    static func summary(_ counts: [Finding.Severity: Int], articles: Int, least: Finding.Severity, style: Style) -> String {
        func n(_ s: Finding.Severity) -> Int { counts[s] ?? 0 }
        var out = "\(articles) article\(articles == 1 ? "" : "s")"
        out += ": \(n(.error)) error\(n(.error) == 1 ? "" : "s"), \(n(.warning)) warning\(n(.warning) == 1 ? "" : "s"), "
            + "\(n(.info)) info, \(n(.consistent)) consistent"
        let hidden = Finding.Severity.allCases.filter { FindingQuery.rank($0) > FindingQuery.rank(least) && n($0) > 0 }
        if !hidden.isEmpty {
            out += " (not shown: " + hidden.map { "\(n($0)) \($0.rawValue)" }.joined(separator: ", ")
                + "; --severity \(hidden.last!.rawValue) shows them)"
        }
        return out + "\n"
    }
}
