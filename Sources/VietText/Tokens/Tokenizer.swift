import ICUCore

/// Splits normalized text into tokens with ICU's word break iterator, then joins what ICU
/// splits but Vietnamese news writes as one unit (`01/02/2019`, `2015-2018`, `3,5%`, `TP.`,
/// `05-NQ/TU`) and splits what ICU glues (`10.000.000đ`, `AnhTAG`).
///
/// Not thread-safe (it owns an ICU iterator and buffers): use one per thread; copies share the iterator.
public struct Tokenizer {
    private let chars = CharTable.shared
    private let words: BreakIterator
    private let abbreviations: Abbreviations
    private var raw: [Token] = []

    public init(abbreviations: Abbreviations) throws {
        self.words = try BreakIterator(.word)
        self.abbreviations = abbreviations
    }

    public mutating func tokenize(_ text: NormalizedText) -> [Token] {
        var tokens: [Token] = []
        tokenize(text, into: &tokens)
        return tokens
    }

    /// Replaces the contents of `tokens` with the tokens of `text`.
    public mutating func tokenize(_ text: NormalizedText, into tokens: inout [Token]) {
        tokens.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
        text.normalized.withUnsafeBufferPointer { units in
            scan(units)
            join(units, into: &tokens)
        }
        if text.originalOffsets != nil {
            for i in tokens.indices {
                let r = tokens[i].normalizedRange
                tokens[i].range = text.originalOffset(r.lowerBound)..<text.originalOffset(r.upperBound)
            }
        }
    }

    // MARK: first pass: ICU segments -> raw tokens

    private mutating func scan(_ units: UnsafeBufferPointer<UInt16>) {
        try? words.forEachSegment(in: units) { segment in
            let s = segment.start, e = segment.end
            if segment.isNumber {
                // ICU calls `VN30` and `H5N1` numbers; they are identifiers
                var hasLetter = false
                for i in s..<e where chars.isLetter(units[i]) { hasLetter = true; break }
                if hasLetter { letters(units, s, e) } else { emit(.number, s, e) }
            } else if segment.isLetter {
                letters(units, s, e)
            } else {
                var allSpace = true
                for i in s..<e where !chars.isSpace(units[i]) { allSpace = false; break }
                if allSpace { return }
                // ICU yields each punctuation or symbol character on its own
                var i = s
                while i < e {
                    if chars.isSpace(units[i]) { i += 1; continue }
                    let isPair = i + 1 < e && units[i] >= 0xD800 && units[i] <= 0xDBFF
                    let end = isPair ? i + 2 : i + 1
                    emit(Self.isPunctuation(chars, units, i) ? .punctuation : .symbol, i, end)
                    i = end
                }
            }
        }
    }

