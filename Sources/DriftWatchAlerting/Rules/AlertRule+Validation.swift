import Foundation

extension AlertRule {
    /// Every problem of the rule, each with its field path; empty when the rule is usable.
    ///
    /// Checks the id's characters, that every condition reads a metric, that thresholds and
    /// factors are finite and positive where they must be, that composites are not empty, that
    /// label names are valid and not reserved, and that the runbook link is an http(s) URL.
    public func validate() -> [AlertConfigurationProblem] {
        var problems: [AlertConfigurationProblem] = []
        func problem(_ field: String, _ message: String) {
            problems.append(AlertConfigurationProblem(field: field, message: message))
        }
        if id.isEmpty {
            problem("id", "must not be empty")
        } else if !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.:".contains($0)) }) {
            problem("id", "\"\(id)\" may only use letters, digits, _, -, . and :")
        }
        if name.trimmingWhitespace().isEmpty { problem("name", "must not be empty") }
        if let metric, metric.trimmingWhitespace().isEmpty { problem("metric", "must not be empty when given") }
        if let method, method.trimmingWhitespace().isEmpty { problem("method", "must not be empty when given") }
        problems += Self.validate(condition, metric: metric, path: "condition")
        for (name, _) in labels.sorted(by: { $0.key < $1.key }) {
            if !Self.isValidLabelName(name) {
                problem("labels.\(name)", "label names use letters, digits and _ and do not start with a digit")
            } else if Self.reservedLabelNames.contains(name) {
                problem("labels.\(name)", "\"\(name)\" is set by the evaluator and cannot be a rule label")
            }
        }
        if let runbook = annotations.runbookURL, !runbook.contains("{{") {
            let scheme = URL(string: runbook)?.scheme?.lowercased()
            if scheme != "http" && scheme != "https" {
                problem("annotations.runbook_url", "\"\(runbook)\" is not an http(s) URL")
            }
        }
        return problems
    }

    /// Every problem of a list of rules, with paths such as `rules[2].condition`, including ids
    /// used more than once.
    public static func validate(_ rules: [AlertRule], path: String = "rules") -> [AlertConfigurationProblem] {
        var problems: [AlertConfigurationProblem] = []
        var firstIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() {
            let itemPath = "\(path)[\(index)]"
            problems += rule.validate().map { $0.nested(under: itemPath) }
            if let first = firstIndex[rule.id] {
                problems.append(
                    AlertConfigurationProblem(
                        field: "\(itemPath).id", message: "\"\(rule.id)\" is already used by \(path)[\(first)]"))
            } else {
                firstIndex[rule.id] = index
            }
        }
        return problems
    }

    /// Whether `name` is a Prometheus label name: `[a-zA-Z_][a-zA-Z0-9_]*`.
    public static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    private static func validate(_ condition: AlertCondition, metric: String?, path: String)
        -> [AlertConfigurationProblem]
    {
        var problems: [AlertConfigurationProblem] = []
        func problem(_ field: String, _ message: String) {
            problems.append(AlertConfigurationProblem(field: field, message: message))
        }
        func requireMetric() {
            if metric == nil { problem(path, "no metric: set the rule's metric or the clause's") }
        }
        switch condition {
        case .threshold(let threshold):
            requireMetric()
            if !threshold.value.isFinite { problem("\(path).threshold.value", "must be a finite number") }
        case .adaptive(let adaptive):
            requireMetric()
            if !(adaptive.k.isFinite && adaptive.k > 0) { problem("\(path).adaptive.k", "must be a positive number") }
        case .relative(let relative):
            requireMetric()
            if !(relative.fraction.isFinite && relative.fraction > 0) {
                problem("\(path).relative.fraction", "must be a positive number (0.10 for 10 %)")
            } else if relative.direction == .drop && relative.fraction >= 1 {
                problem("\(path).relative.fraction", "a drop is less than the whole reference: use a fraction below 1")
            }
        case .allOf(let clauses), .anyOf(let clauses):
            let key = if case .allOf = condition { "all_of" } else { "any_of" }
            if clauses.isEmpty { problem("\(path).\(key)", "needs at least one clause") }
            for (index, clause) in clauses.enumerated() {
                let clausePath = "\(path).\(key)[\(index)]"
                if let clauseMetric = clause.metric, clauseMetric.trimmingWhitespace().isEmpty {
                    problem("\(clausePath).metric", "must not be empty when given")
                }
                if let method = clause.method, method.trimmingWhitespace().isEmpty {
                    problem("\(clausePath).method", "must not be empty when given")
                }
                problems += validate(clause.condition, metric: clause.metric ?? metric, path: "\(clausePath).condition")
            }
        }
        return problems
    }
}
