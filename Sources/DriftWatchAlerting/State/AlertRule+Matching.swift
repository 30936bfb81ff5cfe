import DriftWatchCore
import Foundation

extension AlertRule {
    /// What the rule's condition says about each series in `results` right now, without any
    /// `for` / `keep_firing_for` state: for previews ("would this rule fire now?") and for the
    /// evaluator.
    ///
    /// Only the latest window of each series counts. A rule whose condition reads only its own
    /// metric gives one match per series in scope; a composite whose clauses read other metrics,
    /// methods or features gives one match per model, version and segment that has data for any
    /// clause (see ``AlertCondition``). Series whose value is nil are present but never hold.
    ///
    /// - Parameters:
    ///   - results: The current monitor results.
    ///   - baselines: Reference baselines for adaptive and relative conditions.
    public func matches(in results: [MonitorResult], baselines: ReferenceBaselines = .init()) -> [AlertRuleMatch] {
        matches(in: ResultSnapshot(results), baselines: baselines)
    }

    func matches(in snapshot: ResultSnapshot, baselines: ReferenceBaselines) -> [AlertRuleMatch] {
        let matcher = ConditionMatcher(snapshot: snapshot, baselines: baselines)
        let root = ConditionMatcher.Selection(metric: metric, method: method, feature: scope.feature, exactFeature: nil)
        if condition.joinsSeries {
            var places: Set<ConditionMatcher.Place> = []
            for metric in referencedMetrics() {
                for entry in snapshot.entries(metric) where scopeMatches(entry.result) {
                    places.insert(ConditionMatcher.Place(entry.result))
                }
            }
            return places.sorted().compactMap { place in
                let outcome = matcher.outcome(of: condition, at: place, selection: root)
                guard outcome.present else { return nil }
                return outcome.match(labels: Self.seriesLabels(place, feature: ""))
            }
        }
        guard let metric else { return [] }
        return snapshot.entries(metric).compactMap { entry in
            guard scopeMatches(entry.result), scope.feature.matches(entry.result.feature),
                ConditionMatcher.methodMatches(method, entry.method)
            else { return nil }
            var selection = root
            selection.exactFeature = entry.result.feature
            let place = ConditionMatcher.Place(entry.result)
            let outcome = matcher.outcome(of: condition, at: place, selection: selection)
            return outcome.match(labels: Self.seriesLabels(place, feature: entry.result.feature))
        }
    }

    /// The labels an alert of this rule gets for a match: rule labels, series labels,
    /// `alertname` and `severity`.
    public func alertLabels(for match: AlertRuleMatch) -> AlertLabels {
        var result = AlertLabels(labels)
        for (name, value) in match.seriesLabels { result[name] = value }
        result["alertname"] = name
        result["severity"] = severity.rawValue
        return result
    }

    /// Every metric the condition reads, the rule's own included.
    public func referencedMetrics() -> Set<String> {
        var metrics: Set<String> = []
        if let metric { metrics.insert(metric) }
        func collect(_ condition: AlertCondition) {
            if case .allOf(let clauses) = condition { clauses.forEach(visit) }
            if case .anyOf(let clauses) = condition { clauses.forEach(visit) }
        }
        func visit(_ clause: AlertClause) {
            if let metric = clause.metric { metrics.insert(metric) }
            collect(clause.condition)
        }
        collect(condition)
        return metrics
    }

    private func scopeMatches(_ result: MonitorResult) -> Bool {
        scope.model.matches(result.modelID) && scope.version.matches(result.modelVersion)
            && scope.segment.matches(result.segment)
    }

    private static func seriesLabels(_ place: ConditionMatcher.Place, feature: String) -> AlertLabels {
        ["model": place.model, "version": place.version, "feature": feature, "segment": place.segment]
    }
}
