import Foundation

/// Items (articles) processed on worker threads, their output consumed on the calling thread
/// strictly in item order and streamed: the item being written passes its output on piece by
/// piece as it is produced; the ones after it wait in a window of `window` items, and a worker
/// whose item holds more than `itemBuffer` bytes of unwritten output waits until its item's
/// turn. Memory is bounded by about `window` items and `window × itemBuffer` bytes of output.
final class OrderedPipeline: @unchecked Sendable {
    /// Passes a piece of an item's output on; false when the run was stopped (a failed write):
    /// the worker should give up.
    typealias Emit = ([UInt8]) -> Bool
    /// Processes item `index`, emitting its output; returns the item's errors (reported after
    /// its output). Made once per worker thread, so it may own non-thread-safe state.
    typealias Work = (_ index: Int, _ emit: Emit) -> [any Error]

    enum Event {
        case output([UInt8])
        case end(errors: [any Error])
    }

    private struct Slot {
        var pieces: [[UInt8]] = []
        var bytes = 0
        var done = false
        var errors: [any Error] = []
    }

    let count: Int
    let workers: Int
    let window: Int
    let itemBuffer: Int

    private let condition = NSCondition()
    private var next = 0
    private var head = 0
    private var slots: [Int: Slot] = [:]
    private var stopped = false
    private var setupError: (any Error)?

    init(count: Int, workers: Int, window: Int? = nil, itemBuffer: Int = 4 << 20) {
        self.count = count
        self.workers = max(1, min(workers, count))
        self.window = max(window ?? 2 * workers + 2, self.workers)
        self.itemBuffer = itemBuffer
    }

    /// Starts the workers (each calls `makeWork` once, on its thread) and calls `consume` with
    /// every item's events in item order. An error thrown by `consume` or `makeWork` stops the
    /// workers and is rethrown.
    func run(makeWork: @escaping @Sendable () throws -> Work, consume: (Int, Event) throws -> Void) throws {
        guard count > 0 else { return }
        for _ in 0..<workers {
            let thread = Thread { [self] in worker(makeWork) }
            thread.stackSize = 16 << 20
            thread.start()
        }
        do {
            for index in 0..<count {
                while true {
                    condition.lock()
                    while slots[index].map({ $0.pieces.isEmpty && !$0.done }) ?? true, setupError == nil {
                        condition.wait()
                    }
                    if let setupError {
                        condition.unlock()
                        throw setupError
                    }
                    let slot = slots[index]!
                    slots[index]!.pieces.removeAll()
                    slots[index]!.bytes = 0
                    if slot.done {
                        slots[index] = nil
                        head = index + 1
                    }
                    condition.broadcast()
                    condition.unlock()
                    for piece in slot.pieces { try consume(index, .output(piece)) }
                    if slot.done {
                        try consume(index, .end(errors: slot.errors))
                        break
                    }
                }
            }
        } catch {
            stop()
            throw error
        }
    }

    private func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func worker(_ makeWork: @Sendable () throws -> Work) {
        let work: Work
        do { work = try makeWork() } catch {
            condition.lock()
            if setupError == nil { setupError = error }
            stopped = true
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
            slots[index] = Slot()
            condition.unlock()

            let errors = work(index) { [self] piece in
                condition.lock()
                defer { condition.unlock() }
                guard !stopped else { return false }
                slots[index]!.pieces.append(piece)
                slots[index]!.bytes += piece.count
                condition.broadcast()
                while index != head, slots[index]!.bytes > itemBuffer, !stopped { condition.wait() }
                return !stopped
            }

            condition.lock()
            slots[index]?.done = true
            slots[index]?.errors = errors
            condition.broadcast()
            condition.unlock()
        }
    }
}

extension OrderedPipeline {
    /// Runs the items and writes their output to `output` in item order, each item's errors
    /// reported after its output (with `failed` set). `jsonArray`: the items' output are objects
    /// of one JSON array, separated by `,\n` (the caller writes the brackets).
    func write(to output: Output, jsonArray: Bool, failed: inout Bool, makeWork: @escaping @Sendable () throws -> Work) throws {
        var items = 0
        var started = false
        try run(makeWork: makeWork, consume: { _, event in
            switch event {
            case .output(let piece):
                if jsonArray && !started {
                    if items > 0 { try output.write(",\n") }
                    items += 1
                    started = true
                }
                try output.write(piece)
            case .end(let errors):
                started = false
                if !errors.isEmpty { try output.flush() }
                for error in errors { Console.report(error); failed = true }
            }
        })
    }
}
