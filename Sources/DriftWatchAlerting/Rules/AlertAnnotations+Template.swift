import Foundation

extension AlertAnnotations {
    /// The annotations with `{{ $labels.NAME }}` and `{{ $value }}` filled in.
    ///
    /// A label the alert does not have becomes empty text; a placeholder of any other shape is
    /// kept as written, so a typo shows in the notification instead of vanishing.
    public func rendered(labels: AlertLabels, value: Double?) -> AlertAnnotations {
        func render(_ text: String) -> String { Self.render(text, labels: labels, value: value) }
        return AlertAnnotations(
            summary: summary.map(render), description: description.map(render), runbookURL: runbookURL.map(render),
            nextSteps: nextSteps.map(render))
    }

    /// A value as annotations show it: up to four significant digits, `NaN` when undefined.
    public static func format(_ value: Double?) -> String {
        guard let value else { return "NaN" }
        return String(format: "%.4g", value)
    }

    private static func render(_ text: String, labels: AlertLabels, value: Double?) -> String {
        guard text.contains("{{") else { return text }
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let expression = String(rest[open.upperBound..<close.lowerBound]).trimmingWhitespace()
            if expression == "$value" {
                output += format(value)
            } else if expression.hasPrefix("$labels.") {
                output += labels[String(expression.dropFirst("$labels.".count))] ?? ""
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}
