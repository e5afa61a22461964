import Foundation

/// A progress line on standard error, redrawn at most ten times a second, only on a terminal:
/// `[#########.......]  1.234/20.000 articles  356/s  45.678 figures`.
final class Progress {
    let total: Int
    let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(total: Int, enabled: Bool = Terminal.isTerminal(2)) {
        self.total = total
        self.enabled = enabled && total > 0
    }

    func update(done: Int, figures: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let bar = 24
        let filled = total == 0 ? bar : min(bar, done * bar / total)
        let line = "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: bar - filled) + "] "
            + "\(done)/\(total) articles  \(Int(Double(done) / elapsed))/s  \(figures) figures\u{1B}[K"
        Console.write(line)
        drawn = true
    }

    /// Clears the line so that messages after it start at the left.
    func finish() {
        guard enabled, drawn else { return }
        Console.write("\r\u{1B}[K")
        drawn = false
    }

    /// Before a message on standard error: clears the line (it is redrawn on the next update).
    func interrupt() { finish() }
}
