import Foundation
import VietText

/// Rule family: numbers spelled out in words, with the scale words that compose with them.
///
/// `hai nghìn ba trăm ba mươi tám` = 2338, `một trăm linh năm` = 105, `hai mươi mốt` = 21,
/// `bốn mươi tư` = 44, `mười lăm` = 15, `hai triệu rưỡi` = 2 500 000, `một triệu tư` = 1 400 000
/// (a digit after a scale word stands for the next lower place), `nghìn hai` = 1200,
/// `ba nghìn tỷ` = 3 × 10¹², `hai chục` = 20. Digits can stand in for a group: `1,5 tỷ`.
public enum SpelledNumerals {
    /// The digit words and their values (`spelled-digits.txt`); `mốt`, `tư`, `lăm`/`nhăm` only
    /// after a tens word (`spelled-digits-after-tens.txt`).
    static let digits: [String: Int] = Dictionary(
        RuleWords.numbers("spelled-digits.txt").map { ($0.0, NSDecimalNumber(decimal: $0.1).intValue) }, uniquingKeysWith: { a, _ in a })
    static let afterTensOnly: Set<String> = Set(RuleWords.lines("spelled-digits-after-tens.txt"))
    /// The structure words (`mười`, `mươi`, `chục`, `trăm`, `linh`, `lẻ`, `rưỡi`) and their role
    /// in the grammar (`spelled-structure-words.txt`).
    static let structureWords: [String: Item] = {
        var out: [String: Item] = [:]
        for (word, role) in RuleWords.table("spelled-structure-words.txt") {
            switch role {
            case "ten": out[word] = .ten
            case "tens": out[word] = .tens
            case "hundred": out[word] = .hundred
            case "zeroTens": out[word] = .zeroTens
            case "half": out[word] = .half
            default: fatalError("spelled-structure-words.txt: unknown role '\(role)'")
            }
        }
        return out
    }()
    /// The most syllables one spelled number may span: four groups of at most five syllables
    /// (`chín trăm chín mươi chín`) and their scale words. News writes far shorter ones; the
    /// cap keeps the reading of a long run of number words (`hai mươi hai mươi ...`) linear.
    static let maxSyllables = 24
    /// The same tables by word key, for the rules that read tokens.
    static let digitKeys: [UInt64: Int] = Dictionary(uniqueKeysWithValues: digits.map { (TextKey.of($0.key), $0.value) })
    static let wordsByKey: [UInt64: String] = {
        var all = Array(digits.keys) + Array(structureWords.keys) + Array(ScaleWords.words.keys)
        all = Array(Set(all))
        return Dictionary(uniqueKeysWithValues: all.map { (TextKey.of($0), $0) })
    }()

    /// The item token `key` stands for (see `item(_:after:)`).
    static func item(key: UInt64, after previous: Item?) -> Item? {
        guard let word = wordsByKey[key] else { return nil }
        return item(word, after: previous)
    }

    /// One item of a numeral: a digit word, a number written in digits, or a structure word.
    public enum Item: Equatable, Sendable {
        case digit(Int)
        case number(Decimal)
        case ten          // mười
        case tens         // mươi, chục
        case hundred      // trăm
        case zeroTens     // linh, lẻ
        case scale(Decimal)
        case half         // rưỡi
    }

    /// The item a lowercased word stands for, if any. `previous` is the item before it.
    static func item(_ word: String, after previous: Item?) -> Item? {
        if let d = digits[word] {
            if afterTensOnly.contains(word) {
                guard previous == .tens || (previous == .ten && word != "mốt") else { return nil }
            }
            if word == "tư" {
                // `tư` is 4 only after mươi or a scale word (`một triệu tư`)
                switch previous { case .tens?, .scale?, .hundred?: break; default: return nil }
            }
            return .digit(d)
        }
        if let structure = structureWords[word] { return structure }
        if let s = ScaleWords.value(of: word) { return .scale(s) }
        return nil
    }

