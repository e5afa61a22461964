import Figures
import Foundation

/// Fast rendering of flat records (`Figure`) for `extract`, generic over `Encodable`: the
/// record's `encode(to:)` fills a list of top-level fields (strings, integers, decimals, bools,
/// nulls), which are then written as compact JSON with sorted keys — byte for byte what
/// `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes — or as a CSV row.
/// A record (or field) this encoder does not handle (nested containers, floating point) is
/// encoded by `JSONEncoder` instead, so new fields of any type stay correct.
/// Not thread-safe: one per thread.
final class RecordEncoder {
    enum Value {
        case string(String)
        /// A number or `true`/`false`, as JSON writes it.
        case literal(String)
        case null
        /// A value that only `JSONEncoder` rendered (JSON text).
        case json([UInt8])
    }

    private let fallback: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// Reused for every record (its field list keeps its capacity).
    private lazy var collector = FieldsEncoder(fallback: fallback)
    /// The key order of the last record and, for it, the fields to write (the last of a key
    /// encoded twice, as JSONEncoder keeps) sorted by key, each with its `"key":` bytes.
    private var lastKeys: [String] = []
    private var order: [(field: Int, key: [UInt8])] = []

    /// The top-level fields of `record` in the order encoded; nil when it is not a flat keyed record.
    func fields<T: Encodable>(_ record: T) throws -> [(key: String, value: Value)]? {
        let encoder = collector
        encoder.reset()
        try record.encode(to: encoder)
        return encoder.unsupported ? nil : encoder.fields
    }

    /// Appends `record` as one line of compact JSON with sorted keys (no newline).
    func appendJSON<T: Encodable>(_ record: T, to out: inout [UInt8]) throws {
        // the record `extract` writes most: directly (the Encodable path was a sixth of a run);
        // `JSONRecordTests` holds it byte for byte to what JSONEncoder writes
        if T.self == Figure.self {
            Self.appendFigure(record as! Figure, to: &out)
            return
        }
        guard let fields = try fields(record) else {
            out += try fallback.encode(record)
            return
        }
        if fields.count != lastKeys.count || !zip(fields, lastKeys).allSatisfy({ $0.key == $1 }) {
            lastKeys = fields.map(\.key)
            var last: [String: Int] = [:]
            for (k, f) in fields.enumerated() { last[f.key] = k }
            order = last.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { key, field in
                var bytes: [UInt8] = []
                Self.appendJSONString(key, to: &bytes)
                bytes.append(0x3A)
                return (field, bytes)
            }
        }
        out.append(0x7B)
        for (n, o) in order.enumerated() {
            if n > 0 { out.append(0x2C) }
            out += o.key
            switch fields[o.field].value {
            case .string(let s): Self.appendJSONString(s, to: &out)
            case .literal(let s): out += s.utf8
            case .null: out += [0x6E, 0x75, 0x6C, 0x6C]
            case .json(let bytes): out += bytes
            }
        }
        out.append(0x7D)
    }

