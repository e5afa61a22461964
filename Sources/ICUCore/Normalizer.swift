@_implementationOnly import CICU

/// Unicode normalization (NFC or NFD) through ICU's UNormalizer2.
public struct Normalizer: @unchecked Sendable {
    public enum Form: Sendable { case nfc, nfd }

    // ICU's normalizer instances are process-wide singletons, immutable and thread-safe.
    private let handle: UnsafeRawPointer
    public let form: Form

    public init(_ form: Form) throws(ICUError) {
        var status: Int32 = 0
        let handle: UnsafeRawPointer? = switch form {
        case .nfc: cicu_norm_nfc(&status)
        case .nfd: cicu_norm_nfd(&status)
        }
        try ICUError.check(status, "unorm2_getInstance")
        guard let handle else { throw ICUError("unorm2_getInstance", code: 1) }
        self.handle = handle
        self.form = form
    }

    /// Length of the prefix of `text` that is certainly already normalized.
    public func normalizedPrefixLength(_ text: UnsafeBufferPointer<UInt16>) -> Int {
        guard let base = text.baseAddress, text.count > 0 else { return 0 }
        var status: Int32 = 0
        let n = cicu_norm_span(handle, base, Int32(text.count), &status)
        return cicu_failure(status) != 0 ? 0 : Int(n)
    }

    /// Whether a normalization boundary lies before code point `c` (so text can be cut there).
    public func hasBoundaryBefore(_ c: UInt32) -> Bool {
        cicu_norm_has_boundary_before(handle, Int32(bitPattern: c)) != 0
    }

    /// The normalized form of `text`.
    public func normalize(_ text: UnsafeBufferPointer<UInt16>) throws(ICUError) -> [UInt16] {
        guard let base = text.baseAddress, text.count > 0 else { return [] }
        var capacity = text.count * 3 + 16
        while true {
            var status: Int32 = 0
            var written: Int32 = 0
            let out = [UInt16](unsafeUninitializedCapacity: capacity) { buffer, count in
                written = cicu_norm_normalize(handle, base, Int32(text.count), buffer.baseAddress, Int32(capacity), &status)
                count = cicu_failure(status) != 0 ? 0 : Int(written)
            }
            if cicu_failure(status) == 0 { return out }
            // U_BUFFER_OVERFLOW_ERROR = 15: retry with the size ICU asked for.
            if status == 15, Int(written) > capacity { capacity = Int(written); continue }
            throw ICUError("unorm2_normalize", code: status)
        }
    }

    public func normalize(_ text: [UInt16]) throws(ICUError) -> [UInt16] {
        try text.withUnsafeBufferPointer { (b) throws(ICUError) -> [UInt16] in try normalize(b) }
    }

    public func normalize(_ string: String) throws(ICUError) -> String {
        let units = try normalize(Array(string.utf16))
        return String(decoding: units, as: UTF16.self)
    }
}
