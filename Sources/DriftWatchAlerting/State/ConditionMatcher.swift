import DriftWatchCore
import Foundation

/// Evaluates a condition tree against one evaluation's results.
struct ConditionMatcher {
    /// What composites join on: one model, version and segment.
    struct Place: Hashable, Comparable {
        var model: String
        var version: String
        var segment: String

        init(_ result: MonitorResult) {
            model = result.modelID
            version = result.modelVersion
            segment = result.segment
        }

        static func < (lhs: Place, rhs: Place) -> Bool {
            (lhs.model, lhs.version, lhs.segment) < (rhs.model, rhs.version, rhs.segment)
        }
    }

    /// Which series of a place a (sub-)condition reads.
    struct Selection {
        var metric: String?
        var method: String?
        var feature: ScopePattern
        /// Set for series-level rules: the one feature the alert is about.
        var exactFeature: String?

        func overridden(by clause: AlertClause) -> Selection {
            var selection = self
            if let metric = clause.metric { selection.metric = metric }
            if let method = clause.method { selection.method = method }
            if let feature = clause.feature {
                selection.feature = feature
                selection.exactFeature = nil
            }
            return selection
        }
    }

    /// The verdict of a (sub-)condition at one place.
    struct Outcome {
        var present = false
        var holds = false
        var value: Double?
        var score: Double?
        var features: [String] = []
        var windowStart: Date?
        var windowEnd: Date?

        func match(labels: AlertLabels) -> AlertRuleMatch {
            AlertRuleMatch(
                seriesLabels: labels, holds: holds, value: value, features: features, windowStart: windowStart,
                windowEnd: windowEnd, score: score)
        }
    }

    var snapshot: ResultSnapshot
    var baselines: ReferenceBaselines

    /// Whether a result's method satisfies a rule's method filter (none, or equal ignoring case).
    static func methodMatches(_ wanted: String?, _ actual: String?) -> Bool {
        guard let wanted else { return true }
        guard let actual else { return false }
        return wanted.caseInsensitiveCompare(actual) == .orderedSame
    }

    func outcome(of condition: AlertCondition, at place: Place, selection: Selection) -> Outcome {
        switch condition {
        case .threshold, .adaptive, .relative:
            return leafOutcome(condition, at: place, selection: selection)
        case .allOf(let clauses), .anyOf(let clauses):
            let isAll = if case .allOf = condition { true } else { false }
            let outcomes = clauses.map { outcome(of: $0.condition, at: place, selection: selection.overridden(by: $0)) }
            var combined = Outcome()
            combined.present = outcomes.contains { $0.present }
            combined.holds =
                !outcomes.isEmpty && (isAll ? outcomes.allSatisfy(\.holds) : outcomes.contains(where: \.holds))
            let representative =
                combined.holds && !isAll ? outcomes.first(where: \.holds) : outcomes.first(where: \.present)
            combined.value = representative?.value
            combined.score = representative?.score
            if combined.holds {
                combined.features = Array(Set(outcomes.filter(\.holds).flatMap(\.features))).sorted()
            }
            combined.windowStart = outcomes.compactMap(\.windowStart).min()
            combined.windowEnd = outcomes.compactMap(\.windowEnd).max()
            return combined
        }
    }

    private func leafOutcome(_ condition: AlertCondition, at place: Place, selection: Selection) -> Outcome {
        guard let metric = selection.metric else { return Outcome() }
        var outcome = Outcome()
        var best: (holds: Bool, score: Double, value: Double)?
        var holdingFeatures: Set<String> = []
        for entry in snapshot.entries(metric) {
            let result = entry.result
            guard result.modelID == place.model, result.modelVersion == place.version, result.segment == place.segment,
                Self.methodMatches(selection.method, entry.method)
            else { continue }
            if let exact = selection.exactFeature {
                guard result.feature == exact else { continue }
            } else if !selection.feature.matches(result.feature) {
                continue
            }
            outcome.present = true
            outcome.windowStart = min(outcome.windowStart ?? result.windowStart, result.windowStart)
            outcome.windowEnd = max(outcome.windowEnd ?? result.windowEnd, result.windowEnd)
            guard let value = result.value, value.isFinite else { continue }
            let baseline = baselines.baseline(for: entry.key)
            let holds = Self.holds(condition, value, baseline)
            let score = Self.score(condition, value, baseline)
            if holds {
                outcome.holds = true
                if !result.feature.isEmpty { holdingFeatures.insert(result.feature) }
            }
            // A holding series outranks any that does not; among equals, the more extreme wins.
            if let current = best, (current.holds && !holds) || (current.holds == holds && current.score >= score) {
                continue
            }
            best = (holds, score, value)
        }
        outcome.value = best?.value
        outcome.score = best?.score
        outcome.features = holdingFeatures.sorted()
        return outcome
    }

    static func holds(_ condition: AlertCondition, _ value: Double, _ baseline: ReferenceBaseline?) -> Bool {
        switch condition {
        case .threshold(let threshold): threshold.op.compare(value, threshold.value)
        case .adaptive(let adaptive): baseline.map { adaptive.holds(value, baseline: $0) } ?? false
        case .relative(let relative): baseline.map { relative.holds(value, reference: $0.mean) } ?? false
        case .allOf, .anyOf: false
        }
    }

    /// How far into the alerting side a value is: larger is worse.
    static func score(_ condition: AlertCondition, _ value: Double, _ baseline: ReferenceBaseline?) -> Double {
        switch condition {
        case .threshold(let threshold): threshold.op.firesAbove ? value : -value
        case .relative(let relative): relative.direction == .rise ? value : -value
        case .adaptive(let adaptive):
            switch adaptive.side {
            case .above: value
            case .below: -value
            case .outside: baseline.map { abs(value - $0.mean) } ?? value
            }
        case .allOf, .anyOf: value
        }
    }
}