    /// Appends `record` as a CSV row (RFC 4180) of `columns`, without the line end. A column
    /// the record lacks or sets to null is empty.
    func appendCSV<T: Encodable>(_ record: T, columns: [String], to out: inout [UInt8]) throws {
        var byKey: [String: Value] = [:]
        if let fields = try fields(record) {
            for f in fields { byKey[f.key] = f.value }
        } else if let object = try JSONSerialization.jsonObject(with: fallback.encode(record)) as? [String: Any] {
            for (k, v) in object {
                if let s = v as? String { byKey[k] = .string(s) }
                else if v is NSNull { byKey[k] = .null }
                else { byKey[k] = .json(Array(try JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .sortedKeys]))) }
            }
        }
        for (n, column) in columns.enumerated() {
            if n > 0 { out.append(0x2C) }
            switch byKey[column] {
            case .string(let s): Self.appendCSVField(s, to: &out)
            case .literal(let s): Self.appendCSVField(s, to: &out)
            case .json(let bytes): Self.appendCSVField(String(decoding: bytes, as: UTF8.self), to: &out)
            case .null, nil: break
            }
        }
    }

    /// A CSV field: quoted when it holds a comma, a double quote, CR or LF (looked up by
    /// byte, so `\r\n` and a quote followed by a combining mark count), inner quotes doubled.
    static func appendCSVField(_ s: String, to out: inout [UInt8]) {
        let utf8 = s.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            out += utf8
            return
        }
        out.append(0x22)
        for b in utf8 {
            if b == 0x22 { out.append(0x22) }
            out.append(b)
        }
        out.append(0x22)
    }

    /// A `Figure` as `Figure.encode(to:)` and JSONEncoder (sorted keys) write it.
    static func appendFigure(_ f: Figure, to out: inout [UInt8]) {
        func key(_ k: StaticString, first: Bool = false) {
            if !first { out.append(0x2C) }
            out.append(0x22)
            k.withUTF8Buffer { out += $0 }
            out += [0x22, 0x3A]
        }
        func decimal(_ d: Decimal?) {
            if let d { out += decimalText(d).utf8 } else { out += "null".utf8 }
        }
        func string(_ s: String?) {
            if let s { appendJSONString(s, to: &out) } else { out += "null".utf8 }
        }
        // a subject or place: its present fields, sorted (`end`, `entity`, `start`, `text`, `within`)
        func context(_ c: FigureContext) {
            out.append(0x7B)
            var first = true
            func field(_ k: StaticString) {
                if !first { out.append(0x2C) }
                first = false
                out.append(0x22)
                k.withUTF8Buffer { out += $0 }
                out += [0x22, 0x3A]
            }
            if let end = c.end { field("end"); out += String(end).utf8 }
            if let entity = c.entity { field("entity"); out += String(entity).utf8 }
            if let start = c.start { field("start"); out += String(start).utf8 }
            field("text"); appendJSONString(c.text, to: &out)
            if !c.within.isEmpty {
                field("within")
                out.append(0x5B)
                for (n, w) in c.within.enumerated() {
                    if n > 0 { out.append(0x2C) }
                    appendJSONString(w, to: &out)
                }
                out.append(0x5D)
            }
            out.append(0x7D)
        }
        out.append(0x7B)
        if let article = f.article { key("article", first: true); string(article); key("end") } else { key("end", first: true) }
        out += String(f.end).utf8
        key("id"); out += String(f.id).utf8
        key("interval")
        out += #"{"lower":"#.utf8; decimal(f.interval.lower)
        out += #","lowerOpen":"#.utf8; out += (f.interval.lowerOpen ? "true" : "false").utf8
        out += #","upper":"#.utf8; decimal(f.interval.upper)
        out += #","upperOpen":"#.utf8; out += (f.interval.upperOpen ? "true" : "false").utf8
        out.append(0x7D)
        if let style = f.numberStyle { key("numberStyle"); string(style.rawValue) }
        if let place = f.place { key("place"); context(place) }
        key("precision"); decimal(f.precision)
        key("qualifier"); string(f.qualifier.rawValue)
        key("rate"); string(f.rate)
        key("schemaVersion"); out += String(f.schemaVersion).utf8
        key("sentence"); string(f.sentence)
        key("sentenceIndex"); out += String(f.sentenceIndex).utf8
        key("start"); out += String(f.start).utf8
        if let subject = f.subject { key("subject"); context(subject) }
        key("text"); string(f.text)
        key("time"); string(f.time?.description)
        key("unit"); string(f.unit)
        key("value"); decimal(f.value)
        if let max = f.valueMax { key("valueMax"); decimal(max) }
        out.append(0x7D)
    }

    private static let hex = Array("0123456789abcdef".utf8)
    private static let fastLimit = Decimal(UInt64(1) << 62)

    /// `d.description` (what JSONEncoder writes for a Decimal), without its slow general path
    /// for significands that fit 62 bits (about 1.7 µs against 0.1 µs a value).
    static func decimalText(_ d: Decimal) -> String {
        guard !d.isNaN, !d.isZero else { return d.description }
        let significand = d.significand
        guard significand < fastLimit else { return d.description }
        var m = NSDecimalNumber(decimal: significand).uint64Value
        var e = d.exponent
        while e < 0, m % 10 == 0 { m /= 10; e += 1 }
        var digits = String(m)
        if e > 0 {
            digits += String(repeating: "0", count: e)
        } else if e < 0 {
            let point = digits.count + e
            if point <= 0 { digits = "0." + String(repeating: "0", count: -point) + digits }
            else { digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point)) }
        }
        return d.sign == .minus ? "-" + digits : digits
    }

    /// A JSON string as `JSONEncoder` writes it without escaping slashes: `"` and `\` escaped,
    /// control characters as `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`, everything else as UTF-8.
    static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { b in
            // runs without anything to escape are copied whole
            var run = 0
            for i in 0..<b.count {
                let c = b[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i])) }
                run = i + 1
                switch c {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x08: out += [0x5C, 0x62]
                case 0x0C: out += [0x5C, 0x66]
                default: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]]
                }
            }
            if run < b.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<b.count])) }
        }
        out.append(0x22)
    }
}

/// `value` as `U`, which is its type (checked by the caller).
@inline(__always)
private func same<T, U>(_ value: T, _ type: U.Type) -> U {
    withUnsafePointer(to: value) { $0.withMemoryRebound(to: U.self, capacity: 1) { $0.pointee } }
}

