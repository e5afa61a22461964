@_implementationOnly import CICU

/// An ICU call that failed, with ICU's own name for the status (`U_ILLEGAL_ARGUMENT_ERROR`, ...).
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let code: Int32
    public let name: String
    /// Where in the input the failure happened, when the operation knows (a converter reports the
    /// offset of the first byte, or UTF-16 unit, it could not convert).
    public let offset: Int?

    init(_ operation: String, code: Int32, offset: Int? = nil) {
        self.operation = operation
        self.code = code
        self.offset = offset
        if let cName = cicu_error_name(code) {
            self.name = String(cString: cName)
        } else {
            self.name = "ICU error \(code)"
        }
    }

    public var description: String {
        if let offset { return "\(operation) failed at offset \(offset): \(name)" }
        return "\(operation) failed: \(name)"
    }

    static func check(_ status: Int32, _ operation: String) throws(ICUError) {
        if cicu_failure(status) != 0 { throw ICUError(operation, code: status) }
    }
}
