@_implementationOnly import CICU

/// Locale-aware number parsing (ICU unum) that reports how much of the text it consumed.
///
/// ICU reports success for a partial parse (`2015-2018` parses as 2015 after 4 units), so
/// every result carries the parse end and callers decide whether a partial parse is acceptable.
public final class NumberParser {
    public enum Style: Int32, Sendable {
        case decimal = 1
        case spellout = 5
    }

    public struct Result: Equatable, Sendable {
        /// The value as a decimal string (`"1234.56"`), exact: no binary floating point involved.
        public var decimal: String
        /// UTF-16 units consumed from the start of the input.
        public var consumed: Int
    }

    private let handle: UnsafeMutableRawPointer

    public init(_ style: Style, locale: String = "vi") throws(ICUError) {
        var status: Int32 = 0
        let handle = locale.withCString { cicu_num_open(style.rawValue, $0, &status) }
        try ICUError.check(status, "unum_open")
        guard let handle else { throw ICUError("unum_open", code: 1) }
        self.handle = handle
    }

    deinit { cicu_num_close(handle) }

    /// Parses the longest prefix of `text` that is a number; nil when none is.
    public func parse(_ text: String) -> Result? {
        let units = Array(text.utf16)
        guard !units.isEmpty else { return nil }
        return units.withUnsafeBufferPointer { buffer -> Result? in
            var position: Int32 = 0
            var status: Int32 = 0
            var chars = [CChar](repeating: 0, count: 128)
            let n = chars.withUnsafeMutableBufferPointer { out in
                cicu_num_parse_decimal(handle, buffer.baseAddress, Int32(buffer.count), &position,
                                       out.baseAddress, Int32(out.count), &status)
            }
            guard cicu_failure(status) == 0, n > 0, position > 0 else { return nil }
            let decimal = String(decoding: chars.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return Result(decimal: decimal, consumed: Int(position))
        }
    }
}