/// Collects the top-level fields of a keyed record.
final class FieldsEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var fields: [(key: String, value: RecordEncoder.Value)] = []
    var unsupported = false
    let fallback: JSONEncoder

    init(fallback: JSONEncoder) { self.fallback = fallback }

    func reset() {
        fields.removeAll(keepingCapacity: true)
        unsupported = false
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(FieldsContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        unsupported = true
        return JSONEncoderUnkeyedSink()
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        unsupported = true
        return ValueEncoder()
    }

    /// One field's value: the common types directly, enums and optionals through their own
    /// `encode(to:)` on a single-value encoder, anything else through `JSONEncoder`.
    func value<T: Encodable>(_ value: T) throws -> RecordEncoder.Value {
        // the common types by metatype (a dynamic cast per field was a third of the encoding)
        if T.self == String.self { return .string(same(value, String.self)) }
        if T.self == Decimal.self { return .literal(RecordEncoder.decimalText(same(value, Decimal.self))) }
        if T.self == Int.self { return .literal(String(same(value, Int.self))) }
        if T.self == String?.self { return same(value, String?.self).map { .string($0) } ?? .null }
        if T.self == Decimal?.self { return same(value, Decimal?.self).map { .literal(RecordEncoder.decimalText($0)) } ?? .null }
        if T.self == Int?.self { return same(value, Int?.self).map { .literal(String($0)) } ?? .null }
        if T.self == Bool.self { return .literal(same(value, Bool.self) ? "true" : "false") }
        let single = ValueEncoder()
        try value.encode(to: single)
        if !single.unsupported, let v = single.value { return v }
        // a nested record of plain fields (`interval`): an object with sorted keys
        let nested = FieldsEncoder(fallback: fallback)
        try value.encode(to: nested)
        if !nested.unsupported, !nested.fields.isEmpty {
            var last: [String: Int] = [:]
            for (k, f) in nested.fields.enumerated() { last[f.key] = k }
            var out: [UInt8] = [0x7B]
            for (n, (key, index)) in last.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if n > 0 { out.append(0x2C) }
                RecordEncoder.appendJSONString(key, to: &out)
                out.append(0x3A)
                switch nested.fields[index].value {
                case .string(let s): RecordEncoder.appendJSONString(s, to: &out)
                case .literal(let s): out += s.utf8
                case .null: out += [0x6E, 0x75, 0x6C, 0x6C]
                case .json(let bytes): out += bytes
                }
            }
            out.append(0x7D)
            return .json(out)
        }
        return .json(Array(try fallback.encode(value)))
    }
}

private struct FieldsContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: FieldsEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { encoder.fields.append((key.stringValue, .null)) }
    mutating func encode(_ value: String, forKey key: Key) throws { encoder.fields.append((key.stringValue, .string(value))) }
    mutating func encode(_ value: Int, forKey key: Key) throws { encoder.fields.append((key.stringValue, .literal(String(value)))) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { encoder.fields.append((key.stringValue, .literal(value ? "true" : "false"))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.fields.append((key.stringValue, try encoder.value(value)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.unsupported = true
        return FieldsEncoder(fallback: encoder.fallback).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.unsupported = true
        return JSONEncoderUnkeyedSink()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.unsupported = true
        return FieldsEncoder(fallback: encoder.fallback)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.unsupported = true
        return FieldsEncoder(fallback: encoder.fallback)
    }
}

/// A single value (an enum's raw value, an optional): strings, integers, decimals, bools, null.
private final class ValueEncoder: Encoder, SingleValueEncodingContainer {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    var value: RecordEncoder.Value?
    var unsupported = false

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        unsupported = true
        return FieldsEncoder(fallback: JSONEncoder()).container(keyedBy: type)
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        unsupported = true
        return JSONEncoderUnkeyedSink()
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { value = .null }
    func encode(_ value: String) throws { self.value = .string(value) }
    func encode(_ value: Int) throws { self.value = .literal(String(value)) }
    func encode(_ value: Bool) throws { self.value = .literal(value ? "true" : "false") }
    func encode<T: Encodable>(_ value: T) throws {
        switch value {
        case let s as String: self.value = .string(s)
        case let i as Int: self.value = .literal(String(i))
        case let d as Decimal: self.value = .literal(RecordEncoder.decimalText(d))
        case let b as Bool: self.value = .literal(b ? "true" : "false")
        default:
            // a nested optional or wrapper: its own single value
            let inner = ValueEncoder()
            try value.encode(to: inner)
            if inner.unsupported || inner.value == nil { unsupported = true } else { self.value = inner.value }
        }
    }
    // floating point and the sized integers are left to JSONEncoder (its number formatting)
    func encode(_ value: Double) throws { unsupported = true }
    func encode(_ value: Float) throws { unsupported = true }
    func encode(_ value: Int8) throws { self.value = .literal(String(value)) }
    func encode(_ value: Int16) throws { self.value = .literal(String(value)) }
    func encode(_ value: Int32) throws { self.value = .literal(String(value)) }
    func encode(_ value: Int64) throws { self.value = .literal(String(value)) }
    func encode(_ value: UInt) throws { self.value = .literal(String(value)) }
    func encode(_ value: UInt8) throws { self.value = .literal(String(value)) }
    func encode(_ value: UInt16) throws { self.value = .literal(String(value)) }
    func encode(_ value: UInt32) throws { self.value = .literal(String(value)) }
    func encode(_ value: UInt64) throws { self.value = .literal(String(value)) }
}

/// An unkeyed container that discards what it is given (the record then goes to JSONEncoder).
private struct JSONEncoderUnkeyedSink: UnkeyedEncodingContainer {
    var codingPath: [any CodingKey] { [] }
    var count = 0
    mutating func encodeNil() throws {}
    mutating func encode<T: Encodable>(_ value: T) throws {}
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        FieldsEncoder(fallback: JSONEncoder()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
    mutating func superEncoder() -> any Encoder { ValueEncoder() }
}
