import Foundation
import Testing
@testable import Figures

/// The JSON Schema shipped with the records (`Sources/Figures/Resources/figure.schema.json`)
/// describes what the encoder writes: required keys, types, enums, the time pattern.
@Suite struct SchemaTests {
    static func schema() throws -> [String: Any] {
        let url = try #require(Figure.schemaURL)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func encodedFiguresConformToTheSchema() throws {
        let schema = try Self.schema()
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        let required = try #require(schema["required"] as? [String])
        let sample = try figures("Từ năm 2015 đến hết năm 2018, kết nạp 9.711 đảng viên, trên 2.300 đảng viên/năm, tăng 10-15%.")
        #expect(sample.count == 3)
        let encoder = JSONEncoder()
        for f in sample {
            let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(f)) as? [String: Any])
            for key in required { #expect(object.keys.contains(key), "missing \(key)") }
            for (key, value) in object {
                let spec = try #require(properties[key], "\(key) is not in the schema")
                if let options = spec["enum"] as? [String] { #expect(options.contains(value as? String ?? ""), "\(key)=\(value)") }
                let types: [String] = (spec["type"] as? [String]) ?? (spec["type"] as? String).map { [$0] } ?? []
                let actual: String = value is NSNull ? "null" : value is String ? "string" : (value as? NSNumber).map { _ in "number" } ?? "?"
                if !types.isEmpty {
                    #expect(types.contains(actual) || (actual == "number" && types.contains("integer")), "\(key): \(actual) not in \(types)")
                }
                if key == "time", let t = value as? String, let pattern = spec["pattern"] as? String {
                    #expect(t.range(of: pattern, options: .regularExpression) != nil, "time \(t)")
                }
            }
        }
    }
}
