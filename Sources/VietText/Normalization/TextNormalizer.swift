import ICUCore

/// A text in two forms: the original UTF-16 as given, and the normalized form that the
/// tokenizer reads, with a map back so that every offset reported points into the original.
public struct NormalizedText: Sendable {
    /// The input, unchanged.
    public let original: [UInt16]
    /// NFC, one tone placement, `Ð` -> `Đ`, odd spaces -> U+0020, zero-width characters removed.
    public let normalized: [UInt16]
    /// `originalOffset[i]` is the original offset of normalized offset `i` (count + 1 entries);
    /// nil when the two forms are aligned unit for unit.
    let originalOffsets: [Int32]?

    /// The original UTF-16 offset of a normalized offset (0...normalized.count).
    @inline(__always)
    public func originalOffset(_ normalizedOffset: Int) -> Int {
        guard let map = originalOffsets else { return normalizedOffset }
        return Int(map[normalizedOffset])
    }

    public var normalizedString: String { String(decoding: normalized, as: UTF16.self) }
}

/// Normalizes Vietnamese text for tokenization while keeping offsets into the original.
public struct TextNormalizer: Sendable {
    public var tonePlacement: TonePlacement
    private let nfc: Normalizer

    public init(tonePlacement: TonePlacement = .firstVowel) throws {
        self.tonePlacement = tonePlacement
        self.nfc = try Normalizer(.nfc)
    }

    public func normalize(_ string: String) -> NormalizedText {
        normalize(Array(string.utf16))
    }

    public func normalize(_ units: [UInt16]) -> NormalizedText {
        var (text, map) = composed(units)
        if let (fixed, fixedMap) = replacingSpecials(text, map: map) {
            text = fixed
            map = fixedMap
        }
        ToneMarks.place(tonePlacement, in: &text)
        return NormalizedText(original: units, normalized: text, originalOffsets: map)
    }

    /// NFC, normalizing only the pieces that ICU's quick check does not pass.
    private func composed(_ units: [UInt16]) -> ([UInt16], [Int32]?) {
        units.withUnsafeBufferPointer { all -> ([UInt16], [Int32]?) in
            let n = all.count
            if nfc.normalizedPrefixLength(all) == n { return (units, nil) }
            var out = [UInt16]()
            out.reserveCapacity(n)
            var map = [Int32]()
            map.reserveCapacity(n + 1)
            var p = 0
            while p < n {
                // an already-normalized stretch: copied unit for unit
                let ok = nfc.normalizedPrefixLength(UnsafeBufferPointer(rebasing: all[p...]))
                for i in p..<(p + ok) { out.append(all[i]); map.append(Int32(i)) }
                p += ok
                if p >= n { break }
                // the next stretch up to a normalization boundary, normalized as one piece
                var q = p + 1
                while q < n {
                    let u = all[q]
                    let isLowSurrogate = u >= 0xDC00 && u <= 0xDFFF
                    if !isLowSurrogate && nfc.hasBoundaryBefore(UInt32(u)) { break }
                    q += 1
                }
                let piece = UnsafeBufferPointer(rebasing: all[p..<q])
                let normalized = (try? nfc.normalize(piece)) ?? Array(piece)
                let aligned = normalized.count == q - p
                for (k, u) in normalized.enumerated() { out.append(u); map.append(Int32(aligned ? p + k : p)) }
                p = q
            }
            map.append(Int32(n))
            return (out, map)
        }
    }

    /// Replaces look-alike and space characters and removes zero-width ones; nil when none occur.
    private func replacingSpecials(_ text: [UInt16], map: [Int32]?) -> ([UInt16], [Int32]?)? {
        guard text.contains(where: { Self.special($0) != nil }) else { return nil }
        var out = [UInt16]()
        out.reserveCapacity(text.count)
        var newMap = [Int32]()
        newMap.reserveCapacity(text.count + 1)
        for (i, u) in text.enumerated() {
            let origin = map.map { $0[i] } ?? Int32(i)
            switch Self.special(u) {
            case nil: out.append(u); newMap.append(origin)
            case 0?: continue  // removed
            case let r?: out.append(r); newMap.append(origin)
            }
        }
        newMap.append(map.map { $0[text.count] } ?? Int32(text.count))
        return (out, newMap)
    }

    /// nil: keep; 0: remove; else: the replacement.
    @inline(__always)
    static func special(_ u: UInt16) -> UInt16? {
        switch u {
        case 0x00D0: return 0x0110  // Ð (eth) used for Đ
        case 0x00F0: return 0x0111  // ð used for đ
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return 0x20
        case 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return 0
        default: return nil
        }
    }
}
