@_implementationOnly import CICU

/// Charset conversion (legacy code pages such as `windows-1258`, `windows-1252`, and the UTF
/// encodings) through ICU's converters.
///
/// Conversion is strict: a byte sequence that is illegal in the charset, or a character the
/// charset cannot represent, is an error carrying its offset, never a silent substitute.
/// Charset names are ICU's (which accepts the IANA and WHATWG labels: `windows-1258`, `cp1258`,
/// `latin1`, `utf-16le`, ...).
public enum Converter {
    /// The UTF-16 text that `bytes` encode in `charset`.
    /// - Throws: `ICUError` for an unknown charset, or with `offset` set to the byte offset of
    ///   the first sequence that cannot be converted.
    public static func decode(_ bytes: [UInt8], charset: String) throws(ICUError) -> [UInt16] {
        let handle = try open(charset)
        defer { cicu_cnv_close(handle) }
        guard !bytes.isEmpty else { return [] }
        var capacity = bytes.count * 2 + 16
        while true {
            var status: Int32 = 0, written: Int32 = 0, consumed: Int32 = 0, invalid: Int32 = 0
            let units = bytes.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) { chars in
                    [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                        cicu_cnv_to_unicode(handle, chars.baseAddress, Int32(chars.count), buffer.baseAddress,
                                            Int32(capacity), &written, &consumed, &invalid, &status)
                        count = Int(written)
                    }
                }
            }
            if cicu_failure(status) == 0 { return units }
            if status == bufferOverflow { capacity *= 2; continue }
            throw ICUError("ucnv_toUnicode(\(charset))", code: status, offset: Int(consumed - invalid))
        }
    }

    /// The bytes that encode the UTF-16 `text` in `charset`.
    /// - Throws: `ICUError` for an unknown charset, or with `offset` set to the UTF-16 offset
    ///   just past the first character the charset cannot represent.
    public static func encode(_ text: [UInt16], charset: String) throws(ICUError) -> [UInt8] {
        let handle = try open(charset)
        defer { cicu_cnv_close(handle) }
        guard !text.isEmpty else { return [] }
        var capacity = text.count * 4 + 16
        while true {
            var status: Int32 = 0, written: Int32 = 0, consumed: Int32 = 0
            let bytes = text.withUnsafeBufferPointer { source in
                [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                    buffer.withMemoryRebound(to: CChar.self) { out in
                        cicu_cnv_from_unicode(handle, source.baseAddress, Int32(source.count), out.baseAddress,
                                              Int32(capacity), &written, &consumed, &status)
                    }
                    count = Int(written)
                }
            }
            if cicu_failure(status) == 0 { return bytes }
            if status == bufferOverflow { capacity *= 2; continue }
            throw ICUError("ucnv_fromUnicode(\(charset))", code: status, offset: Int(consumed))
        }
    }

    /// The text of `bytes` in `charset`, as a Swift string.
    public static func decodeString(_ bytes: [UInt8], charset: String) throws(ICUError) -> String {
        String(decoding: try decode(bytes, charset: charset), as: UTF16.self)
    }

    /// `string` encoded in `charset`.
    public static func encode(_ string: String, charset: String) throws(ICUError) -> [UInt8] {
        try encode(Array(string.utf16), charset: charset)
    }

    /// Whether ICU knows a converter for `charset`.
    public static func isKnown(_ charset: String) -> Bool {
        guard let handle = try? open(charset) else { return false }
        cicu_cnv_close(handle)
        return true
    }

    /// U_BUFFER_OVERFLOW_ERROR.
    private static let bufferOverflow: Int32 = 15

    private static func open(_ charset: String) throws(ICUError) -> UnsafeMutableRawPointer {
        var status: Int32 = 0
        let handle = charset.withCString { cicu_cnv_open($0, &status) }
        try ICUError.check(status, "ucnv_open(\(charset))")
        guard let handle else { throw ICUError("ucnv_open(\(charset))", code: 1) }
        return handle
    }
}
