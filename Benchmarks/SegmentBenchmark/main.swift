// Throughput and peak memory of word segmentation (the `solieu segment` path) on one core.
//
//   swift run -c release SegmentBenchmark [--mb 20] [--rounds 3] [DIR_OR_FILE...]
//
// Reads the text files given (default: ../shared/data/news), repeats them until at least
// --mb megabytes, segments line by line on one thread, and prints syllables per second for
// each round (the machine's speed varies between runs), the median, and peak RSS.
import Foundation
import VietText

var target = 20.0
var rounds = 3
var paths: [String] = []
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    if a == "--mb", let v = args.popFirst(), let mb = Double(v) { target = mb }
    else if a == "--rounds", let v = args.popFirst(), let r = Int(v), r > 0 { rounds = r }
    else { paths.append(a) }
}
if paths.isEmpty { paths = ["../shared/data/news"] }

var files: [URL] = []
for p in paths {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
        FileHandle.standardError.write(Data("SegmentBenchmark: \(p): no such file or directory\n".utf8)); exit(2)
    }
    if isDir.boolValue {
        let names = try FileManager.default.contentsOfDirectory(atPath: p).filter { $0.hasSuffix(".txt") }.sorted()
        files += names.map { URL(fileURLWithPath: p).appendingPathComponent($0) }
    } else {
        files.append(URL(fileURLWithPath: p))
    }
}
var lines: [[UInt16]] = []
var bytes = 0
for f in files {
    let text = try String(contentsOf: f, encoding: .utf8)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        lines.append(Array(line.utf16))
        bytes += line.utf8.count + 1
    }
}
guard bytes > 0 else { print("no text"); exit(2) }
let repeats = Int((target * 1_000_000 / Double(bytes)).rounded(.up))

let loadStart = Date()
let analyzer = try TextAnalyzer()
let loadTime = Date().timeIntervalSince(loadStart)

// count syllable tokens once per distinct line
var syllablesPerPass = 0
for line in lines {
    let text = analyzer.normalizer.normalize(line)
    syllablesPerPass += analyzer.tokenizer.tokenize(text).filter { $0.kind == .syllable }.count
}

var out: [UInt8] = []
out.reserveCapacity(1 << 21)
var outputBytes = 0
var times: [Double] = []
for _ in 0..<rounds {
    outputBytes = 0
    let start = Date()
    for _ in 0..<repeats {
        for line in lines {
            analyzer.appendSegmented(line, to: &out)
            out.append(0x0A)
            if out.count > 1 << 20 { outputBytes += out.count; out.removeAll(keepingCapacity: true) }
        }
    }
    outputBytes += out.count
    out.removeAll(keepingCapacity: true)
    times.append(Date().timeIntervalSince(start))
}

func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? -1
        return kb / 1024
    }
    return -1
}

let totalBytes = Double(bytes * repeats)
let totalSyllables = Double(syllablesPerPass * repeats)
print(String(format: "input: %d files, %.1f MB (%d passes of %.2f MB), %.0f syllables", files.count, totalBytes / 1e6, repeats, Double(bytes) / 1e6, totalSyllables))
print(String(format: "lexicon load: %.2f s (%d words)", loadTime, analyzer.segmenter.lexicon.count))
for (k, seconds) in times.enumerated() {
    print(String(format: "round %d: %.2f s, %.2f M syllables/s, %.1f MB/s", k + 1, seconds, totalSyllables / seconds / 1e6, totalBytes / seconds / 1e6))
}
let median = times.sorted()[times.count / 2]
print(String(format: "segment (median of %d): %.2f M syllables/s, %.1f MB/s, output %.1f MB", rounds, totalSyllables / median / 1e6, totalBytes / median / 1e6, Double(outputBytes) / 1e6))
print(String(format: "peak memory (VmHWM): %.1f MB", peakRSSMegabytes()))
