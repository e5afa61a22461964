// Throughput and peak memory of figure extraction (the `solieu extract` path) on one core.
//
//   swift run -c release FiguresBenchmark [--mb 20] [--rounds 3] [DIR_OR_FILE...]
//   swift run -c release FiguresBenchmark --styles [DIR_OR_FILE...]
//
// With --styles it only prints each article read in English number style (`2,338`, `1.5`) and
// the count, for checking those by hand.
//
// Reads the articles given (default: ../shared/data/news) as UTF-16 (as the CLI decodes its
// input), extracts the figures of each,
// article after article, until at least --mb megabytes of text are done, and prints MB/s and
// figures/s for each round, the median, and peak RSS.
import Figures
import Foundation

var target = 20.0
var rounds = 3
var paths: [String] = []
var stylesOnly = false
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    if a == "--mb", let v = args.popFirst(), let mb = Double(v) { target = mb }
    else if a == "--rounds", let v = args.popFirst(), let r = Int(v), r > 0 { rounds = r }
    else if a == "--styles" { stylesOnly = true }
    else { paths.append(a) }
}
if paths.isEmpty { paths = ["../shared/data/news"] }

var articles: [[UInt16]] = []
var names: [String] = []
for p in paths {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
        FileHandle.standardError.write(Data("FiguresBenchmark: \(p): no such file or directory\n".utf8)); exit(2)
    }
    let files = isDir.boolValue
        ? try FileManager.default.contentsOfDirectory(atPath: p).filter { $0.hasSuffix(".txt") }.sorted().map { "\(p)/\($0)" }
        : [p]
    for f in files { articles.append(Array(try String(contentsOfFile: f, encoding: .utf8).utf16)); names.append(f) }
}
if stylesOnly {
    let extractor = try FigureExtractor()
    var english = 0
    for (name, units) in zip(names, articles) where extractor.numberStyle(utf16: units) == .english {
        english += 1
        print("english: \(name)")
    }
    print("\(english) of \(articles.count) articles read in English number style")
    exit(0)
}
let bytesPerPass = articles.reduce(0) { $0 + String(decoding: $1, as: UTF16.self).utf8.count }
guard bytesPerPass > 0 else { print("no text"); exit(2) }
let passes = Int((target * 1_000_000 / Double(bytesPerPass)).rounded(.up))

let loadStart = Date()
let extractor = try FigureExtractor()
let loadTime = Date().timeIntervalSince(loadStart)

var times: [Double] = []
var figureCount = 0
for _ in 0..<rounds {
    figureCount = 0
    let start = Date()
    for _ in 0..<passes {
        for units in articles { figureCount += extractor.extract(utf16: units).count }
    }
    times.append(Date().timeIntervalSince(start))
}

func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return (line.split(separator: " ").compactMap { Double($0) }.first ?? -1) / 1024
    }
    return -1
}

let total = Double(bytesPerPass * passes)
print(String(format: "input: %d articles, %.1f MB (%d passes of %.2f MB)", articles.count, total / 1e6, passes, Double(bytesPerPass) / 1e6))
print(String(format: "load: %.2f s", loadTime))
for (k, t) in times.enumerated() {
    print(String(format: "round %d: %.2f s, %.1f MB/s, %.0f figures/s", k + 1, t, total / t / 1e6, Double(figureCount) / t))
}
let median = times.sorted()[times.count / 2]
print(String(format: "extract (median of %d): %.1f MB/s, %d figures per round", rounds, total / median / 1e6, figureCount))
print(String(format: "peak memory (VmHWM): %.1f MB", peakRSSMegabytes()))