    /// A run of letters (ICU status "letter"), possibly with digits and inner dots.
    private mutating func letters(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) {
        var digits = 0, uppers = 0, lowers = 0, dots = 0
        var firstLetter = -1
        var camel = -1  // first uppercase that follows a lowercase letter
        for i in s..<e {
            let c = u[i]
            if chars.isDigit(c) { digits += 1; continue }
            if c == 0x2E { dots += 1; continue }
            if c == 0x2C { continue }
            if firstLetter < 0 { firstLetter = i }
            if chars.isUpper(c) {
                if camel < 0 && i > s && chars.isLower(u[i - 1]) { camel = i }
                uppers += 1
            } else if chars.isLower(c) {
                lowers += 1
            }
        }
        if digits > 0 {
            // `10.000.000đ`, `5km`: a number glued to its unit
            if chars.isDigit(u[s]), firstLetter > s {
                var k = firstLetter
                while k > s && (u[k - 1] == 0x2E || u[k - 1] == 0x2C) { k -= 1 }
                var letterDigits = false
                for i in firstLetter..<e where chars.isDigit(u[i]) { letterDigits = true; break }
                // `15.000m2`, `120.000m3`, `5km2`: a lowercase unit with a power glued after it
                let power = letterDigits && e - firstLetter >= 2 && e - firstLetter <= 4 && (u[e - 1] == 0x32 || u[e - 1] == 0x33)
                    && (firstLetter..<(e - 1)).allSatisfy { chars.isLower(u[$0]) }
                if (!letterDigits || power) && k > s {
                    emit(.number, s, k)
                    if k < firstLetter { emit(.punctuation, k, firstLetter) }
                    emit(power ? .code : letterKind(u, firstLetter, e), firstLetter, e)
                    return
                }
            }
            emit(.code, s, e)
            return
        }
        if dots > 0 { emit(.abbreviation, s, e); return }
        // `AnhTAG`: a capitalised syllable glued to a capitalised run (page chrome)
        if camel > s, chars.isUpper(u[s]), SyllableShape.isPlausible(UnsafeBufferPointer(rebasing: u[s..<camel])) {
            var restUpper = true
            for i in camel..<e where !chars.isUpper(u[i]) { restUpper = false; break }
            if restUpper && e - camel >= 2 {
                emit(.syllable, s, camel)
                emit(.abbreviation, camel, e)
                return
            }
        }
        emit(letterKind(u, s, e), s, e)
    }

    private func letterKind(_ u: UnsafeBufferPointer<UInt16>, _ s: Int, _ e: Int) -> Token.Kind {
        guard e - s >= 2 else { return .syllable }
        var lower = false
        for i in s..<e where chars.isLower(u[i]) { lower = true; break }
        if lower { return .syllable }
        return SyllableShape.isPlausible(UnsafeBufferPointer(rebasing: u[s..<e])) ? .syllable : .abbreviation
    }

    @inline(__always)
    private mutating func emit(_ kind: Token.Kind, _ s: Int, _ e: Int) {
        raw.append(Token(kind: kind, range: s..<e, normalizedRange: s..<e))
    }

