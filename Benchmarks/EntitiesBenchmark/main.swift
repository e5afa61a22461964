// Entity extraction: the entities of articles as JSON Lines (for `../shared/tools/score-entities`),
// or the throughput and peak memory of the whole analysis (figures, entities, figure contexts) on
// one core.
//
//   swift run -c release EntitiesBenchmark --dump FILE...        one entity a line
//   swift run -c release EntitiesBenchmark [--mb 20] [DIR_OR_FILE...]
//
// Articles are read as `solieu` reads them (plain text structure, page chrome cut).
import Entities
import Figures
import Foundation
import SoLieu

var target = 20.0
var dump = false
var paths: [String] = []
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    if a == "--mb", let v = args.popFirst(), let mb = Double(v) { target = mb }
    else if a == "--dump" { dump = true }
    else if a == "--stack" { _ = args.popFirst() }
    else { paths.append(a) }
}
if paths.isEmpty { paths = ["../shared/data/news"] }

let source = ArticleSource()
let (units, problems) = source.units(paths)
for p in problems { FileHandle.standardError.write(Data("EntitiesBenchmark: \(p)\n".utf8)) }
var articles: [Article] = []
for unit in units {
    switch source.read(unit) {
    case .success(let a): articles.append(a)
    case .failure(let e): FileHandle.standardError.write(Data("EntitiesBenchmark: \(e)\n".utf8))
    }
}
let analyzer = try ArticleAnalyzer.builtin()
let worker = try analyzer.makeWorker()

if let k = CommandLine.arguments.firstIndex(of: "--stack"), let kb = Int(CommandLine.arguments[k + 1]) {
    // the analysis on a thread with a small stack (what Swift Testing's and the CLI's workers get)
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) let all = articles
    let thread = Thread {
        let worker = try! ArticleAnalyzer.builtin().makeWorker()
        for a in all { _ = worker.analyze(a) }
        done.signal()
    }
    thread.stackSize = kb * 1024
    thread.start()
    done.wait()
    print("analysed \(articles.count) articles on a \(kb) KB stack")
    exit(0)
}

if dump {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var out = Data()
    for a in articles {
        for var e in worker.analyze(a).entities {
            e.article = (a.name as NSString).lastPathComponent
            out += try encoder.encode(e)
            out.append(0x0A)
        }
    }
    FileHandle.standardOutput.write(out)
    exit(0)
}

let bytes = articles.reduce(0) { $0 + $1.text.utf8.count }
var done = 0
var entities = 0
var figures = 0
let start = Date()
while Double(done) < target * 1_000_000 {
    for a in articles {
        let r = worker.analyze(a)
        entities += r.entities.count
        figures += r.figures.count
    }
    done += bytes
}
let seconds = Date().timeIntervalSince(start)
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print(String(format: "%.1f MB in %.2f s: %.2f MB/s, %.0f entities/s, %.0f figures/s, peak RSS %.0f MB",
             Double(done) / 1e6, seconds, Double(done) / 1e6 / seconds, Double(entities) / seconds, Double(figures) / seconds,
             Double(usage.ru_maxrss) / 1024))
