@_implementationOnly import CICU

/// An ICU break iterator over a UTF-16 buffer that the caller keeps alive.
///
/// ICU does not copy the text: `setText` takes a pointer that must stay valid until the next
/// `setText` or the end of iteration, so the API hands the buffer in through a closure scope.
public final class BreakIterator {
    public enum Kind: Int32, Sendable {
        case word = 1
        case sentence = 3
    }

    /// One boundary-delimited piece: UTF-16 offsets and ICU's rule status
    /// (for words: 0 none/space/punctuation, 100..<200 number, 200..<300 letter, ...).
    public struct Segment: Equatable, Sendable {
        public var start: Int
        public var end: Int
        public var ruleStatus: Int32
    }

    public let kind: Kind
    private let handle: UnsafeMutableRawPointer

    public init(_ kind: Kind, locale: String = "vi") throws(ICUError) {
        self.kind = kind
        var status: Int32 = 0
        let handle = locale.withCString { cicu_brk_open(kind.rawValue, $0, nil, 0, &status) }
        try ICUError.check(status, "ubrk_open")
        guard let handle else { throw ICUError("ubrk_open", code: 1) }
        self.handle = handle
    }

    deinit { cicu_brk_close(handle) }

    /// Calls `body` with each segment of `text`, in order. Segments cover the text without gaps.
    public func forEachSegment(
        in text: UnsafeBufferPointer<UInt16>,
        _ body: (Segment) throws -> Void
    ) throws {
        guard let base = text.baseAddress, text.count > 0 else { return }
        var status: Int32 = 0
        cicu_brk_set_text(handle, base, Int32(text.count), &status)
        try ICUError.check(status, "ubrk_setText")
        var start = Int(cicu_brk_first(handle))
        while true {
            let end = cicu_brk_next(handle)
            if end < 0 { break }
            let segment = Segment(start: start, end: Int(end), ruleStatus: cicu_brk_rule_status(handle))
            try body(segment)
            start = Int(end)
        }
    }

    /// All segments of `text` (convenience for small inputs and tests).
    public func segments(of text: [UInt16]) throws -> [Segment] {
        var out: [Segment] = []
        try text.withUnsafeBufferPointer { buffer in
            try forEachSegment(in: buffer) { out.append($0) }
        }
        return out
    }
}

extension BreakIterator.Segment {
    public var isNumber: Bool { ruleStatus >= 100 && ruleStatus < 200 }
    public var isLetter: Bool { ruleStatus >= 200 && ruleStatus < 500 }
}
