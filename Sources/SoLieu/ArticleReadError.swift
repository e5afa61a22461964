import VietText

/// A problem with one input (a file, a JSON Lines record, a page), printed as
/// `file:line:column: error: message` (or `file: error: message` when there is no position).
public struct ArticleReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var position: InputPosition?
    public var message: String

    public init(file: String, position: InputPosition? = nil, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    public var description: String {
        if let position { return "\(file):\(position.line):\(position.column): error: \(message)" }
        return "\(file): error: \(message)"
    }

    /// The error for the bad UTF-8 byte at `offset` of `bytes`.
    public static func invalidUTF8(file: String, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> ArticleReadError {
        ArticleReadError(file: file, position: TextInput.position(of: offset, in: bytes),
                         message: "invalid UTF-8 (byte 0x\(hex(bytes[offset])) at byte offset \(offset))")
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
