// Write rate, size and query latency of the figure store at a million figures and more.
//
//   swift run -c release StoreBenchmark /tmp/store-bench.sqlite [--figures 1000000] [--runs 200] [--reuse] [DIR]
//
// --reuse keeps a database that a previous run filled and only runs the queries; --detail also
// prints each query's median and result count.
// Analyses the articles of DIR (default ../shared/data/news/*.txt) once, then ingests copies of
// them under distinct names (`<name>#<k>`, each copy dated a day later, over ten years: news has
// dates, these files do not) in batches of 500 into a fresh database until it holds at least
// --figures figures, printing the write rate (articles/s of the ingest calls alone) and the
// database's size against the text's. Then runs seven query shapes --runs times each (cycling
// through a few parameter values) and prints p50/p95 per shape (the place shapes count on the
// entity rules finding places in these articles).
import CrossCheck
import FigureStore
import Figures
import Foundation
import SoLieu

var path: String?
var dir = "../shared/data/news"
var targetFigures = 1_000_000
var runs = 200
var reuse = false
var detail = false
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    if a == "--figures", let v = args.popFirst(), let n = Int(v) { targetFigures = n }
    else if a == "--runs", let v = args.popFirst(), let n = Int(v), n > 0 { runs = n }
    else if a == "--reuse" { reuse = true }
    else if a == "--detail" { detail = true }
    else if path == nil { path = a }
    else { dir = a }
}
guard let path else {
    FileHandle.standardError.write(Data("usage: StoreBenchmark DB_PATH [--figures N] [--runs N] [DIR]\n".utf8))
    exit(2)
}

func fnv1a64(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
    return String(h, radix: 16)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let t = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9
}

// 1. analyse once
let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
let worker = try ArticleAnalyzer.builtin().makeWorker()
var originals: [ArticleAnalysis] = []
let analysisTime = try seconds {
    for f in files {
        let text = try String(contentsOfFile: "\(dir)/\(f)", encoding: .utf8)
        originals.append(worker.analyze(Article(name: f, source: "\(dir)/\(f)", format: .text, text: text, blocks: [])))
    }
}
let figuresPerPass = originals.map(\.figures.count).reduce(0, +)
guard figuresPerPass > 0 else { print("no figures in \(dir)"); exit(2) }
print("analysed \(originals.count) articles, \(figuresPerPass) figures in \(String(format: "%.1f", analysisTime)) s")

