/// An article that could not be read: the file (or record) it came from and why.
/// Prints as a compiler-style diagnostic, `file: error: message`.
public struct ArticleReadError: Error, CustomStringConvertible {
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): error: \(message)" }
}
