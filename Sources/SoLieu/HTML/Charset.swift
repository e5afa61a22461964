import ICUCore

/// How a page's bytes become text: a byte-order mark, else a `<meta charset>` (or
/// `http-equiv` `content="...; charset=..."`) near the top, else UTF-8, falling back to the
/// legacy Vietnamese code page (windows-1258) and then windows-1252 when the bytes are not UTF-8.
///
/// The text is NFC-normalised: windows-1258 writes most tone marks as combining characters.
enum Charset {
    /// Bytes that could not be decoded in `charset`, from byte `offset` on.
    struct Undecodable: Error, Sendable {
        var charset: String
        var offset: Int
    }

    /// How far into the page a charset declaration is looked for.
    static let declarationWindow = 4096

    /// The text of `bytes` and the charset it was read in.
    static func decode(_ bytes: [UInt8]) throws(Undecodable) -> (text: String, charset: String) {
        if let (charset, length) = byteOrderMark(bytes) {
            return (try decode(Array(bytes[length...]), as: charset, offsetBy: length), charset)
        }
        if let declared = declaredCharset(bytes) {
            return (try decode(bytes, as: declared), declared)
        }
        do {
            return (try decode(bytes, as: "utf-8"), "utf-8")
        } catch {
            for fallback in ["windows-1258", "windows-1252"] {
                if let text = try? decode(bytes, as: fallback) { return (text, fallback) }
            }
            throw error
        }
    }

    /// The charset a byte-order mark names, and the mark's length.
    static func byteOrderMark(_ bytes: [UInt8]) -> (String, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
        return nil
    }

    /// The charset that the first `<meta>` declaring one names (normalised with `label(_:)`),
    /// when ICU knows it.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        // ASCII-lower-cased copy of the window; non-ASCII bytes cannot be part of a declaration.
        let window = bytes.prefix(declarationWindow).map { b -> UInt8 in
            b >= 0x41 && b <= 0x5A ? b + 0x20 : (b < 0x80 ? b : 0x3F)
        }
        let meta = Array("<meta".utf8), charset = Array("charset".utf8)
        var i = 0
        while let start = find(meta, in: window, from: i) {
            let close = window[start...].firstIndex(of: UInt8(ascii: ">")) ?? window.count
            var j = start
            while let at = find(charset, in: window[..<close], from: j) {
                j = at + charset.count
                var k = j
                while k < close, window[k] == 0x20 || window[k] == 0x09 || window[k] == 0x0A || window[k] == 0x0D { k += 1 }
                guard k < close, window[k] == UInt8(ascii: "=") else { continue }
                k += 1
                while k < close, [0x20, 0x09, 0x0A, 0x0D, 0x22, 0x27].contains(window[k]) { k += 1 }
                var name: [UInt8] = []
                while k < close, isLabelByte(window[k]) { name.append(window[k]); k += 1 }
                if !name.isEmpty, let known = label(String(decoding: name, as: UTF8.self)) { return known }
            }
            i = start + meta.count
        }
        return nil
    }

    /// The charset to decode with for a declared label: the WHATWG equivalences that matter
    /// (Latin-1 and ASCII mean windows-1252; a UTF-16 declaration inside an ASCII-compatible
    /// page means UTF-8); nil for a label ICU does not know.
    static func label(_ declared: String) -> String? {
        switch declared {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be": return "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "windows-1252", "x-cp1252":
            return "windows-1252"
        case "cp1258", "windows-1258", "x-cp1258": return "windows-1258"
        default: return Converter.isKnown(declared) ? declared : nil
        }
    }

    /// `bytes` decoded strictly in `charset` and NFC-normalised.
    static func decode(_ bytes: [UInt8], as charset: String, offsetBy base: Int = 0) throws(Undecodable) -> String {
        if charset == "utf-8" {
            if let text = String(validating: bytes, as: UTF8.self) { return HTMLText.nfc(text) }
            throw Undecodable(charset: charset, offset: base + (firstInvalidUTF8(bytes) ?? 0))
        }
        do {
            return HTMLText.nfc(try Converter.decodeString(bytes, charset: charset))
        } catch {
            throw Undecodable(charset: charset, offset: base + (error.offset ?? 0))
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }


    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x3A || b == 0x2E
    }

    private static func find<C: RandomAccessCollection>(_ needle: [UInt8], in haystack: C, from: Int) -> Int?
        where C.Element == UInt8, C.Index == Int {
        guard needle.count <= haystack.endIndex - from else { return nil }
        var i = max(from, haystack.startIndex)
        while i + needle.count <= haystack.endIndex {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