// 2. ingest copies into a fresh file
if !reuse { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
let store = try FigureStore(path: path)
let firstDay = Date(timeIntervalSince1970: 1_420_070_400)   // 2015-01-01
var calendar = Calendar(identifier: .gregorian)
calendar.timeZone = TimeZone(identifier: "UTC")!
@MainActor func day(_ n: Int) -> CalendarDay {
    let d = calendar.dateComponents([.year, .month, .day], from: firstDay.addingTimeInterval(Double(n % 3650) * 86400))
    return CalendarDay(year: d.year!, month: d.month!, day: d.day!)
}

var stored = 0, figureTotal = 0, textBytes = 0, writeTime = 0.0, copy = 0
var pending: [ArticleAnalysis] = [], pendingHashes: [String] = [], pendingFindings: [[Finding]] = []
// the in-article findings, checked once per original (as `solieu ingest` checks on its workers):
// the write rate is the store's
let originalFindings = originals.map { CrossChecker().check($0) }
var names: [String] = []
if reuse { figureTotal = try store.counts().figures }
@MainActor func flush() throws {
    guard !pending.isEmpty else { return }
    let batch = pending, hashes = pendingHashes, findings = pendingFindings
    writeTime += try seconds {
        let s = try store.ingest(batch, contentHash: hashes, findings: findings)
        precondition(s.inserted == batch.count, "\(s)")
    }
    pending.removeAll(keepingCapacity: true)
    pendingHashes.removeAll(keepingCapacity: true)
    pendingFindings.removeAll(keepingCapacity: true)
}
while figureTotal < targetFigures {
    for (i, a) in originals.enumerated() {
        var c = a
        c.article.name = "\(a.article.name)#\(copy)"
        c.article.date = day(copy * originals.count + i)
        pending.append(c)
        pendingHashes.append(fnv1a64(c.article.text))
        pendingFindings.append(originalFindings[i].map { var f = $0; f.article = c.article.name; return f })
        names.append(c.article.name)
        stored += 1
        figureTotal += a.figures.count
        textBytes += a.article.text.utf8.count
        if pending.count == 500 { try flush() }
    }
    copy += 1
}
try flush()
if reuse {
    let copies = try store.counts().articles / originals.count
    names = (0..<copies).flatMap { k in originals.map { "\($0.article.name)#\(k)" } }
}
let counts = try store.counts()
let size = try store.storageSize()
if !reuse { print("stored \(counts.articles) articles, \(counts.figures) figures in \(String(format: "%.1f", writeTime)) s: "
      + "\(Int(Double(stored) / writeTime)) articles/s, \(Int(Double(figureTotal) / writeTime)) figures/s") }
if reuse { textBytes = counts.articles / originals.count * originals.map { $0.article.text.utf8.count }.reduce(0, +) }
print("database \(size / 1_000_000) MB, text \(textBytes / 1_000_000) MB: \(String(format: "%.2f", Double(size) / Double(textBytes)))x the text")

// 3. query shapes
func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
}
let shapes: [(String, [FigureQuery])] = [
    ("folded text, limit 20", ["dang vien", "dong nai", "ha noi", "xuat khau", "doanh nghiep", "tang truong", "ngan sach"]
        .map { FigureQuery(text: $0, limit: 20) }),
    ("unit + year, limit 20", [("đồng", 2016), ("%", 2017), ("người", 2016), ("USD", 2015), ("tấn", 2017), ("ha", 2016)]
        .map { FigureQuery(unit: $0.0, year: $0.1, limit: 20) }),
    ("value range, limit 20", [(1000, 5000), (1_000_000, 2_000_000), (10, 12), (1_000_000_000, 1_000_000_000_000), (0.5, 0.75)]
        .map { FigureQuery(min: Decimal($0.0), max: Decimal($0.1), limit: 20) }),
    ("article", stride(from: 0, to: names.count, by: max(1, names.count / 50)).map { FigureQuery(article: names[$0]) }),
    ("text + unit, limit 20", [("dang vien", "đảng viên"), ("xuat khau", "USD"), ("ha noi", "người"), ("doanh nghiep", "doanh nghiệp"),
                               ("tang", "%")].map { FigureQuery(text: $0.0, unit: $0.1, limit: 20) }),
    // common places (walk the default order, probing) and rare ones (taken from the place index)
    ("place, limit 20", ["Hà Nội", "Việt Nam", "vung tau", "Bắc Ninh", "Đà Nẵng", "Hà Tĩnh", "quận 2"]
        .map { FigureQuery(place: $0, limit: 20) }),
    ("place + unit, limit 20", [("Hà Nội", "%"), ("Việt Nam", "USD"), ("Bình Dương", "đồng"), ("Bắc Ninh", "%")]
        .map { FigureQuery(unit: $0.1, place: $0.0, limit: 20) }),
]
for (name, queries) in shapes {
    var times: [Double] = []
    var results = 0
    // one warm-up pass
    for q in queries { _ = try store.figures(matching: q) }
    var perQuery = Array(repeating: [Double](), count: queries.count)
    for r in 0..<runs {
        let q = queries[r % queries.count]
        let t = try seconds { results += try store.figures(matching: q).count }
        times.append(t)
        perQuery[r % queries.count].append(t)
    }
    if detail {
        for (q, ts) in zip(queries, perQuery) where !ts.isEmpty {
            print("  \(String(format: "%7.2f", percentile(ts, 0.5) * 1000)) ms  \(q)")
        }
    }
    print("\(name): p50 \(String(format: "%.2f", percentile(times, 0.5) * 1000)) ms, p95 \(String(format: "%.2f", percentile(times, 0.95) * 1000)) ms"
          + " (\(runs) runs, \(results / runs) results on average)")
}
