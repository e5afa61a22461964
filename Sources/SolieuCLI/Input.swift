import Foundation
import SoLieu
import VietText

/// One input: a named file or standard input, read whole as bytes.
struct Input {
    let name: String
    let bytes: [UInt8]

    /// Reads `path` ("-" for standard input); the error names the file. Only regular files are
    /// opened: a directory, FIFO, socket or device is an error without blocking.
    static func read(_ path: String, in fs: FileSystem = .real) throws(InputError) -> Input {
        if path == "-" { return Input(name: "<stdin>", bytes: try fs.readStandardInput()) }
        return Input(name: path, bytes: try fs.read(path))
    }

    /// Calls `body` with each line (without its `\n` or `\r\n`) decoded to UTF-16, and its
    /// 1-based number; a line that is not UTF-8 is reported to `invalid` and skipped.
    func forEachLine(_ body: ([UInt16], Int) -> Void, invalid: (InputError) -> Void) {
        var units: [UInt16] = []
        bytes.withUnsafeBufferPointer { b in
            var start = ArticleSource.bomLength(b)
            var number = 1
            while start < b.count {
                var end = start
                while end < b.count && b[end] != 0x0A { end += 1 }
                var lineEnd = end
                if lineEnd > start && b[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                do throws(InvalidUTF8) {
                    try TextInput.decodeUTF8(b, start..<lineEnd, into: &units)
                    body(units, number)
                } catch {
                    invalid(InputError.invalidUTF8(file: name, at: start + error.byteOffset, in: b))
                    units.removeAll()
                    body(units, number)
                }
                number += 1
                start = end + 1
            }
        }
    }

    /// The whole input decoded, or an error at the first bad byte.
    func text() throws(InputError) -> String {
        String(decoding: try utf16(), as: UTF16.self)
    }

    /// The whole input as UTF-16 units, or an error at the first bad byte.
    func utf16() throws(InputError) -> [UInt16] {
        try ArticleSource.decodeUTF16(bytes, file: name)
    }
}

/// Diagnostics on standard error.
enum Console {
    static func report(_ error: any Error) {
        write("solieu: \(error)\n")
    }

    /// Writes `text` to standard error (a failure there cannot be reported anywhere).
    static func write(_ text: String) {
        let line = Array(text.utf8)
        line.withUnsafeBufferPointer { b in
            var written = 0
            while written < b.count {
                let n = Foundation.write(2, b.baseAddress! + written, b.count - written)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                written += n
            }
        }
    }
}
