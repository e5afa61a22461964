import ArgumentParser
import CrossCheck
import Entities
import FigureStore
import Figures
import Foundation
import SoLieu

extension Solieu {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a stored article with its figures and entities marked, then its figures, its findings and its entities as tables.",
            discussion: """
            Figures are marked [[like this]], entities {{like this|place}} (person, organization, place, document); \
            on a terminal in colour instead (--color to choose): figures bold yellow, people cyan, organisations \
            magenta, places green, documents blue.
            """
        )

        enum Color: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

        @Argument(help: "The article's name (as 'solieu query' prints it).")
        var article: String

        @Option(name: .long, help: "Colour the figures and entities: auto (on a terminal), always or never.")
        var color: Color = .auto

        @OptionGroup var store: StoreOptions

        func run() throws {
            let figureStore = try store.openExisting(readOnly: true)
            guard let stored = try figureStore.storedArticle(named: article) else {
                Console.write("solieu: error: no article named '\(article)' in \(store.db)\n")
                throw ExitCode.failure
            }
            let colour = color == .always || (color == .auto && Terminal.isTerminal(1))
            try Console.run { output, _ in
                try output.write(Self.render(stored.article, figures: stored.figures, entities: stored.entities, findings: stored.findings,
                                             colour: colour))
            }
        }

        static func render(_ article: Article, figures: [Figure], entities: [Entity] = [], findings: [StoredFinding] = [],
                           colour: Bool) -> String {
            var out = ""
            out += "title:   \(article.title ?? "")\n"
            if let section = article.section { out += "section: \(section)\n" }
            out += "date:    \(article.date?.description ?? "")\n"
            if !article.authors.isEmpty { out += "author:  \(article.authors.joined(separator: ", "))\n" }
            out += "source:  \(article.source)\n\n"
            out += marked(article.text, figures: figures, entities: entities, colour: colour) + "\n\n"
            out += Query.render(figures.map { Query.Row(article: article.name, date: article.date, figure: $0) },
                                format: .table)
            // the cross-checker's findings that name its figures (a conflict's other figures name their article)
            out += "\n" + Query.render(findings, format: .table, withArticle: false)
            out += "\n" + entityTable(entities)
            return out
        }

        /// The entities as a table: id, kind, text (as first written), name when it differs,
        /// titles (`; ` between them) and how many times the article mentions it.
        static func entityTable(_ entities: [Entity]) -> String {
            var table = Table(header: ["id", "kind", "text", "name", "titles", "mentions"], limits: [nil, 12, 36, 36, 40, nil])
            table.rightAligned = [0, 5]
            for e in entities {
                table.append(["\(e.id)", e.kind.rawValue, e.text, e.name == e.text ? "" : e.name, e.titles.joined(separator: "; "),
                              "\(e.mentions.count)"])
            }
            return table.render() + "(\(entities.count) entit\(entities.count == 1 ? "y" : "ies"))\n"
        }

        /// A marked run of the text: a figure, or a mention of an entity of `kind`.
        struct Mark {
            var start: Int
            var end: Int
            var kind: Entity.Kind?

            func open(colour: Bool) -> String {
                guard colour else { return kind == nil ? "[[" : "{{" }
                switch kind {
                case nil: return "\u{1B}[1;33m"
                case .person: return "\u{1B}[36m"
                case .organization: return "\u{1B}[35m"
                case .place: return "\u{1B}[32m"
                case .document: return "\u{1B}[34m"
                }
            }

            func close(colour: Bool) -> String {
                colour ? "\u{1B}[0m" : kind.map { "|\($0.rawValue)}}" } ?? "]]"
            }
        }

        /// The text with each figure's span marked `[[...]]` and each mention of an entity
        /// `{{...|kind}}` (or coloured, on a terminal). Marks nest (`{{Huyện ủy {{Tam Đảo|place}}|organization}}`);
        /// one that crosses a mark already open, or lies outside the text, is left out. At the
        /// same start the longer run is the outer one; a figure and an entity over the same run:
        /// the figure outside.
        static func marked(_ text: String, figures: [Figure], entities: [Entity] = [], colour: Bool) -> String {
            let scalars = Array(text.unicodeScalars)
            var marks = figures.map { Mark(start: $0.start, end: $0.end, kind: nil) }
            for e in entities {
                marks += e.mentions.map { Mark(start: $0.start, end: $0.end, kind: e.kind) }
            }
            marks = marks.filter { $0.start >= 0 && $0.start < $0.end && $0.end <= scalars.count }
            marks.sort { a, b in
                if a.start != b.start { return a.start < b.start }
                if a.end != b.end { return a.end > b.end }
                return a.kind == nil && b.kind != nil
            }
            var out = String.UnicodeScalarView()
            var at = 0
            var open: [Mark] = []
            func closeUpTo(_ position: Int) {
                while let top = open.last, top.end <= position {
                    out.append(contentsOf: scalars[at..<top.end])
                    at = top.end
                    out.append(contentsOf: top.close(colour: colour).unicodeScalars)
                    open.removeLast()
                    // a reset ends every colour: the enclosing mark's again
                    if colour, let outer = open.last { out.append(contentsOf: outer.open(colour: true).unicodeScalars) }
                }
            }
            for m in marks {
                closeUpTo(m.start)
                if let top = open.last, m.end > top.end { continue }
                out.append(contentsOf: scalars[at..<m.start])
                at = m.start
                out.append(contentsOf: m.open(colour: colour).unicodeScalars)
                open.append(m)
            }
            closeUpTo(scalars.count)
            out.append(contentsOf: scalars[at...])
            return String(out)
        }
    }
}
