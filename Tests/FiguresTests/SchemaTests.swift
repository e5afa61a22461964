import Foundation
import Testing
@testable import Figures

/// The JSON Schema shipped with the records (`Sources/Figures/Resources/figure.schema.json`)
/// describes what the encoder writes: required keys, types, enums, constants, nested objects,
/// the time pattern.
@Suite struct SchemaTests {
    static func schema() throws -> [String: Any] {
        let url = try #require(Figure.schemaURL)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// The problems of `value` against `spec` (a small subset of JSON Schema: type, enum, const,
    /// pattern, required, properties, additionalProperties: false).
    static func problems(_ value: Any, _ spec: [String: Any], at path: String) -> [String] {
        var out: [String] = []
        let actual: String
        switch value {
        case is NSNull: actual = "null"
        case is String: actual = "string"
        case is [String: Any]: actual = "object"
        case let n as NSNumber: actual = String(describing: type(of: n)).contains("Boolean") ? "boolean" : "number"
        default: actual = "?"
        }
        let types: [String] = (spec["type"] as? [String]) ?? (spec["type"] as? String).map { [$0] } ?? []
        if !types.isEmpty, !(types.contains(actual) || (actual == "number" && types.contains("integer"))) {
            out.append("\(path): \(actual) not in \(types)")
        }
        if let options = spec["enum"] as? [String], !options.contains(value as? String ?? "") { out.append("\(path): \(value) not in \(options)") }
        if let c = spec["const"] as? Int, (value as? Int) != c { out.append("\(path): \(value) is not \(c)") }
        if let pattern = spec["pattern"] as? String, let s = value as? String, s.range(of: pattern, options: .regularExpression) == nil {
            out.append("\(path): '\(s)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = spec["properties"] as? [String: [String: Any]] ?? [:]
            for key in spec["required"] as? [String] ?? [] where object[key] == nil { out.append("\(path).\(key): missing") }
            for (key, v) in object {
                guard let sub = properties[key] else { out.append("\(path).\(key): not in the schema"); continue }
                out += problems(v, sub, at: "\(path).\(key)")
            }
        }
        return out
    }

    @Test func encodedFiguresConformToTheSchema() throws {
        let schema = try Self.schema()
        let sample = try figures("Từ năm 2015 đến hết năm 2018, kết nạp 9.711 đảng viên, trên 2.300 đảng viên/năm, tăng 10-15%, lãi 1,500 tỷ đồng.")
        #expect(sample.count == 4)
        let encoder = JSONEncoder()
        for f in sample {
            let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(f)) as? [String: Any])
            #expect(Self.problems(object, schema, at: "figure") == [])
        }
    }

    /// The validator itself rejects what the schema forbids (so the test above can fail).
    @Test func validatorRejectsWrongRecords() throws {
        let schema = try Self.schema()
        let f = try #require(try figures("Kết nạp 9.711 đảng viên năm 2018.").first)
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(f)) as? [String: Any])
        object["time"] = "2018-Q5"
        object["extra"] = 1
        object["interval"] = ["lower": "x", "upper": NSNull(), "lowerOpen": false, "upperOpen": false]
        object.removeValue(forKey: "precision")
        #expect(Self.problems(object, schema, at: "figure").sorted() == [
            "figure.extra: not in the schema",
            "figure.interval.lower: string not in [\"number\", \"null\"]",
            "figure.precision: missing",
            "figure.time: '2018-Q5' does not match \(#"^\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?(\.\.\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?)?$"#)",
        ])
    }
}
