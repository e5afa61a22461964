import Foundation

/// Literal substring search for the finders' lowercased lead-ins and sentences.
///
/// Foundation's `range(of:)` and `contains(_:)` bridge every call to `NSString` and compare
/// with canonical equivalence, scalar by scalar: they took a fifth of the checker's time. Text
/// with no combining mark (U+0300–U+036F, the only way a Vietnamese letter is written apart
/// from its precomposed form) matches canonically exactly when it matches byte for byte, so a
/// search over UTF-8 gives the same ranges; text with a combining mark still goes to Foundation.
extension StringProtocol where Index == String.Index {
    /// The first (or, `backwards`, the last) range of `needle` in the string, within `range`
    /// when given.
    func find(_ needle: String, backwards: Bool = false, in range: Range<String.Index>? = nil) -> Range<String.Index>? {
        let scope = range ?? startIndex..<endIndex
        let hay = self[scope]
        let bytes = hay.utf8
        if needle.isEmpty { return nil }
        if bytes.contains(where: { $0 == 0xCC || $0 == 0xCD }) || needle.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) {
            return self.range(of: needle, options: backwards ? .backwards : [], range: scope)
        }
        var needle = needle
        needle.makeContiguousUTF8()
        let offset: Int? = needle.utf8.withContiguousStorageIfAvailable { n in
            bytes.withContiguousStorageIfAvailable { TextSearch.offset(of: n, in: $0, backwards: backwards) }
                ?? Array(bytes).withUnsafeBufferPointer { TextSearch.offset(of: n, in: $0, backwards: backwards) }
        } ?? nil
        guard let offset else { return nil }
        let lower = bytes.index(bytes.startIndex, offsetBy: offset)
        return lower..<bytes.index(lower, offsetBy: needle.utf8.count)
    }

    /// Whether `needle` occurs in the string (literally; see `find`).
    func has(_ needle: String) -> Bool { find(needle) != nil }
}

enum TextSearch {
    /// The byte offset of the first (last) occurrence of `n` in `h`.
    static func offset(of n: UnsafeBufferPointer<UInt8>, in h: UnsafeBufferPointer<UInt8>, backwards: Bool) -> Int? {
        let m = n.count
        guard m > 0, m <= h.count else { return nil }
        let first = n[0], last = h.count - m
        if backwards {
            var i = last
            while i >= 0 {
                if h[i] == first, matches(n, h, at: i) { return i }
                i -= 1
            }
        } else {
            var i = 0
            while i <= last {
                if h[i] == first, matches(n, h, at: i) { return i }
                i += 1
            }
        }
        return nil
    }

    private static func matches(_ n: UnsafeBufferPointer<UInt8>, _ h: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var j = 1
        while j < n.count {
            if h[i + j] != n[j] { return false }
            j += 1
        }
        return true
    }
}
