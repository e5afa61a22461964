/// A position in an input, for error messages: byte offset, and line and column computed from it.
public struct InputPosition: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// 0-based byte offset in the file.
    public var byteOffset: Int
    public var description: String { "\(line):\(column)" }

    public init(line: Int, column: Int, byteOffset: Int) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }
}

/// Input that is not valid UTF-8.
public struct InvalidUTF8: Error, Sendable, Equatable {
    /// 0-based byte offset of the first bad byte within the decoded range.
    public var byteOffset: Int
}

/// Reading UTF-8 input into the UTF-16 buffers the analyzers work on.
public enum TextInput {
    /// Decodes `bytes[range]` as UTF-8 (a leading byte-order mark is dropped by the caller).
    /// Rejects malformed sequences, overlong forms, surrogates and code points past U+10FFFF.
    public static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt16]) throws(InvalidUTF8) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 { out.append(UInt16(b0)); i += 1; continue }
            let need: Int, minimum: UInt32
            var cp: UInt32
            switch b0 {
            case 0xC2...0xDF: need = 1; cp = UInt32(b0 & 0x1F); minimum = 0x80
            case 0xE0...0xEF: need = 2; cp = UInt32(b0 & 0x0F); minimum = 0x800
            case 0xF0...0xF4: need = 3; cp = UInt32(b0 & 0x07); minimum = 0x10000
            default: throw InvalidUTF8(byteOffset: i - range.lowerBound)
            }
            for k in 1...need {
                guard i + k < end else { throw InvalidUTF8(byteOffset: i - range.lowerBound) }
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else { throw InvalidUTF8(byteOffset: i - range.lowerBound) }
                cp = cp << 6 | UInt32(b & 0x3F)
            }
            guard cp >= minimum, cp <= 0x10FFFF, !(0xD800...0xDFFF).contains(cp) else {
                throw InvalidUTF8(byteOffset: i - range.lowerBound)
            }
            if cp < 0x10000 {
                out.append(UInt16(cp))
            } else {
                let v = cp - 0x10000
                out.append(UInt16(0xD800 + (v >> 10)))
                out.append(UInt16(0xDC00 + (v & 0x3FF)))
            }
            i += need + 1
        }
    }

    /// The line and column of byte `offset` in `bytes` (columns in Unicode scalars, counting
    /// only the valid bytes before it).
    public static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> InputPosition {
        var line = 1, column = 1
        var i = 0
        while i < offset && i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return InputPosition(line: line, column: column, byteOffset: offset)
    }
}

/// Converts UTF-16 offsets of a text to Unicode scalar offsets (what records report).
public struct ScalarOffsets: Sendable {
    private let prefix: [Int32]?  // scalar offset of each UTF-16 offset, when they differ

    public init(_ units: [UInt16]) {
        guard units.contains(where: { $0 >= 0xDC00 && $0 <= 0xDFFF }) else { prefix = nil; return }
        var p = [Int32](repeating: 0, count: units.count + 1)
        var s: Int32 = 0
        for (i, u) in units.enumerated() {
            p[i] = s
            if !(u >= 0xDC00 && u <= 0xDFFF) { s += 1 } else { p[i] = s - 1 }
        }
        p[units.count] = s
        prefix = p
    }

    public func scalarOffset(_ utf16Offset: Int) -> Int {
        prefix.map { Int($0[utf16Offset]) } ?? utf16Offset
    }
}
