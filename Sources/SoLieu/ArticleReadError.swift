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
}
