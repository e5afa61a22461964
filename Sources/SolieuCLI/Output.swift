import ArgumentParser
import Foundation

/// A write to the output that failed (disk full, closed pipe, I/O error).
struct OutputError: Error, CustomStringConvertible {
    let name: String
    let code: Int32
    var description: String { "\(name): error: cannot write: \(String(cString: strerror(code)))" }
}

/// Buffered output to a file descriptor (standard output by default) where every write is
/// checked: the first failure is an `OutputError` naming the output, and every later write
/// fails the same way. Shared by all subcommands; not thread-safe (the writing thread owns it).
final class Output {
    let fd: Int32
    let name: String
    private var buffer: [UInt8] = []
    private var failure: OutputError?
    private let limit: Int

    init(fd: Int32 = 1, name: String = "standard output", bufferSize: Int = 1 << 16) {
        self.fd = fd
        self.name = name
        self.limit = bufferSize
        buffer.reserveCapacity(bufferSize)
    }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        if let failure { throw failure }
        if buffer.count + bytes.count > limit {
            try flush()
            // a large piece goes straight out, without a copy into the buffer
            if bytes.count >= limit {
                try bytes.withUnsafeBufferPointer { (b) throws(OutputError) in try writeAll(b) }
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    func write(_ string: String) throws(OutputError) {
        if let failure { throw failure }
        let n = string.utf8.count
        if n >= limit { return try write(Array(string.utf8)) }
        if buffer.count + n > limit { try flush() }
        buffer.append(contentsOf: string.utf8)
    }

    /// Writes out what is buffered; throws when the write fails.
    func flush() throws(OutputError) {
        if let failure { throw failure }
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBufferPointer { (b) throws(OutputError) in try writeAll(b) }
    }

    private func writeAll(_ b: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        guard let base = b.baseAddress else { return }
        var written = 0
        while written < b.count {
            let n = Foundation.write(fd, base + written, b.count - written)
            if n > 0 { written += n; continue }
            let code = n < 0 ? errno : EIO
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&p, 1, -1)
                continue
            }
            let error = OutputError(name: name, code: code)
            failure = error
            throw error
        }
    }
}

extension Console {
    /// Runs a subcommand's body with a checked standard output, flushed at the end. A failed
    /// write is reported (`solieu: standard output: error: cannot write: ...`) and the exit
    /// status is 1; `failed` set by the body also exits with 1.
    static func run(_ body: (Output, inout Bool) throws -> Void) throws {
        let output = Output()
        var failed = false
        do {
            try body(output, &failed)
            try output.flush()
        } catch let error as OutputError {
            report(error)
            throw ExitCode.failure
        }
        if failed { throw ExitCode.failure }
    }
}