    /// 0.5 and 0.1, exact (multiplying by them is much cheaper than dividing a `Decimal`).
    static let half = Decimal(sign: .plus, exponent: -1, significand: 5)
    static let tenth = Decimal(sign: .plus, exponent: -1, significand: 1)

    /// Evaluates a sequence of items; nil when they do not form one number.
    public static func evaluate(_ items: [Item]) -> Decimal? {
        guard !items.isEmpty else { return nil }
        var total: Decimal = 0
        var group: Decimal = 0        // the value below the current scale (< 1000, or a digit number)
        var lastDigit: Decimal? = nil // a digit word not yet placed
        var previous: Item? = nil
        var lastScale: Decimal? = nil
        var groupHasContent = false
        // one hundreds place and one tens place per group: `một trăm một trăm`, `hai mươi hai
        // mươi` are runs of numbers, not one number
        var groupHasHundred = false
        var groupHasTens = false
        for (k, item) in items.enumerated() {
            let isLast = k == items.count - 1
            switch item {
            case .digit(let d):
                let dv = Decimal(d)
                switch previous {
                case .scale(let s)? where isLast:
                    // shortened form: `một triệu tư` = 1 400 000, `nghìn hai` = 1200
                    total += dv * s * tenth
                    return total
                case .hundred? where isLast:
                    group += dv * 10   // `hai trăm năm` read as 250 only at the end
                case .digit?, .number?:
                    return nil     // two digits in a row: not one number
                default:
                    group += dv
                }
                lastDigit = dv
                groupHasContent = true
            case .number(let n):
                switch previous { case nil, .scale?: break; default: return nil }
                group += n
                lastDigit = nil
                groupHasContent = true
            case .ten:
                guard previous != .ten, previous != .tens, !groupHasTens else { return nil }
                groupHasTens = true
                group += 10
                lastDigit = nil
                groupHasContent = true
            case .tens:
                guard let d = lastDigit, case .digit? = previous, !groupHasTens else { return nil }
                groupHasTens = true
                group += d * 9    // the digit already counted once becomes tens
                lastDigit = nil
            case .hundred:
                let d = lastDigit ?? (groupHasContent ? nil : 1)
                guard let d, !groupHasHundred, !groupHasTens else { return nil }
                groupHasHundred = true
                group = group - (lastDigit ?? 0) + d * 100
                lastDigit = nil
                groupHasContent = true
            case .zeroTens:
                guard previous == .hundred else { return nil }
            case .scale(let s):
                if case .scale(let p)? = previous, s > p {
                    total *= s                       // `nghìn tỷ`
                } else {
                    if let l = lastScale, s >= l, total > 0 { return nil }  // `triệu ... triệu`
                    total += (groupHasContent ? group : 1) * s
                }
                group = 0
                lastDigit = nil
                groupHasContent = false
                groupHasHundred = false
                groupHasTens = false
                lastScale = s
            case .half:
                switch previous {
                case .scale(let s)?: total += s * half
                case .hundred?: group += 50
                case .tens?, .ten?: group += half
                default: return nil
                }
            }
            previous = item
        }
        return total + group
    }
}

/// Rule family: scale words (`nghìn`/`ngàn`, `vạn`, `triệu`, `tỷ`/`tỉ`) and the letter
/// suffixes of compact writing (`100K`, `3M`, `,0012G`).
public enum ScaleWords {
    /// Scale words and their values (`scale-words.txt`).
    static let words: [String: Decimal] = Dictionary(RuleWords.numbers("scale-words.txt"), uniquingKeysWith: { a, _ in a })
    /// Compact suffixes, case-sensitive (`scale-suffixes.txt`).
    static let suffixes: [String: Decimal] = Dictionary(RuleWords.numbers("scale-suffixes.txt"), uniquingKeysWith: { a, _ in a })

    public static func value(of word: String) -> Decimal? { words[word] }
    static let keyed: [UInt64: Decimal] = Dictionary(uniqueKeysWithValues: words.map { (TextKey.of($0.key), $0.value) })
    static func value(key: UInt64) -> Decimal? { keyed[key] }
    public static func suffix(_ letters: String) -> Decimal? { suffixes[letters] }
}
