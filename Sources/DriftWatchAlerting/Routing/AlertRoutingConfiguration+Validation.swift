extension AlertRoutingConfiguration {
    /// Every problem of the configuration, each with its field path: a root without receiver or
    /// with matchers, routes naming unknown receivers, invalid `group_by` labels, zero intervals,
    /// duplicate or invalid receivers, inhibition rules without matchers.
    public func validate() -> [AlertConfigurationProblem] {
        var problems: [AlertConfigurationProblem] = []
        var names: [String: Int] = [:]
        for (index, receiver) in receivers.enumerated() {
            problems += receiver.validate().map { $0.nested(under: "receivers[\(index)]") }
            if let first = names[receiver.name] {
                problems.append(
                    AlertConfigurationProblem(
                        field: "receivers[\(index)].name",
                        message: "\"\(receiver.name)\" is already used by receivers[\(first)]"))
            } else {
                names[receiver.name] = index
            }
        }
        if route.receiver == nil {
            problems.append(
                AlertConfigurationProblem(field: "route.receiver", message: "the root route needs a receiver"))
        }
        if !route.matchers.isEmpty {
            problems.append(
                AlertConfigurationProblem(
                    field: "route.matchers", message: "the root route takes every alert: no matchers"))
        }
        problems += validate(route, path: "route", receivers: Set(names.keys))
        for (index, rule) in inhibitRules.enumerated() {
            let path = "inhibit_rules[\(index)]"
            if rule.sourceMatchers.isEmpty {
                problems.append(AlertConfigurationProblem(field: "\(path).source_matchers", message: "needs a matcher"))
            }
            if rule.targetMatchers.isEmpty {
                problems.append(AlertConfigurationProblem(field: "\(path).target_matchers", message: "needs a matcher"))
            }
            for name in rule.equal where !AlertRule.isValidLabelName(name) {
                problems.append(
                    AlertConfigurationProblem(field: "\(path).equal", message: "invalid label name \"\(name)\""))
            }
        }
        return problems
    }

    private func validate(_ route: Route, path: String, receivers: Set<String>) -> [AlertConfigurationProblem] {
        var problems: [AlertConfigurationProblem] = []
        if let receiver = route.receiver, !receivers.contains(receiver) {
            problems.append(
                AlertConfigurationProblem(field: "\(path).receiver", message: "no receiver is named \"\(receiver)\""))
        }
        for name in route.groupBy ?? [] where name != "..." && !AlertRule.isValidLabelName(name) {
            problems.append(
                AlertConfigurationProblem(field: "\(path).group_by", message: "invalid label name \"\(name)\""))
        }
        if let interval = route.groupInterval, !interval.isPositive {
            problems.append(
                AlertConfigurationProblem(field: "\(path).group_interval", message: "must be longer than 0s"))
        }
        if let interval = route.repeatInterval, !interval.isPositive {
            problems.append(
                AlertConfigurationProblem(field: "\(path).repeat_interval", message: "must be longer than 0s"))
        }
        for (index, child) in route.routes.enumerated() {
            problems += validate(child, path: "\(path).routes[\(index)]", receivers: receivers)
        }
        return problems
    }
}
