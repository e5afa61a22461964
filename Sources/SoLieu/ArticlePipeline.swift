import Foundation

/// Reads and analyses articles on all cores and hands each outcome to one consumer on the
/// calling thread, in the order of the units (so a store gets one writer and a stable order).
/// At most `window` outcomes wait for the consumer: memory stays bounded however many units.
public enum ArticlePipeline {
    /// What became of one unit.
    public enum Outcome: Sendable {
        /// Read and analysed; `contentHash` is `ContentHash.of(article)`.
        case analyzed(ArticleAnalysis, contentHash: String)
        /// Read, and `skip` said it needs no analysis (stored with the same hash).
        case skipped(name: String, contentHash: String)
        case failed(ArticleReadError)
    }

    /// Runs `units` through `source.read`, then `analyzer` unless `skip(name, hash)`; `consume`
    /// is called on this thread with each unit's index and outcome, in order. An error thrown by
    /// `consume` stops the workers and is rethrown.
    ///
    /// `window`: how many outcomes the workers may be ahead of the consumer. A consumer that
    /// writes batches of N articles wants a window above N, so that the workers go on while it
    /// writes (with a window smaller than the batch, analysis and writing take turns).
    public static func run(units: [ArticleSource.Unit], source: ArticleSource, analyzer: ArticleAnalyzer, workers: Int, window: Int? = nil,
                           skip: @escaping @Sendable (_ name: String, _ contentHash: String) -> Bool = { _, _ in false },
                           consume: (Int, Outcome) throws -> Void) throws {
        try OrderedParallelMap<Outcome>(count: units.count, workers: workers, window: window).run(makeWork: {
            let worker = try analyzer.makeWorker()
            return { index in
                switch source.read(units[index]) {
                case .failure(let error):
                    return .failed(error)
                case .success(let article):
                    let hash = ContentHash.of(article)
                    if skip(article.name, hash) { return .skipped(name: article.name, contentHash: hash) }
                    return .analyzed(worker.analyze(article), contentHash: hash)
                }
            }
        }, consume: consume)
    }
}

/// `count` items computed on worker threads and consumed on the calling thread in index order,
/// with at most `window` items computed ahead of the consumer.
public final class OrderedParallelMap<Output: Sendable>: @unchecked Sendable {
    /// Computes item `index`; made once per worker thread, so it may own non-thread-safe state.
    public typealias Work = (_ index: Int) -> Output

    public let count: Int
    public let workers: Int
    public let window: Int

    private let condition = NSCondition()
    private var next = 0
    private var head = 0
    private var done: [Int: Output] = [:]
    private var stopped = false
    private var setupError: (any Error)?
    private var running = 0

    public init(count: Int, workers: Int, window: Int? = nil) {
        self.count = count
        self.workers = max(1, min(workers, count))
        self.window = max(window ?? 4 * workers + 4, self.workers)
    }

    /// Starts the workers and calls `consume` with each item in order; returns when all are
    /// consumed and every worker has finished.
    public func run(makeWork: @escaping @Sendable () throws -> Work, consume: (Int, Output) throws -> Void) throws {
        guard count > 0 else { return }
        running = workers
        for _ in 0..<workers {
            let thread = Thread { [self] in worker(makeWork) }
            thread.stackSize = 16 << 20
            thread.start()
        }
        defer { stopAndJoin() }
        for index in 0..<count {
            condition.lock()
            while done[index] == nil, setupError == nil { condition.wait() }
            if let setupError {
                condition.unlock()
                throw setupError
            }
            let output = done.removeValue(forKey: index)!
            head = index + 1
            condition.broadcast()
            condition.unlock()
            try consume(index, output)
        }
    }

    private func stopAndJoin() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func worker(_ makeWork: @Sendable () throws -> Work) {
        defer {
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
        let work: Work
        do { work = try makeWork() } catch {
            condition.lock()
            if setupError == nil { setupError = error }
            condition.broadcast()
            condition.unlock()
            return
        }
        while true {
            condition.lock()
            while next < count, next >= head + window, !stopped { condition.wait() }
            guard next < count, !stopped else {
                condition.unlock()
                return
            }
            let index = next
            next += 1
            condition.unlock()
            let output = work(index)
            condition.lock()
            done[index] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}
