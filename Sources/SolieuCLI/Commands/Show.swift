import ArgumentParser
import FigureStore
import Figures
import Foundation
import SoLieu

extension Solieu {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a stored article with its figures marked, then its figures as a table.",
            discussion: "Figures are marked [[like this]], or in colour on a terminal (--color to choose)."
        )

        enum Color: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

        @Argument(help: "The article's name (as 'solieu query' prints it).")
        var article: String

        @Option(name: .long, help: "Colour the figures: auto (on a terminal), always or never.")
        var color: Color = .auto

        @OptionGroup var store: StoreOptions

        func run() throws {
            let figureStore = try store.openExisting(readOnly: true)
            guard let (stored, figures) = try figureStore.article(named: article) else {
                Console.write("solieu: error: no article named '\(article)' in \(store.db)\n")
                throw ExitCode.failure
            }
            let colour = color == .always || (color == .auto && Terminal.isTerminal(1))
            try Console.run { output, _ in
                try output.write(Self.render(stored, figures: figures, colour: colour))
            }
        }

        static func render(_ article: Article, figures: [Figure], colour: Bool) -> String {
            var out = ""
            out += "title:   \(article.title ?? "")\n"
            if let section = article.section { out += "section: \(section)\n" }
            out += "date:    \(article.date?.description ?? "")\n"
            if !article.authors.isEmpty { out += "author:  \(article.authors.joined(separator: ", "))\n" }
            out += "source:  \(article.source)\n\n"
            out += marked(article.text, figures: figures, colour: colour) + "\n\n"
            out += Query.render(figures.map { Query.Row(article: article.name, date: article.date, figure: $0) },
                                format: .table)
            return out
        }

        /// The text with each figure's span marked: `[[...]]`, or bold yellow on a terminal.
        static func marked(_ text: String, figures: [Figure], colour: Bool) -> String {
            let (open, close) = colour ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("[[", "]]")
            let scalars = Array(text.unicodeScalars)
            var out = String.UnicodeScalarView()
            var at = 0
            for f in figures.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where f.start >= at && f.end <= scalars.count {
                out.append(contentsOf: scalars[at..<f.start])
                out.append(contentsOf: open.unicodeScalars)
                out.append(contentsOf: scalars[f.start..<f.end])
                out.append(contentsOf: close.unicodeScalars)
                at = f.end
            }
            out.append(contentsOf: scalars[at...])
            return String(out)
        }
    }
}
