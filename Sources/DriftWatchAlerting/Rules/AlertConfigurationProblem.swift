/// One thing wrong with alerting configuration, with the path of the field it is about.
///
/// Paths use dots for fields and brackets for list items, relative to what was checked:
/// `condition.all_of[1].condition.threshold.op`, `rules[3].for`, `route.routes[0].receiver`.
///
/// ```swift
/// for problem in rule.validate() { print(problem) }  // "for: invalid duration \"5x\": …"
/// ```
public struct AlertConfigurationProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field path; empty for the value as a whole.
    public var field: String
    /// What is wrong.
    public var message: String

    /// Creates a problem.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`, or the message alone for the value as a whole.
    public var description: String { field.isEmpty ? message : "\(field): \(message)" }

    /// The problem a decoding error describes, with the failing field's path.
    ///
    /// Use it to report YAML or JSON decoding failures of rules, routes, receivers and silences:
    ///
    /// ```swift
    /// do { rule = try JSONDecoder().decode(AlertRule.self, from: body) }
    /// catch let error as DecodingError { throw AlertConfigurationProblem(error) }
    /// ```
    public init(_ error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(field: Self.path(context.codingPath + [key]), message: "missing required field")
        case .valueNotFound(let type, let context):
            self.init(field: Self.path(context.codingPath), message: "expected \(Self.describe(type)), found null")
        case .typeMismatch(let type, let context):
            self.init(field: Self.path(context.codingPath), message: "expected \(Self.describe(type))")
        case .dataCorrupted(let context):
            self.init(field: Self.path(context.codingPath), message: context.debugDescription)
        @unknown default:
            self.init(field: "", message: String(describing: error))
        }
    }

    /// This problem moved under a parent path, as when a rule's problems are reported within a list.
    public func nested(under parent: String) -> AlertConfigurationProblem {
        guard !parent.isEmpty else { return self }
        let joined = field.isEmpty ? parent : (field.hasPrefix("[") ? parent + field : parent + "." + field)
        return AlertConfigurationProblem(field: joined, message: message)
    }

    /// Renders a coding path as `a.b[2].c`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Double.Type, is Int.Type, is Int64.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
