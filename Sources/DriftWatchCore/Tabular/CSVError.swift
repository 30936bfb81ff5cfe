/// A CSV file that cannot be read, with the place that is wrong.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file path as given.
    public var file: String
    /// The 1-based line where the problem is, when there is one.
    public var line: Int?
    /// The column (header name) involved, when there is one.
    public var column: String?
    /// What is wrong.
    public var message: String

    /// Creates an error for a place in a file.
    public init(file: String, line: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let column { place += ", column \"\(column)\"" }
        return "\(place): \(message)"
    }
}