    private static func isPunctuation(_ chars: CharTable, _ u: UnsafeBufferPointer<UInt16>, _ i: Int) -> Bool {
        let c = u[i]
        if c < 0x80 {
            switch c {
            case 0x21, 0x22, 0x27, 0x28, 0x29, 0x2C, 0x2D, 0x2E, 0x2F, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x7B, 0x7D, 0x5F:
                return true
            default: return false
            }
        }
        guard let scalar = Unicode.Scalar(UInt32(c)) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    // MARK: second pass: join raw tokens

    private func join(_ u: UnsafeBufferPointer<UInt16>, into out: inout [Token]) {
        let t = raw
        var i = 0
        while i < t.count {
            if let (kind, next) = compound(u, t, i) {
                out.append(Token(kind: kind, range: t[i].range.lowerBound..<t[next - 1].range.upperBound,
                                 normalizedRange: t[i].range.lowerBound..<t[next - 1].range.upperBound))
                i = next
            } else {
                out.append(t[i])
                i += 1
            }
        }
    }

    @inline(__always)
    private func adjacent(_ t: [Token], _ a: Int, _ b: Int) -> Bool {
        b < t.count && t[a].range.upperBound == t[b].range.lowerBound
    }

    @inline(__always)
    private func isChar(_ u: UnsafeBufferPointer<UInt16>, _ tok: Token, _ c: UInt16) -> Bool {
        tok.range.count == 1 && u[tok.range.lowerBound] == c
    }

    /// The most parts a compound token joins with `/` or `-`.
    static let maxCompoundParts = 12

    /// The kind and end index of a compound token starting at raw token `i`, if one does.
    private func compound(_ u: UnsafeBufferPointer<UInt16>, _ t: [Token], _ i: Int) -> (Token.Kind, Int)? {
        let first = t[i]
        // most tokens stand apart: nothing to join unless the next one touches this one
        guard adjacent(t, i, i + 1) else { return nil }
        switch first.kind {
        case .number, .code, .abbreviation, .syllable:
            // parts joined by `/` or `-` with no space: dates, fractions, ranges, codes
            var parts = [i]
            var j = i
            var joiners: [UInt16] = []
            // a real compound has a few parts (`01/02/2019`, `571/VPCP-KTTH`); the cap keeps a long
            // run of `a-a-a-...` linear (each start would otherwise walk the whole run)
            while parts.count < Self.maxCompoundParts, adjacent(t, j, j + 1), adjacent(t, j + 1, j + 2) {
                let sep = t[j + 1]
                guard sep.range.count == 1 else { break }
                let c = u[sep.range.lowerBound]
                guard c == 0x2F || c == 0x2D else { break }
                let next = t[j + 2]
                guard [.number, .code, .abbreviation, .syllable].contains(next.kind) else { break }
                joiners.append(c)
                parts.append(j + 2)
                j += 2
            }
            if parts.count > 1, let kind = chainKind(u, t, parts, joiners) {
                // `10-15%`: a range of percentages keeps its sign
                if kind == .range, adjacent(t, j, j + 1), isChar(u, t[j + 1], 0x25) { return (kind, j + 2) }
                return (kind, j + 1)
            }
            if first.kind == .number, adjacent(t, i, i + 1), isChar(u, t[i + 1], 0x25) { return (.percent, i + 2) }
            if first.kind == .syllable || first.kind == .abbreviation, adjacent(t, i, i + 1), isChar(u, t[i + 1], 0x2E) {
                let text = Array(u[first.range.lowerBound...t[i + 1].range.lowerBound])
                if abbreviations.contains(text) { return (.abbreviation, i + 2) }
            }
            return nil
        case .punctuation:
            // `...` and `…` runs
            guard isChar(u, first, 0x2E) else { return nil }
            var j = i
            while adjacent(t, j, j + 1) && isChar(u, t[j + 1], 0x2E) { j += 1 }
            return j > i ? (.punctuation, j + 1) : nil
        default:
            return nil
        }
    }

    private func chainKind(_ u: UnsafeBufferPointer<UInt16>, _ t: [Token], _ parts: [Int], _ joiners: [UInt16]) -> Token.Kind? {
        let kinds = parts.map { t[$0].kind }
        let allNumbers = kinds.allSatisfy { $0 == .number }
        if allNumbers {
            let values = parts.map { Self.integer(chars, u, t[$0].range) }
            if joiners.allSatisfy({ $0 == 0x2F }) {
                if parts.count == 3, let d = values[0], let m = values[1], let y = values[2],
                   (1...31).contains(d), (1...12).contains(m), t[parts[2]].range.count == 4 || t[parts[2]].range.count == 2, y >= 0 {
                    return .date
                }
                if parts.count == 2, let m = values[0], (1...12).contains(m), t[parts[1]].range.count == 4,
                   let y = values[1], (1900...2199).contains(y) {
                    return .date
                }
                return parts.count == 2 ? .fraction : .code
            }
            if joiners.allSatisfy({ $0 == 0x2D }) && parts.count == 2 { return .range }
            return .code
        }
        // letters and digits together make an identifier; letters alone (`Hà Nội-Hải Phòng`) do not
        let hasNumber = kinds.contains { $0 == .number || $0 == .code }
        let hasUpper = parts.contains { p in t[p].range.contains { chars.isUpper(u[$0]) } }
        return hasNumber && hasUpper ? .code : nil
    }

    /// The integer value of plain digits (no separators), nil otherwise.
    private static func integer(_ chars: CharTable, _ u: UnsafeBufferPointer<UInt16>, _ r: Range<Int>) -> Int? {
        guard r.count <= 9 else { return nil }
        var v = 0
        for i in r {
            guard chars.isDigit(u[i]) else { return nil }
            v = v * 10 + Int(u[i] - 0x30)
        }
        return v
    }
}
